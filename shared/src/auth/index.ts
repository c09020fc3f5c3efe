export * from "./schemas";
export * from "./staff";

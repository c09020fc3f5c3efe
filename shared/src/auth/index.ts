export * from "./audit";
export * from "./schemas";
export * from "./staff";

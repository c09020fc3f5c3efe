export * from "./schemas";
export * from "./staff";
export * from "./audit";

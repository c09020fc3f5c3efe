export * from "./audit";
export * from "./phone";
export * from "./schemas";
export * from "./staff";

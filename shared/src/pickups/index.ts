export * from "./changes";
export * from "./lifecycle";
export * from "./rules";
export * from "./schemas";
export * from "./settings";

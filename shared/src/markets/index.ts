export * from "./geometry";
export * from "./schemas";
export * from "./status";

export * from "./pickup-code";
export * from "./schemas";

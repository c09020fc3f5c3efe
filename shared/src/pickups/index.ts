export * from "./bureau";
export * from "./changes";
export * from "./collector-day";
export * from "./collector-schemas";
export * from "./lifecycle";
export * from "./rules";
export * from "./schemas";
export * from "./settings";

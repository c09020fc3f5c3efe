export * from "./auth";
export * from "./city";
export * from "./errors";
export * from "./finders";
export * from "./geo";
export * from "./http";
export * from "./reports";
export * from "./time";

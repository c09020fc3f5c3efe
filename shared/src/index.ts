export * from "./auth";
export * from "./errors";
export * from "./finders";
export * from "./geo";
export * from "./http";
export * from "./privacy";
export * from "./reports";
export * from "./time";

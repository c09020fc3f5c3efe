export * from "./admin";
export * from "./feed";
export * from "./live";
export * from "./lots";
export * from "./feedSignature";

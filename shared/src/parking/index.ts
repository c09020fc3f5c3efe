export * from "./admin";
export * from "./feed";
export * from "./feedSignature";
export * from "./live";
export * from "./lots";
export * from "./pull";

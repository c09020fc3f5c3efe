export * from "./communities";
export * from "./stars";

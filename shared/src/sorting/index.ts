export * from "./checks";
export * from "./communities";
export * from "./stars";

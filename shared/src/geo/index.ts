export * from "./distance";
export * from "./edges";
export * from "./gcj02";
export * from "./grid";

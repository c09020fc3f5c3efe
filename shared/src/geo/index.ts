export * from "./distance";
export * from "./gcj02";
export * from "./grid";

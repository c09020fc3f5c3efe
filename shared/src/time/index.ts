export * from "./cityMonth";
export * from "./cityTime";

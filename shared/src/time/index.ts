export * from "./cityTime";
export * from "./cityMonth";

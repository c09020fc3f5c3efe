export * from "./cityTime";

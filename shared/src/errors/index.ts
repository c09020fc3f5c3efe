export * from "./envelope";

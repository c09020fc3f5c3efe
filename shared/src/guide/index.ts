export * from "./dataset";
export { BULKY_PICKUP_PAGE } from "./define-items";
export * from "./quiz";
export * from "./schemas";
export * from "./search";

export * from "./categories";
export * from "./coarsen";
export * from "./kpis";
export * from "./lifecycle";
export * from "./schemas";

export * from "./categories";
export * from "./coarsen";
export * from "./inbox";
export * from "./kpis";
export * from "./lifecycle";
export * from "./moderation";
export * from "./open311";
export * from "./schemas";

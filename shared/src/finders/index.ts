export * from "./hoursText";
export * from "./openingHours";
export * from "./toiletImport";
export * from "./toilets";
export * from "./toiletAdmin";

export * from "./hoursText";
export * from "./openingHours";
export * from "./toiletAdmin";
export * from "./toiletImport";
export * from "./toilets";

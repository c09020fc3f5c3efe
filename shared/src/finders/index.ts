export * from "./hoursText";
export * from "./openingHours";
export * from "./toiletAdmin";
export * from "./toiletClosure";
export * from "./toiletClosureRequest";
export * from "./toiletFeedbackResolution";
export * from "./toiletImport";
export * from "./toilets";

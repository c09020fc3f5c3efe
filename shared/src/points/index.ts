export * from "./api";
export * from "./ledger";

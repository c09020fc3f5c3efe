import { afterAll, beforeAll, beforeEach } from "vitest";
import { registerAllContracts } from "../contract";
import type { ContractHarness } from "../contract/harness";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/**
 * The API contract on the Node host: better-sqlite3, a fresh in-memory database per test, nearby search
 * through the portable SQL (the D1 path) instead of the in-memory index.
 */
let wechat: FakeWechat;
let current: ContractHarness;

beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});
beforeEach(() => {
  current = createNodeHarness(wechat, { nearbyInMemory: false }).harness;
});

registerAllContracts(() => current);

import { afterAll, beforeAll, beforeEach } from "vitest";
import { registerAllContracts } from "../contract";
import type { ContractHarness } from "../contract/harness";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/**
 * The API contract on the Node host: better-sqlite3, a fresh in-memory database per test, nearby search
 * served from the in-memory index as the Node host does by default.
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
  current = createNodeHarness(wechat, { nearbyInMemory: true }).harness;
});

registerAllContracts(() => current);

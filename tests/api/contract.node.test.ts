import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import { registerAllContracts } from "../contract";
import type { ContractHarness } from "../contract/harness";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/**
 * The API contract on the Node host: better-sqlite3, a fresh in-memory database per test; once with nearby
 * search from the in-memory index (the Node default), once through the portable SQL (the D1 path).
 */
let wechat: FakeWechat;

beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

for (const nearbyInMemory of [true, false]) {
  describe(nearbyInMemory ? "node, nearby in memory" : "node, nearby in SQL", () => {
    let current: ContractHarness;
    beforeEach(() => {
      current = createNodeHarness(wechat, { nearbyInMemory }).harness;
    });
    registerAllContracts(() => current);
  });
}

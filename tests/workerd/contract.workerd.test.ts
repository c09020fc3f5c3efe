import { beforeEach } from "vitest";
import { registerAllContracts } from "../contract";
import type { ContractHarness } from "../contract/harness";
import { createWorkerdHarness, wipeStorage } from "./harness";

/** The API contract on the Worker host: D1 + R2 inside workerd, an empty database before each test. */
let current: ContractHarness;

beforeEach(async () => {
  await wipeStorage();
  current = createWorkerdHarness();
});

registerAllContracts(() => current);

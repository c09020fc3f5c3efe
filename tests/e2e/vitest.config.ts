import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/*
 * Browser E2E: the H5 build in Debian's Chromium (playwright-core) against the real Node API on an
 * ephemeral port with a temporary SQLite database. One fork, one file at a time, generous timeouts.
 */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  test: {
    name: "e2e",
    root: here("../.."),
    include: ["tests/e2e/**/*.e2e.test.ts"],
    environment: "node",
    globalSetup: [here("global-setup.ts")],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

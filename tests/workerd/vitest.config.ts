import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

/*
 * Layer 3: the API contract suite inside workerd, on the Worker's own D1 + R2 bindings (api/wrangler.toml).
 * Storage is isolated per test file by the pool; the harness also empties every table before each test,
 * because the contract suites expect a fresh database per test (as the Node runner gives them).
 */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig(async () => {
  const migrations = await readD1Migrations(here("../../api/migrations"));
  return {
    root: here("."),
    plugins: [
      cloudflareTest({
        wrangler: { configPath: here("../../api/wrangler.toml") },
        miniflare: {
          // Test-only bindings; everything else (DB, BLOBS, [vars]) comes from wrangler.toml.
          bindings: { TEST_MIGRATIONS: migrations },
        },
      }),
    ],
    test: {
      name: "workerd",
      include: ["**/*.workerd.test.ts"],
      globalSetup: [here("global-setup.ts")],
      setupFiles: [here("apply-migrations.ts")],
      testTimeout: 20_000,
      hookTimeout: 30_000,
    },
  };
});

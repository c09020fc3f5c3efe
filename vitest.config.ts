import { defineConfig } from "vitest/config";

/** Fast layers: shared unit/property tests and the API on better-sqlite3. Other layers have their own configs. */
export default defineConfig({
  test: {
    projects: [
      { test: { name: "shared", include: ["shared/src/**/*.test.ts"], environment: "node" } },
      { test: { name: "api", include: ["api/src/**/*.test.ts", "tests/api/**/*.test.ts"], environment: "node", testTimeout: 20_000 } },
    ],
  },
});

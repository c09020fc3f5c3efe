import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** Node-side proof that the Worker really runs: real `wrangler dev` with local D1 + R2 on an ephemeral port. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    name: "live-worker",
    include: ["**/*.live.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

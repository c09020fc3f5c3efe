import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/*
 * Mini-program component tests in jsdom. @tarojs/taro and @tarojs/components cannot load outside a Taro
 * runtime, so they are aliased to small shims (./shims); TARO_ENV is "h5" unless a test stubs it.
 * Run from the repository root: pnpm exec vitest run --config tests/miniapp/vitest.config.ts
 */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@tarojs\/taro$/, replacement: here("shims/taro.ts") },
      { find: /^@tarojs\/components$/, replacement: here("shims/components.tsx") },
    ],
  },
  define: {
    // What config/index.ts bakes into the H5 build: the API on the page's own origin.
    API_BASE: JSON.stringify(""),
  },
  test: {
    name: "miniapp",
    root: here("../.."),
    include: ["tests/miniapp/**/*.test.{ts,tsx}"],
    environment: "jsdom",
    env: { TARO_ENV: "h5" },
    setupFiles: [here("setup.ts")],
    restoreMocks: true,
  },
});

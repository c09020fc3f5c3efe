import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/*
 * Weapp smoke test: builds the mini-program for WeChat if the build is stale, runs the built app under a
 * fake `wx`, and renders its pages with WeChat's own WXML compiler (miniprogram-compiler's wcc).
 */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  test: {
    name: "weapp",
    root: here("../.."),
    include: ["tests/weapp/**/*.weapp.test.ts"],
    environment: "node",
    globalSetup: [here("global-setup.ts")],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

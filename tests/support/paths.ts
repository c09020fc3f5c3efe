import { fileURLToPath } from "node:url";

/** Absolute paths the cross-package test layers share. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const miniappDir = fileURLToPath(new URL("../../miniapp/", import.meta.url));
export const testOutputDir = fileURLToPath(new URL("../../test-output/", import.meta.url));

export type MiniappTarget = "weapp" | "h5";
export const miniappDist = (target: MiniappTarget) => fileURLToPath(new URL(`../../miniapp/dist/${target}/`, import.meta.url));

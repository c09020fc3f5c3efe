import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without type declarations (it runs before any TypeScript tooling)
import { installAdvice, missingSystemPackages, missingWorkspaceInstall } from "../../scripts/preflight.mjs";

describe("pnpm test on a fresh machine says exactly what to install", () => {
  it("names Chromium and the CJK fonts with the apt command when both are missing", () => {
    const missing = missingSystemPackages({ chromiumPath: "/nowhere/chromium", fontList: "", fileExists: () => false });
    const advice: string = installAdvice(missing, { isRoot: false });
    expect(advice).toContain("Chromium (looked for /nowhere/chromium)");
    expect(advice).toContain("CJK fonts");
    expect(advice).toContain("sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk");
  });

  it("asks only for the fonts when Chromium is there, without sudo for root", () => {
    const missing = missingSystemPackages({ chromiumPath: "/usr/bin/chromium", fontList: "DejaVu Sans", fileExists: () => true });
    expect(installAdvice(missing, { isRoot: true })).toContain("  apt-get update && apt-get install -y fonts-noto-cjk");
  });

  it("says nothing when everything is installed", () => {
    const fonts = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc: Noto Sans CJK SC:style=Regular";
    expect(installAdvice(missingSystemPackages({ fontList: fonts, fileExists: () => true }))).toBe("");
  });

  it("points at the README's first command when the workspace is not installed", () => {
    expect(missingWorkspaceInstall("/nowhere")).toContain("npx --yes pnpm@10.34.9 install");
  });
});

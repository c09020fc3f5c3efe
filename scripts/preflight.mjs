// What `pnpm test` needs beyond Node and the workspace's packages, and the exact commands that install it.
// Kept free of side effects so tests/api/preflight.test.ts can drive it with a fake system.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** Debian's Chromium and CJK fonts: the browser E2E drives the one and screenshots Chinese with the other. */
export function missingSystemPackages({
  chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  fontList = listFonts(),
  fileExists = existsSync,
} = {}) {
  const missing = [];
  if (!fileExists(chromiumPath)) missing.push({ what: `Chromium (looked for ${chromiumPath})`, apt: "chromium" });
  if (!/Noto Sans CJK/i.test(fontList))
    missing.push({ what: "CJK fonts (Noto Sans CJK), without them Chinese renders as boxes", apt: "fonts-noto-cjk" });
  return missing;
}

function listFonts() {
  const run = spawnSync("fc-list", [], { encoding: "utf8" });
  return run.status === 0 ? run.stdout : "";
}

/** The exact commands to run, as root or with sudo. */
export function installAdvice(missing, { isRoot = process.getuid?.() === 0 } = {}) {
  if (missing.length === 0) return "";
  const sudo = isRoot ? "" : "sudo ";
  const packages = missing.map((m) => m.apt).join(" ");
  return [
    "The browser E2E layer needs packages this machine lacks:",
    ...missing.map((m) => `  - ${m.what}`),
    "Install them from Debian's packages, then run the tests again:",
    `  ${sudo}apt-get update && ${sudo}apt-get install -y ${packages}`,
  ].join("\n");
}

/** The workspace's packages, installed by the README's first command. */
export function missingWorkspaceInstall(root) {
  return existsSync(join(root, "node_modules", "vitest", "vitest.mjs"))
    ? ""
    : "The workspace's packages are not installed. Run the README's first command (npx --yes pnpm@10.34.9 install) first.";
}

// Builds the mini-program for one target by running Taro's CLI with this Node, from miniapp/.
// Calling the CLI directly (not `pnpm --filter ... build:<target>`) keeps it working when pnpm itself is
// not on PATH, e.g. under `npx pnpm start` on a fresh machine.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { precompressDir } from "./precompress.mjs";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const miniappDir = join(repoRoot, "miniapp");

/**
 * @param {"h5" | "weapp"} target
 * @returns {Promise<void>}
 */
export function buildMiniapp(target) {
  const taro = createRequire(join(miniappDir, "package.json")).resolve("@tarojs/cli/bin/taro");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [taro, "build", "--type", target], {
      cwd: miniappDir,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`miniapp build --type ${target} failed (exit ${code})`));
      // The Node host serves the H5 app's .br/.gz copies (api/src/hosts/node/static-files.ts).
      if (target === "h5") precompressDir(join(miniappDir, "dist", "h5"));
      resolve();
    });
  });
}

// CLI: `node scripts/miniapp-build.mjs <h5|weapp>` (used by the test support code and the benchmarks).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = process.argv[2];
  if (target !== "h5" && target !== "weapp") {
    console.error("usage: node scripts/miniapp-build.mjs <h5|weapp>");
    process.exit(2);
  }
  buildMiniapp(target).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

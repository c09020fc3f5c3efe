import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { type MiniappTarget, miniappDir, miniappDist, repoRoot } from "./paths";

/*
 * Builds the mini-program for one target when its output is missing or older than anything it is built
 * from (miniapp sources and config, and the shared package the pages import).
 */

const SKIP_DIRS = new Set(["node_modules", "dist", ".temp", ".swc", ".git"]);

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** The file whose presence (and age) stands for a finished build of `target`. */
const buildMarker = (target: MiniappTarget) => join(miniappDist(target), target === "weapp" ? "app.json" : "index.html");

export function miniappBuildIsStale(target: MiniappTarget): { stale: boolean; reason: string } {
  const marker = buildMarker(target);
  if (!existsSync(marker)) return { stale: true, reason: `${marker} is missing` };
  const built = statSync(marker).mtimeMs;
  const sources = [
    join(miniappDir, "src"),
    join(miniappDir, "config"),
    join(miniappDir, "package.json"),
    join(miniappDir, "babel.config.js"),
    join(miniappDir, "project.config.json"),
    join(repoRoot, "shared", "src"),
  ];
  const newest = Math.max(...sources.map(newestMtime));
  return newest > built ? { stale: true, reason: "sources changed since the last build" } : { stale: false, reason: "up to date" };
}

/** Runs `node scripts/miniapp-build.mjs <target>` (Taro's CLI, no pnpm on PATH needed), reporting its output tail on failure. */
export function buildMiniapp(target: MiniappTarget): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, "scripts", "miniapp-build.mjs"), target], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, CI: "1", NODE_ENV: "production" },
    });
    let log = "";
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 && existsSync(buildMarker(target))) resolve();
      else reject(new Error(`miniapp build:${target} failed (exit ${code}):\n${log}`));
    });
  });
}

export async function ensureMiniappBuild(target: MiniappTarget): Promise<string> {
  const { stale, reason } = miniappBuildIsStale(target);
  if (stale) {
    console.log(`[build] ${target}: ${reason}; building (takes a minute or two)...`);
    const started = Date.now();
    await buildMiniapp(target);
    console.log(`[build] ${target}: built in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return miniappDist(target);
}

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

function dirSize(dir: string, skip: Set<string> = new Set()): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (skip.has(p)) continue;
    total += entry.isDirectory() ? dirSize(p, skip) : statSync(p).size;
  }
  return total;
}

/** Bytes of the weapp main package: everything in dist/weapp outside the subpackage roots. */
export function weappMainPackageBytes(root: string): number {
  const dist = join(root, "miniapp", "dist", "weapp");
  if (!existsSync(join(dist, "app.json"))) {
    execFileSync(process.execPath, [join(root, "scripts", "miniapp-build.mjs"), "weapp"], { cwd: root, stdio: "inherit" });
  }
  const app = JSON.parse(readFileSync(join(dist, "app.json"), "utf8")) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => join(dist, s.root.replace(/\/$/, "")));
  return dirSize(dist, new Set(subRoots));
}

/** Gzipped bytes of the Worker bundle as wrangler would upload it. */
export function workerBundleGzipBytes(root: string): { raw: number; gzip: number } {
  const out = mkdtempSync(join(tmpdir(), "civic-worker-"));
  execFileSync(join(root, "node_modules", ".bin", "wrangler"), ["deploy", "--dry-run", "--outdir", out], {
    cwd: join(root, "api"),
    stdio: "ignore",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  let raw = 0;
  let gzip = 0;
  for (const f of readdirSync(out)) {
    if (!/\.(m?js|wasm)$/.test(f)) continue;
    const data = readFileSync(join(out, f));
    raw += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
  }
  return { raw, gzip };
}

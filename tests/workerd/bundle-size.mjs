#!/usr/bin/env node
// Prints the Worker's bundle size as Cloudflare counts it (gzipped), from `wrangler deploy --dry-run`.
// Usage: node tests/workerd/bundle-size.mjs [--json]   (no network, no account needed)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const apiDir = fileURLToPath(new URL("../../api/", import.meta.url));
const wranglerBin = fileURLToPath(new URL("../../node_modules/wrangler/bin/wrangler.js", import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), "civic-worker-bundle-"));
try {
  const run = spawnSync(process.execPath, [wranglerBin, "deploy", "--dry-run", "--outdir", outDir], {
    cwd: apiDir,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: "1" },
    encoding: "utf8",
    timeout: 120_000,
  });
  if (run.status !== 0) {
    console.error(`wrangler deploy --dry-run failed (${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
    process.exit(1);
  }
  const modules = readdirSync(outDir).filter((f) => /\.(m?js|wasm)$/.test(f));
  let raw = 0;
  let gzip = 0;
  for (const f of modules) {
    const bytes = readFileSync(join(outDir, f));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  if (process.argv.includes("--json")) console.log(JSON.stringify({ gzipBytes: gzip, rawBytes: raw, modules }));
  else console.log(`worker bundle: ${gzip} bytes gzipped (${raw} bytes raw, ${modules.join(", ")})`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

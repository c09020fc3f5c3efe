#!/usr/bin/env node
// `pnpm test`: every test layer, in order, each in its own vitest run; prints one summary line at the end.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { installAdvice, missingSystemPackages, missingWorkspaceInstall } from "./preflight.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "test-output");
mkdirSync(outDir, { recursive: true });

const layers = [
  { name: "shared + api (better-sqlite3)", config: "vitest.config.ts" },
  { name: "miniapp components (jsdom)", config: "tests/miniapp/vitest.config.ts" },
  { name: "api contract inside workerd (D1 + R2)", config: "tests/workerd/vitest.config.ts" },
  { name: "live worker (wrangler dev)", config: "tests/workerd/vitest.live.config.ts" },
  { name: "weapp smoke (WXML compiler)", config: "tests/weapp/vitest.config.ts" },
  { name: "browser E2E (Chromium)", config: "tests/e2e/vitest.config.ts" },
];

const notInstalled = missingWorkspaceInstall(root);
if (notInstalled) {
  console.error(notInstalled);
  process.exit(1);
}
// Said first and again at the end, so nobody has to dig for why the browser layer failed.
const systemAdvice = installAdvice(missingSystemPackages());
if (systemAdvice) console.error(`\n${systemAdvice}\n`);

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const failedLayers = [];

for (const layer of layers) {
  if (only.length > 0 && !only.some((o) => layer.config.includes(o) || layer.name.includes(o))) continue;
  if (!existsSync(join(root, layer.config))) {
    console.error(`\n✗ ${layer.name}: missing ${layer.config}`);
    failedLayers.push(layer.name);
    failed++;
    continue;
  }
  console.log(`\n▶ ${layer.name}  (vitest --config ${layer.config})`);
  const report = join(outDir, `${layer.config.replaceAll("/", "_")}.json`);
  const run = spawnSync(
    process.execPath,
    [
      join(root, "node_modules", "vitest", "vitest.mjs"),
      "run",
      "--config",
      layer.config,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    { cwd: root, stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  try {
    const r = JSON.parse(readFileSync(report, "utf8"));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if ((r.numTotalTests ?? 0) === 0) {
      console.error(`✗ ${layer.name}: ran no test`);
      failed++;
    }
  } catch {
    failed++;
  }
  if (run.status !== 0) failedLayers.push(layer.name);
}

if (systemAdvice) console.error(`\n${systemAdvice}`);
if (failedLayers.length > 0) console.error(`\nFailed layers: ${failedLayers.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failedLayers.length > 0 || failed > 0 ? 1 : 0);

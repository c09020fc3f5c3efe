/**
 * `pnpm bench`: nearby toilet search on the Node host with 100,000 seeded toilets against a bare Hono
 * hello server, both driven by autocannon on loopback (50 connections); then the weapp main-package size
 * and the gzipped Worker bundle. Prints figures and ratios; it is not a test and asserts nothing.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { insertToilets } from "@civic/api/seed/demo";
import { SUZHOU_AREAS } from "@civic/api/seed/suzhou";
import autocannon from "autocannon";
import { weappMainPackageBytes, workerBundleGzipBytes } from "./sizes";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const TOILETS = Number(process.env.BENCH_TOILETS ?? 100_000);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const SPREAD = Number(process.env.BENCH_SPREAD ?? 3);
/** Nearest 10, as in the reference figures for B-tree and R*Tree on this machine (STACK.md). */
const LIMIT = Number(process.env.BENCH_LIMIT ?? 10);

function startChild(script: string, args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "bench", "servers", script), ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once("line", (url) => resolve({ url: url.trim(), child }));
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function stop(child: ChildProcess) {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

/** Points around the demo districts' centres, weighted like the data, so searches hit real density. */
function searchPaths(count: number): string[] {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, () => {
    const area = SUZHOU_AREAS[Math.floor(rand() * SUZHOU_AREAS.length)] ?? SUZHOU_AREAS[0];
    if (!area) throw new Error("no areas");
    const lat = area.centre.lat + (rand() - 0.5) * 0.05;
    const lng = area.centre.lng + (rand() - 0.5) * 0.05;
    return `/api/v1/toilets/nearby?lat=${lat.toFixed(5)}&lng=${lng.toFixed(5)}&radius=1000&limit=${LIMIT}`;
  });
}

async function drive(url: string, paths: string[]) {
  // Warm up, then measure.
  await autocannon({ url, connections: 10, duration: 2, requests: paths.map((path) => ({ path })) });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests: paths.map((path) => ({ path })) });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  // BENCH_DATABASE reuses a database seeded by an earlier run (its path is printed below).
  const databasePath = process.env.BENCH_DATABASE ?? join(mkdtempSync(join(tmpdir(), "civic-bench-")), "bench.sqlite");
  if (!process.env.BENCH_DATABASE) {
    console.log(`Seeding ${TOILETS.toLocaleString()} toilets (spread ×${SPREAD}) into ${databasePath} ...`);
    const { sqlite, db, atomic } = openSqlite(databasePath);
    await insertToilets(db, atomic, TOILETS, 7, { spreadScale: SPREAD });
    sqlite.close();
  }

  const hello = await startChild("hello.ts", []);
  const bare = await drive(hello.url, ["/"]);
  await stop(hello.child);

  const civic = await startChild("civic.ts", [databasePath]);
  const paths = searchPaths(500);
  const nearby = await drive(civic.url, paths);
  const sample = await (await fetch(`${civic.url}${paths[0]}`)).text();
  await stop(civic.child);

  const same = await startChild("payload.ts", [sample]);
  const payloadOnly = await drive(same.url, ["/"]);
  await stop(same.child);

  const ratio = nearby.rps / bare.rps;
  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  console.log("\n| what | requests/s | p50 ms | p99 ms | errors |");
  console.log("|---|---|---|---|---|");
  console.log(`| bare Hono hello | ${fmt(bare.rps)} | ${bare.p50} | ${bare.p99} | ${bare.errors} |`);
  console.log(
    `| bare Hono, same JSON as one nearby answer (${sample.length} bytes) | ${fmt(payloadOnly.rps)} | ${payloadOnly.p50} | ${payloadOnly.p99} | ${payloadOnly.errors} |`,
  );
  console.log(
    `| nearby toilets (${TOILETS / 1000}k, r=1 km, nearest ${LIMIT}, ${process.env.NEARBY_IN_MEMORY === "0" ? "SQL" : "in-memory index"}) | ${fmt(nearby.rps)} | ${nearby.p50} | ${nearby.p99} | ${nearby.errors} |`,
  );
  console.log(`\nnearby / bare Hono: ${(ratio * 100).toFixed(1)}% (target >= 25%); p99 ${nearby.p99} ms (target <= 25 ms)`);
  console.log(`nearby / bare Hono with the same payload: ${((nearby.rps / payloadOnly.rps) * 100).toFixed(1)}%`);

  if (process.env.BENCH_SKIP_SIZES) return;
  const weapp = weappMainPackageBytes(root);
  console.log(`weapp main package: ${(weapp / 1024).toFixed(1)} KB (limit 600 KB; WeChat allows 2048 KB)`);
  try {
    const worker = workerBundleGzipBytes(root);
    console.log(`Worker bundle: ${(worker.raw / 1024).toFixed(1)} KB raw, ${(worker.gzip / 1024).toFixed(1)} KB gzipped`);
  } catch (err) {
    console.log(`Worker bundle: could not build (${err instanceof Error ? err.message.split("\n")[0] : err})`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

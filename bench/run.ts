/**
 * `pnpm bench`: nearby toilet search on the Node host with 100,000 seeded toilets against a bare Hono
 * hello server (and bare Hono serving the same payload), driven by autocannon on loopback (50
 * connections) in interleaved rounds; then the weapp main-package size and the gzipped Worker bundle.
 * Prints figures and ratios; it is not a test and asserts nothing. Method and figures: docs/benchmarks.md.
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
/** Seconds each server is driven in all, split into ROUNDS turns. */
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
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

type Run = { rps: number; p50: number; p99: number; errors: number };

async function drive(url: string, paths: string[], seconds: number): Promise<Run> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, requests: paths.map((path) => ({ path })) });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** One figure per server from interleaved rounds: the median round, plus every round's error count. */
function summarise(runs: Run[]): Run {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
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

  // All three servers run side by side (an idle one costs nothing) and are driven in turns, round after
  // round, so a noisy neighbour on a shared VM weighs on each of them alike; each figure is the median round.
  const paths = searchPaths(500);
  const hello = await startChild("hello.ts", []);
  const civic = await startChild("civic.ts", [databasePath]);
  const sample = await (await fetch(`${civic.url}${paths[0]}`)).text();
  const same = await startChild("payload.ts", [sample]);
  const targets = [
    { url: hello.url, paths: ["/"] },
    { url: civic.url, paths },
    { url: same.url, paths: ["/"] },
  ];
  for (const t of targets) await drive(t.url, t.paths, 2); // warm-up
  const runs: Run[][] = [[], [], []];
  const ratios: number[] = [];
  const payloadRatios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, t] of targets.entries()) runs[i]?.push(await drive(t.url, t.paths, DURATION_S / ROUNDS));
    const [h, n, p] = [runs[0]?.[round], runs[1]?.[round], runs[2]?.[round]];
    if (h && n && p) {
      ratios.push(n.rps / h.rps);
      payloadRatios.push(n.rps / p.rps);
    }
  }
  await Promise.all([stop(hello.child), stop(civic.child), stop(same.child)]);
  const [bare, nearby, payloadOnly] = runs.map(summarise) as [Run, Run, Run];

  // Ratios are taken within a round (servers measured seconds apart), then the median round's is shown.
  const ratio = median(ratios);
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
  console.log(`nearby / bare Hono with the same payload: ${(median(payloadRatios) * 100).toFixed(1)}%`);
  console.log(`nearby / bare Hono, round by round: ${ratios.map((r) => `${(r * 100).toFixed(1)}%`).join(", ")}`);

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

/**
 * `pnpm bench`: nearby toilet search on the Node host with 100,000 seeded toilets, anonymous and signed in
 * (a Bearer token on every request, as the mini-program sends), against a bare Hono hello server (and bare
 * Hono serving the same payload), driven by autocannon on loopback (50 connections) in interleaved rounds;
 * then POST pickups under contention (pickups-contention.ts); then nearby parking with live data and feed ingestion
 * (parking.ts); then the bytes a first visit to the H5 app transfers, the weapp main-package size and the Worker bundle.
 * Prints figures and ratios; it is not a test and asserts nothing. Method and figures: docs/benchmarks.md.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { insertToilets } from "@civic/api/seed/demo";
import { SUZHOU_AREAS } from "@civic/api/seed/suzhou";
import autocannon from "autocannon";
import { printH5FirstVisit } from "./h5-transfer";
import { benchParking, printParking, seedParking } from "./parking";
import { benchPickupContention, printPickupContention, seedPickupSlots } from "./pickups-contention";
import { root, signedInTokens, startChild, stop } from "./run-support";
import { weappMainPackageBytes, workerBundleGzipBytes } from "./sizes";

const TOILETS = Number(process.env.BENCH_TOILETS ?? 100_000);
/** Seconds each server is driven in all, split into ROUNDS turns. */
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 50;
const SPREAD = Number(process.env.BENCH_SPREAD ?? 3);
/** Nearest 10, as in the reference figures for B-tree and R*Tree on this machine (STACK.md). */
const LIMIT = Number(process.env.BENCH_LIMIT ?? 10);
/** Signed-in users whose tokens the signed-in run rotates through (each connection cycles all of them). */
const USERS = Number(process.env.BENCH_USERS ?? 200);

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

type Request = { path: string; headers?: Record<string, string> };
type Run = { rps: number; p50: number; p99: number; errors: number };

async function drive(url: string, requests: Request[], seconds: number): Promise<Run> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, requests });
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

  const tokens = await signedInTokens(databasePath, USERS);
  const pickupSlotsSeeded = await seedPickupSlots(databasePath);
  const parkingSeeded = process.env.BENCH_SKIP_PARKING || process.env.BENCH_DATABASE ? null : await seedParking(databasePath);

  // All servers run side by side (an idle one costs nothing) and are driven in turns, round after round,
  // so a noisy neighbour on a shared VM weighs on each of them alike; each figure is the median round.
  // Anonymous and signed-in nearby are the same server, the same searches; only the Bearer header differs.
  const paths = searchPaths(500);
  const hello = await startChild("hello.ts", []);
  const civic = await startChild("civic.ts", [databasePath]);
  const sample = await (await fetch(`${civic.url}${paths[0]}`)).text();
  const same = await startChild("payload.ts", [sample]);
  const targets: { url: string; requests: Request[] }[] = [
    { url: hello.url, requests: [{ path: "/" }] },
    { url: civic.url, requests: paths.map((path) => ({ path })) },
    { url: civic.url, requests: paths.map((path, i) => ({ path, headers: { authorization: `Bearer ${tokens[i % tokens.length]}` } })) },
    { url: same.url, requests: [{ path: "/" }] },
  ];
  for (const t of targets) await drive(t.url, t.requests, 2); // warm-up
  const runs: Run[][] = targets.map(() => []);
  const ratios: number[] = [];
  const signedRatios: number[] = [];
  const signedCosts: number[] = [];
  const payloadRatios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Anonymous and signed-in swap places every other round, so neither always follows the same neighbour.
    for (const i of round % 2 ? [0, 2, 1, 3] : [0, 1, 2, 3]) {
      const t = targets[i];
      if (t) runs[i]?.push(await drive(t.url, t.requests, DURATION_S / ROUNDS));
    }
    const [h, n, s, p] = runs.map((r) => r[round]);
    if (h && n && s && p) {
      ratios.push(n.rps / h.rps);
      signedRatios.push(s.rps / h.rps);
      // Cost per request is 1 / throughput: how much longer a signed-in request takes than an anonymous one.
      signedCosts.push(n.rps / s.rps - 1);
      payloadRatios.push(n.rps / p.rps);
    }
  }
  // Writes last, so the bookings they add cannot weigh on the read figures.
  const pickups = process.env.BENCH_SKIP_PICKUPS ? null : await benchPickupContention(civic.url, pickupSlotsSeeded, tokens);
  const parking = parkingSeeded ? await benchParking(hello.url, civic.url, parkingSeeded.ids, parkingSeeded.secret, tokens) : null;
  await Promise.all([stop(hello.child), stop(civic.child), stop(same.child)]);
  const [bare, nearby, signedIn, payloadOnly] = runs.map(summarise) as [Run, Run, Run, Run];

  // Ratios are taken within a round (servers measured seconds apart), then the median round's is shown.
  const ratio = median(ratios);
  const signedRatio = median(signedRatios);
  const signedCost = median(signedCosts);
  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
  const met = (ok: boolean) => (ok ? "met" : "NOT met");
  const search = `${TOILETS / 1000}k, r=1 km, nearest ${LIMIT}, ${process.env.NEARBY_IN_MEMORY === "0" ? "SQL" : "in-memory index"}`;
  const row = (what: string, r: Run) => console.log(`| ${what} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
  console.log("\n| what | requests/s | p50 ms | p99 ms | errors |");
  console.log("|---|---|---|---|---|");
  row("bare Hono hello", bare);
  row(`bare Hono, same JSON as one nearby answer (${sample.length} bytes)`, payloadOnly);
  row(`nearby toilets, anonymous (${search})`, nearby);
  row(`nearby toilets, signed in (same searches, ${tokens.length} users' Bearer tokens)`, signedIn);
  console.log(`\nnearby anonymous / bare Hono: ${pct(ratio)} (target >= 25%: ${met(ratio >= 0.25)}); p99 ${nearby.p99} ms`);
  console.log(
    `nearby signed in / bare Hono: ${pct(signedRatio)} (target >= 25%: ${met(signedRatio >= 0.25)}); p99 ${signedIn.p99} ms (target <= 25 ms: ${met(signedIn.p99 <= 25)})`,
  );
  console.log(`a signed-in request costs ${pct(signedCost)} more than an anonymous one (target <= 15%: ${met(signedCost <= 0.15)})`);
  console.log(`nearby / bare Hono with the same payload: ${pct(median(payloadRatios))}`);
  console.log(`round by round, anonymous: ${ratios.map(pct).join(", ")}; signed in: ${signedRatios.map(pct).join(", ")}`);
  console.log(`round by round, signed-in extra cost: ${signedCosts.map(pct).join(", ")}`);

  if (pickups) printPickupContention(pickups, pickupSlotsSeeded.length);
  if (parking) printParking(parking);

  if (!process.env.BENCH_SKIP_H5) await printH5FirstVisit(root);
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

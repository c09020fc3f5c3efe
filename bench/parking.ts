/**
 * Parking: nearby lots with live data on the Node host (signed in, against bare Hono hello, interleaved
 * rounds like run.ts), while the live numbers are being rewritten, then feed ingestion in 1,000-row signed
 * batches (rows/s). Used by run.ts; `tsx bench/parking.ts` runs it alone on a fresh database.
 * Method and figures: docs/benchmarks.md.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAppConfig } from "@civic/api/config";
import { parkingFeedKeys, parkingLots, parkingOperators } from "@civic/api/db/schema";
import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { deriveFeedSecret, hashFeedSecret } from "@civic/api/parking/feed-signature";
import { newId } from "@civic/api/platform/ids";
import { SUZHOU_AREAS } from "@civic/api/seed/suzhou";
import { feedRequestHeaders, latBand } from "@civic/shared";
import autocannon from "autocannon";

const LOTS = Number(process.env.BENCH_PARKING_LOTS ?? 20_000);
const SECONDS = Number(process.env.BENCH_PARKING_SECONDS ?? 6);
const ROUNDS = 3;
const BATCH = 1000;
const KEY_ID = "pk_bench";

/** LOTS lots around the districts' centres, all of one operator with a key; each already reported once. */
export async function seedParking(databasePath: string) {
  const { sqlite, db } = openSqlite(databasePath);
  const at = new Date().toISOString();
  const operatorId = newId();
  db.insert(parkingOperators)
    .values({ id: operatorId, name: "压测运营", kind: "push", freshnessMinutes: 30, createdAt: at, updatedAt: at })
    .run();
  // The Node host in the bench runs with DEV_LOGIN=1, so its FEED_KEY_SECRET is the dev one.
  const secret = await deriveFeedSecret(parseAppConfig({ DEV_LOGIN: "1" }).parking.feedKeySecret, KEY_ID);
  db.insert(parkingFeedKeys)
    .values({ keyId: KEY_ID, operatorId, secretHash: await hashFeedSecret(secret), status: "active", createdAt: at })
    .run();
  let seed = 11;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const ids: string[] = [];
  const rows: (typeof parkingLots.$inferInsert)[] = [];
  for (let i = 0; i < LOTS; i++) {
    const area = SUZHOU_AREAS[i % SUZHOU_AREAS.length] as (typeof SUZHOU_AREAS)[number];
    const lat = area.centre.lat + (rand() - 0.5) * 0.08;
    const id = newId();
    ids.push(id);
    rows.push({
      id,
      name: `压测停车场 ${i}`,
      type: i % 5 === 0 ? "street" : "underground",
      address: "压测路",
      district: area.district,
      lat,
      lng: area.centre.lng + (rand() - 0.5) * 0.08,
      latBand: latBand(lat),
      capacityTotal: 300,
      capacityCharging: i % 3 === 0 ? 20 : 0,
      capacityDisabled: 4,
      hours: JSON.stringify(
        i % 4 === 0 ? { kind: "weekly", days: Array.from({ length: 7 }, () => [{ open: "07:00", close: "23:00" }]) } : { kind: "always" },
      ),
      operatorId,
      operatorLotId: `B-${i}`,
      createdAt: at,
      updatedAt: at,
      liveFree: Math.floor(rand() * 300),
      liveTotal: 300,
      liveStatus: "open" as const,
      liveObservedAt: at,
      liveLimitMinutes: 30,
      liveSeq: i + 1,
    });
  }
  sqlite.transaction(() => {
    for (let i = 0; i < rows.length; i += 200)
      db.insert(parkingLots)
        .values(rows.slice(i, i + 200))
        .run();
  })();
  sqlite.close();
  return { ids, secret };
}

function searchPaths(count: number, filters: string): string[] {
  let seed = 5;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, () => {
    const area = SUZHOU_AREAS[Math.floor(rand() * SUZHOU_AREAS.length)] as (typeof SUZHOU_AREAS)[number];
    const lat = area.centre.lat + (rand() - 0.5) * 0.05;
    const lng = area.centre.lng + (rand() - 0.5) * 0.05;
    return `/api/v1/parking/nearby?lat=${lat.toFixed(5)}&lng=${lng.toFixed(5)}&radius=1000&limit=10${filters}`;
  });
}

async function batchBody(ids: string[], offset: number, now: Date) {
  const rows = Array.from({ length: BATCH }, (_, i) => ({
    lotId: ids[(offset + i) % ids.length],
    free: (offset + i * 7) % 300,
    status: "open",
    observedAt: new Date(now.getTime() - 1000 + (offset % 1000)).toISOString(),
  }));
  return JSON.stringify({ rows });
}

/** Sequential 1,000-row batches from CONCURRENCY senders for `seconds`: rows applied per second. */
export async function benchFeed(url: string, ids: string[], secret: string, seconds: number, concurrency = 2) {
  const until = Date.now() + seconds * 1000;
  let rows = 0;
  let batches = 0;
  let errors = 0;
  let n = 0;
  const latencies: number[] = [];
  const sender = async () => {
    while (Date.now() < until) {
      const now = new Date();
      const body = await batchBody(ids, BATCH * n++, now);
      const headers = { "content-type": "application/json", ...(await feedRequestHeaders(KEY_ID, secret, body, now)) };
      const t = performance.now();
      const res = await fetch(`${url}/api/v1/feeds/parking`, { method: "POST", body, headers });
      latencies.push(performance.now() - t);
      if (res.status !== 200) errors++;
      else rows += BATCH;
      batches++;
      await res.arrayBuffer();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, sender));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rowsPerSecond: rows / elapsed, batches, errors, p50: latencies[Math.floor(latencies.length / 2)] ?? 0 };
}

async function drive(url: string, requests: { path: string; headers?: Record<string, string> }[], seconds: number) {
  const r = await autocannon({ url, connections: 50, duration: seconds, requests });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

export async function benchParking(helloUrl: string, civicUrl: string, ids: string[], secret: string, tokens: string[]) {
  const signed = (paths: string[]) => paths.map((path, i) => ({ path, headers: { authorization: `Bearer ${tokens[i % tokens.length]}` } }));
  const plain = signed(searchPaths(300, ""));
  const filtered = signed(searchPaths(300, "&hasFree=1&openNow=1"));
  await drive(civicUrl, plain, 1);
  const ratios: number[] = [];
  const filteredRatios: number[] = [];
  let last = { hello: 0, plain: 0, filtered: 0, p99: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const hello = await drive(helloUrl, [{ path: "/" }], SECONDS / ROUNDS);
    // Live numbers are rewritten during the searches (one 1,000-row batch), so the board has work to do.
    void benchFeed(civicUrl, ids, secret, 0.01, 1);
    const p = await drive(civicUrl, plain, SECONDS / ROUNDS);
    const f = await drive(civicUrl, filtered, SECONDS / ROUNDS);
    ratios.push(p.rps / hello.rps);
    filteredRatios.push(f.rps / hello.rps);
    last = { hello: hello.rps, plain: p.rps, filtered: f.rps, p99: p.p99 };
  }
  const feed = await benchFeed(civicUrl, ids, secret, SECONDS);
  return { ratios, filteredRatios, last, feed };
}

export function printParking(r: Awaited<ReturnType<typeof benchParking>>) {
  const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  console.log(`\nParking (${LOTS.toLocaleString()} lots with live data, r=1 km, nearest 10, signed in, 50 connections):`);
  console.log(
    `nearby parking / bare Hono: ${pct(median(r.ratios))} (target >= 25%); with hasFree+openNow: ${pct(median(r.filteredRatios))}`,
  );
  console.log(
    `last round: hello ${fmt(r.last.hello)}/s, nearby ${fmt(r.last.plain)}/s (p99 ${r.last.p99} ms), filtered ${fmt(r.last.filtered)}/s`,
  );
  console.log(
    `feed ingestion, 1,000-row signed batches, 2 senders: ${fmt(r.feed.rowsPerSecond)} rows/s (${r.feed.batches} batches, p50 ${Math.round(r.feed.p50)} ms, errors ${r.feed.errors})`,
  );
}

// Alone: a fresh database, its own servers and residents.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { startChild, signedInTokens, stop } = await import("./run-support");
  const databasePath = join(mkdtempSync(join(tmpdir(), "civic-bench-parking-")), "bench.sqlite");
  const { ids, secret } = await seedParking(databasePath);
  const tokens = await signedInTokens(databasePath, 200);
  const hello = await startChild("hello.ts", []);
  const civic = await startChild("civic.ts", [databasePath]);
  try {
    printParking(await benchParking(hello.url, civic.url, ids, secret, tokens));
  } finally {
    await Promise.all([stop(hello.child), stop(civic.child)]);
  }
}

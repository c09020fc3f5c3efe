/**
 * "POST pickups under contention": signed-in residents (a distinct household on every request, real
 * booking payloads with an Idempotency-Key) book a few slots of the real Node host with 50 connections.
 * The slots fill up during the run, so 201 (booked) and 409 (slot full) are both expected answers; anything
 * else counts as an error. Prints requests/s, p50, p99 and the answers. Used by run.ts; `tsx
 * bench/pickups-contention.ts` runs it alone on a fresh database. Method and figures: docs/benchmarks.md.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pickupItems, pickupSlots } from "@civic/api/db/schema";
import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { newId } from "@civic/api/platform/ids";
import { addCityDays, bookableDates, DEFAULT_CITY, type PickupBookingRequest, pickupStreetCode } from "@civic/shared";
import autocannon from "autocannon";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_PICKUP_SECONDS ?? 10);
/** Volume points per slot; each booking below takes 5 (a sofa of 3 and two chairs of 1). */
const SLOT_POINTS = Number(process.env.BENCH_PICKUP_CAPACITY ?? 2000);
const STREETS = 2;
const POINTS_PER_BOOKING = 5;

/** The catalogue and STREETS × 2 windows of slots on one bookable date; returns the slots. */
export async function seedPickupSlots(databasePath: string) {
  const { sqlite, db } = openSqlite(databasePath);
  const at = new Date().toISOString();
  const items = [
    { code: "sofa", name: "沙发", category: "furniture", maxPerBooking: 2, recyclable: true, volumePoints: 3, note: null },
    { code: "chair", name: "椅子", category: "furniture", maxPerBooking: 4, recyclable: false, volumePoints: 1, note: null },
  ];
  for (const item of items)
    db.insert(pickupItems)
      .values({ ...item, active: true, createdAt: at, updatedAt: at })
      .onConflictDoNothing()
      .run();
  const date = addCityDays(bookableDates(new Date()).first, 2);
  const slots: { id: string; street: string }[] = [];
  // Streets without slots on that date yet, so a reused database (BENCH_DATABASE) gets empty slots too.
  const existing = await db.select({ s: pickupSlots.streetCode, date: pickupSlots.date }).from(pickupSlots);
  const taken = new Set(existing.filter((r) => r.date === date).map((r) => r.s));
  const streets = DEFAULT_CITY.streets.map(pickupStreetCode).filter((s) => !taken.has(s));
  for (const streetCode of streets.slice(0, STREETS)) {
    for (const window of ["am", "pm"] as const) {
      const id = newId();
      await db.insert(pickupSlots).values({ id, streetCode, date, window, capacityPoints: SLOT_POINTS, bookedPoints: 0, createdAt: at });
      slots.push({ id, street: streetCode });
    }
  }
  sqlite.close();
  return slots;
}

export interface PickupContentionRun {
  rps: number;
  p50: number;
  p99: number;
  booked: number;
  full: number;
  errors: number;
  capacityBookings: number;
}

/** Drives POST /api/v1/pickups on `url` (a Node host over `databasePath`) with the residents' `tokens`. */
export async function benchPickupContention(url: string, slots: { id: string }[], tokens: string[]): Promise<PickupContentionRun> {
  let n = 0;
  const body = (i: number): PickupBookingRequest => ({
    items: [
      { code: "sofa", qty: 1 },
      { code: "chair", qty: 2 },
    ],
    // A distinct household per request, so the yearly quota never answers instead of the slot.
    address: `姑苏区压测路 ${i} 号 ${(i % 30) + 1} 栋 ${(i % 6) + 1}01`,
    location: { lat: 31.3085 + (i % 100) * 1e-5, lng: 120.6195 },
    placement: "单元楼下垃圾房旁",
    accessNotes: "小区东门进，物业可开门",
    contactPhone: `139${String(10_000_000 + i).slice(-8)}`,
    slotId: slots[i % slots.length]!.id,
  });
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: "POST",
        path: "/api/v1/pickups",
        setupRequest: (req) => {
          const i = n++;
          return {
            ...req,
            headers: {
              "content-type": "application/json",
              authorization: `Bearer ${tokens[i % tokens.length]}`,
              "idempotency-key": `bench-pickup-${i}-${process.pid}`,
            },
            body: JSON.stringify(body(i)),
          };
        },
      },
    ],
  });
  const count = (code: string) => result.statusCodeStats?.[code as `${number}`]?.count ?? 0;
  const booked = count("201");
  const full = count("409");
  const total = Object.values(result.statusCodeStats ?? {}).reduce((s, x) => s + (x.count ?? 0), 0);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    booked,
    full,
    errors: result.errors + result.timeouts + (total - booked - full),
    capacityBookings: Math.floor(SLOT_POINTS / POINTS_PER_BOOKING) * slots.length,
  };
}

export function printPickupContention(r: PickupContentionRun, slots: number) {
  const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
  console.log(
    `\nPOST pickups under contention (${CONNECTIONS} connections, ${SECONDS} s, ${slots} slots with room for ${fmt(r.capacityBookings)} bookings):`,
  );
  console.log("| what | requests/s | p50 ms | p99 ms | 201 booked | 409 full | errors |");
  console.log("|---|---|---|---|---|---|---|");
  console.log(
    `| POST /api/v1/pickups, signed in, distinct households | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${fmt(r.booked)} | ${fmt(r.full)} | ${r.errors} |`,
  );
  if (r.booked > r.capacityBookings) console.log("OVERBOOKED: more bookings than capacity");
}

// Alone: a fresh database, its own server and residents.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { startChild, signedInTokens, stop } = await import("./run-support");
  const databasePath = join(mkdtempSync(join(tmpdir(), "civic-bench-pickups-")), "bench.sqlite");
  const slots = await seedPickupSlots(databasePath);
  const tokens = await signedInTokens(databasePath, 200);
  const civic = await startChild("civic.ts", [databasePath]);
  const run = await benchPickupContention(civic.url, slots, tokens);
  await stop(civic.child);
  printPickupContention(run, slots.length);
}

import {
  boundingBox,
  type CityClock,
  type CompiledHours,
  compileHours,
  distanceMetres,
  type NearbyToiletsQuery,
  type OpeningHours,
  openAtCompiled,
  type ToiletKind,
  type ToiletSummary,
} from "@civic/shared";
import { eq } from "drizzle-orm";
import KDBush from "kdbush";
import { toilets, toiletsVersion } from "../../db/schema";
import type { AppDb } from "../../db/types";
import { summaryColumns } from "../../finders/toilets.repo";

/*
 * An in-memory copy of the active toilets with a static k-d tree (kdbush), searched in widening circles
 * like the SQL, for a host whose process owns its database (the Node host). It answers exactly what the SQL
 * search answers (a test holds the two together). Triggers bump the `toilets_version` counter on every
 * write from any connection; the copy is rebuilt when that counter has moved. D1 hosts keep the SQL search.
 *
 * Reading the counter is a read transaction with file locks (about a sixth of a nearby request's CPU on
 * Node), so a host may pass `localChanges`, a lock-free count of its own connection's writes
 * (SQLite's total_changes()). Then the counter is read only when that count moved (every write made
 * through this process is seen at once) or when `recheckMs` has passed (writes from other processes
 * on the same file are seen within that time).
 */
export interface NearbyIndexOptions {
  localChanges?: () => number;
  recheckMs?: number;
  now?: () => number;
}

export interface NearbyIndex {
  /**
   * Same contract as the SQL search (within q.radius, filters applied, nearest first, ties by id),
   * answered as the JSON text of a ToiletSummary[]: each toilet's fixed fields are serialized once when
   * the copy is built, so a search only splices strings (the handler's biggest cost otherwise).
   */
  nearbyJson(q: NearbyToiletsQuery, clock: CityClock): Promise<string>;
  /** The same answer as objects. */
  nearby(q: NearbyToiletsQuery, clock: CityClock): Promise<ToiletSummary[]>;
  /** Builds the copy ahead of the first search (a host calls this at start-up). */
  warm(): Promise<void>;
}

/**
 * What a search reads: the filter fields, the position and hours, and the toilet's ToiletSummary JSON
 * around the two per-search fields: `head` + `"distanceM":…,"openNow":…` + `tail`.
 */
type Entry = Pick<ToiletSummary, "id" | "kind" | "lat" | "lng" | "free" | "accessible" | "thirdToilet" | "babyCare"> & {
  hours: CompiledHours;
  head: string;
  tail: string;
};

interface Snapshot {
  version: number;
  entries: Entry[];
  index: KDBush;
}

const DEFAULT_RECHECK_MS = 1000;

async function load(db: AppDb, version: number): Promise<Snapshot> {
  const rows = await db.select(summaryColumns).from(toilets).where(eq(toilets.active, true));
  const entries: Entry[] = rows.map((r) => {
    const kind = r.kind as ToiletKind;
    // Key order is ToiletSummary's, as JSON.stringify would write the objects nearby() returns.
    const fixed = { id: r.id, name: r.name, address: r.address, district: r.district, kind, lat: r.lat, lng: r.lng };
    const flags = { free: r.free, accessible: r.accessible, thirdToilet: r.thirdToilet, babyCare: r.babyCare };
    return {
      id: r.id,
      kind,
      lat: r.lat,
      lng: r.lng,
      hours: compileHours(JSON.parse(r.hours) as OpeningHours),
      ...flags,
      head: `${JSON.stringify(fixed).slice(0, -1)},`,
      tail: `,${JSON.stringify(flags).slice(1)}`,
    };
  });
  const index = new KDBush(Math.max(1, entries.length), 32);
  for (const e of entries) index.add(e.lng, e.lat);
  if (entries.length === 0) index.add(0, -90);
  index.finish();
  return { version, entries, index };
}

/** The first circle searched; rings double from here, so a dense centre stops after one or two. */
const FIRST_RING_M = 100;

function search({ entries, index }: Snapshot, q: NearbyToiletsQuery, clock: CityClock): string {
  const centre = { lat: q.lat, lng: q.lng };
  const { free, accessible, babyCare, thirdToilet, kind, openNow } = q;
  const filtered = free || accessible || babyCare || thirdToilet || kind !== undefined || openNow;
  const matches = (e: Entry) =>
    (!free || e.free) &&
    (!accessible || e.accessible) &&
    (!babyCare || e.babyCare) &&
    (!thirdToilet || e.thirdToilet) &&
    (kind === undefined || e.kind === kind) &&
    (!openNow || openAtCompiled(e.hours, clock) === "open");
  // Widen the circle until it holds `limit` matches or reaches the radius: every toilet outside a circle
  // is farther than every one inside, so the nearest `limit` of the last circle are the nearest overall.
  let ring = Math.min(q.radius, FIRST_RING_M);
  let hits: { e: Entry; d: number }[];
  for (;;) {
    hits = [];
    const box = boundingBox(centre, ring);
    for (const i of index.range(box.minLng, box.minLat, box.maxLng, box.maxLat)) {
      const e = entries[i];
      if (e === undefined || (filtered && !matches(e))) continue; // undefined: an empty index's stand-in
      const d = distanceMetres(centre, e);
      if (d <= ring) hits.push({ e, d });
    }
    if (hits.length >= q.limit || ring >= q.radius) break;
    ring = Math.min(q.radius, ring * 2);
  }
  hits.sort((a, b) => a.d - b.d || (a.e.id < b.e.id ? -1 : 1));
  if (hits.length > q.limit) hits.length = q.limit;
  let json = "[";
  for (let i = 0; i < hits.length; i++) {
    const { e, d } = hits[i] as (typeof hits)[number];
    json += `${i === 0 ? "" : ","}${e.head}"distanceM":${Math.round(d)},"openNow":"${openAtCompiled(e.hours, clock)}"${e.tail}`;
  }
  return `${json}]`;
}

export function createNearbyIndex(db: AppDb, opts: NearbyIndexOptions = {}): NearbyIndex {
  const { localChanges } = opts;
  const recheckMs = opts.recheckMs ?? DEFAULT_RECHECK_MS;
  const now = opts.now ?? (() => performance.now());
  const versionQuery = db.select({ v: toiletsVersion.version }).from(toiletsVersion).where(eq(toiletsVersion.id, 1)).prepare();
  let current: Snapshot | null = null;
  let seenChanges = Number.NaN;
  let checkedAt = Number.NEGATIVE_INFINITY;

  async function fresh(): Promise<Snapshot> {
    if (current && localChanges) {
      if (localChanges() === seenChanges && now() - checkedAt < recheckMs) return current;
    }
    // Read the change count before the version: a write landing in between is then caught next time.
    const changes = localChanges?.() ?? Number.NaN;
    const [row] = await versionQuery.all();
    const version = row?.v ?? -1;
    if (!current || current.version !== version) current = await load(db, version);
    seenChanges = changes;
    checkedAt = now();
    return current;
  }

  const nearbyJson = async (q: NearbyToiletsQuery, clock: CityClock) => search(await fresh(), q, clock);
  return {
    nearbyJson,
    nearby: async (q, clock) => JSON.parse(await nearbyJson(q, clock)) as ToiletSummary[],
    warm: async () => {
      await fresh();
    },
  };
}

import { boundingBox, distanceMetres } from "@civic/shared";
import KDBush from "kdbush";
import type { AppDb } from "../../db/types";
import type { AnyPlaceKind, NearbyQuery, PlaceKind, PlaceRow } from "./kind";

/*
 * An in-memory copy of each registered kind's searchable places with a static k-d tree (kdbush), searched
 * in widening circles like the SQL, for a host whose process owns its database (the Node host). It answers
 * exactly what the SQL search answers (a property test holds the two together). Each kind's version counter
 * moves on every write from any connection; a kind's copy is rebuilt when its counter has moved. D1 hosts
 * keep the SQL search.
 *
 * Reading a counter is a read transaction with file locks (about a sixth of a nearby request's CPU on
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
   * answered as the JSON text of the results: each place's fixed fields are serialized once when the copy
   * is built, so a search only splices strings (the handler's biggest cost otherwise).
   */
  nearbyJson<Q extends NearbyQuery, Ctx, Row extends PlaceRow, R, E extends PlaceRow>(
    kind: PlaceKind<Q, Ctx, Row, R, E>,
    q: Q,
    ctx: Ctx,
  ): Promise<string>;
  /** The same answer as objects. */
  nearby<Q extends NearbyQuery, Ctx, Row extends PlaceRow, R, E extends PlaceRow>(
    kind: PlaceKind<Q, Ctx, Row, R, E>,
    q: Q,
    ctx: Ctx,
  ): Promise<R[]>;
  /** Builds every kind's copy ahead of the first search (a host calls this at start-up). */
  warm(): Promise<void>;
}

interface Snapshot {
  version: number;
  entries: PlaceRow[];
  index: KDBush;
}

const DEFAULT_RECHECK_MS = 1000;
/** The first circle searched; rings double from here, so a dense centre stops after one or two. */
const FIRST_RING_M = 100;

async function load(db: AppDb, kind: AnyPlaceKind, version: number): Promise<Snapshot> {
  const rows = (await db.select(kind.columns).from(kind.table).where(kind.searchable)) as unknown as PlaceRow[];
  const entries: PlaceRow[] = rows.map((r) => kind.toEntry(r));
  const index = new KDBush(Math.max(1, entries.length), 32);
  for (const e of entries) index.add(e.lng, e.lat);
  if (entries.length === 0) index.add(0, -90);
  index.finish();
  return { version, entries, index };
}

function search(kind: AnyPlaceKind, { entries, index }: Snapshot, q: NearbyQuery, ctx: unknown): string {
  const centre = { lat: q.lat, lng: q.lng };
  const matches = kind.matcher(q, ctx) as ((e: PlaceRow) => boolean) | null;
  // Widen the circle until it holds `limit` matches or reaches the radius: every place outside a circle
  // is farther than every one inside, so the nearest `limit` of the last circle are the nearest overall.
  let ring = Math.min(q.radius, FIRST_RING_M);
  let hits: { e: PlaceRow; d: number }[];
  for (;;) {
    hits = [];
    const box = boundingBox(centre, ring);
    for (const i of index.range(box.minLng, box.minLat, box.maxLng, box.maxLat)) {
      const e = entries[i];
      if (e === undefined || (matches !== null && !matches(e))) continue; // undefined: an empty index's stand-in
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
    json += `${i === 0 ? "" : ","}${kind.entryJson(e, d, ctx)}`;
  }
  return `${json}]`;
}

/** One kind's copy, rebuilt when its version counter has moved. */
function kindIndex(db: AppDb, kind: AnyPlaceKind, opts: NearbyIndexOptions) {
  const { localChanges } = opts;
  const recheckMs = opts.recheckMs ?? DEFAULT_RECHECK_MS;
  const now = opts.now ?? (() => performance.now());
  const readVersion = kind.version(db);
  let current: Snapshot | null = null;
  let seenChanges = Number.NaN;
  let checkedAt = Number.NEGATIVE_INFINITY;

  async function fresh(): Promise<Snapshot> {
    if (current && localChanges) {
      if (localChanges() === seenChanges && now() - checkedAt < recheckMs) return current;
    }
    // Read the change count before the version: a write landing in between is then caught next time.
    const changes = localChanges?.() ?? Number.NaN;
    const version = await readVersion();
    if (!current || current.version !== version) current = await load(db, kind, version);
    seenChanges = changes;
    checkedAt = now();
    return current;
  }
  return { fresh, search: async (q: NearbyQuery, ctx: unknown) => search(kind, await fresh(), q, ctx) };
}

/** An index over every given kind (e.g. the app's PLACE_KINDS), each kept by its name. */
export function createNearbyIndex(db: AppDb, kinds: readonly AnyPlaceKind[], opts: NearbyIndexOptions = {}): NearbyIndex {
  const byName = new Map(kinds.map((k) => [k.name, kindIndex(db, k, opts)]));
  const of = (kind: { name: string }) => {
    const found = byName.get(kind.name);
    if (!found) throw new Error(`nearby index: the kind ${kind.name} is not registered`);
    return found;
  };
  return {
    nearbyJson: (kind, q, ctx) => of(kind).search(q, ctx),
    nearby: async (kind, q, ctx) => JSON.parse(await of(kind).search(q, ctx)),
    warm: async () => {
      for (const k of byName.values()) await k.fresh();
    },
  };
}

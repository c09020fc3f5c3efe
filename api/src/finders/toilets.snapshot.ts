import {
  type CityClock,
  distanceMetres,
  type NearbyToiletsQuery,
  type OpeningHours,
  openAt,
  type ToiletKind,
  type ToiletSummary,
} from "@civic/shared";
import { eq } from "drizzle-orm";
import { around } from "geokdbush";
import KDBush from "kdbush";
import { toilets, toiletsVersion } from "../db/schema";
import type { AppDb } from "../db/types";
import { summaryColumns } from "./toilets.repo";

/*
 * An in-memory copy of the active toilets with a k-d tree (kdbush + geokdbush: nearest-first great-circle
 * search), for a host whose process owns its database (the Node host). It answers exactly what the SQL
 * search answers (a test holds the two together) and is rebuilt whenever the `toilets_version` counter,
 * kept by triggers on every write from any connection, has moved. D1 hosts keep the SQL search.
 */
type Entry = Omit<ToiletSummary, "distanceM" | "openNow"> & { hours: OpeningHours };

interface Snapshot {
  version: number;
  entries: Entry[];
  index: KDBush;
}

const snapshots = new WeakMap<AppDb, Snapshot>();

const buildVersionStatement = (db: AppDb) =>
  db.select({ v: toiletsVersion.version }).from(toiletsVersion).where(eq(toiletsVersion.id, 1)).prepare();
const versionStatements = new WeakMap<AppDb, ReturnType<typeof buildVersionStatement>>();

async function currentVersion(db: AppDb): Promise<number> {
  let statement = versionStatements.get(db);
  if (!statement) {
    statement = buildVersionStatement(db);
    versionStatements.set(db, statement);
  }
  const [row] = await statement.all();
  return row?.v ?? -1;
}

async function build(db: AppDb, version: number): Promise<Snapshot> {
  const rows = await db.select(summaryColumns).from(toilets).where(eq(toilets.active, true));
  const entries: Entry[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    address: r.address,
    district: r.district,
    kind: r.kind as ToiletKind,
    lat: r.lat,
    lng: r.lng,
    hours: JSON.parse(r.hours) as OpeningHours,
    free: r.free,
    accessible: r.accessible,
    thirdToilet: r.thirdToilet,
    babyCare: r.babyCare,
  }));
  const index = new KDBush(Math.max(1, entries.length), 32);
  for (const e of entries) index.add(e.lng, e.lat);
  if (entries.length === 0) index.add(0, -90);
  index.finish();
  return { version, entries, index };
}

/** Builds the index ahead of the first search (a host calls this at start-up). */
export async function warmNearbySnapshot(db: AppDb): Promise<void> {
  await snapshotFor(db);
}

async function snapshotFor(db: AppDb): Promise<Snapshot> {
  const version = await currentVersion(db);
  const cached = snapshots.get(db);
  if (cached && cached.version === version) return cached;
  const fresh = await build(db, version);
  snapshots.set(db, fresh);
  return fresh;
}

/** Same contract as the SQL search: within q.radius, filters applied, nearest first, ties by id. */
export async function nearbyFromSnapshot(db: AppDb, q: NearbyToiletsQuery, clock: CityClock): Promise<ToiletSummary[]> {
  const { entries, index } = await snapshotFor(db);
  const centre = { lat: q.lat, lng: q.lng };
  const { free, accessible, babyCare, thirdToilet, kind, openNow } = q;
  const filtered = free || accessible || babyCare || thirdToilet || kind !== undefined || openNow;
  const predicate = filtered
    ? (i: number) => {
        const e = entries[i];
        return (
          e !== undefined &&
          (!free || e.free) &&
          (!accessible || e.accessible) &&
          (!babyCare || e.babyCare) &&
          (!thirdToilet || e.thirdToilet) &&
          (kind === undefined || e.kind === kind) &&
          (!openNow || openAt(e.hours, clock) === "open")
        );
      }
    : undefined;
  // geokdbush ranks on a sphere of its own radius; take a few extra and a 1 m wider circle, then decide
  // membership and order with the project's own distance.
  const ids = around(index, q.lng, q.lat, q.limit + 8, (q.radius + 1) / 1000, predicate);
  const ranked: { e: Entry; d: number }[] = [];
  for (const i of ids) {
    const e = entries[i];
    if (e === undefined) continue; // the stand-in point of an empty index
    const d = distanceMetres(centre, e);
    if (d <= q.radius) ranked.push({ e, d });
  }
  ranked.sort((a, b) => a.d - b.d || (a.e.id < b.e.id ? -1 : 1));
  if (ranked.length > q.limit) ranked.length = q.limit;
  // Built field by field: object rest/spread is measurably slower on this hot path.
  return ranked.map(({ e, d }) => ({
    id: e.id,
    name: e.name,
    address: e.address,
    district: e.district,
    kind: e.kind,
    lat: e.lat,
    lng: e.lng,
    distanceM: Math.round(d),
    openNow: openAt(e.hours, clock),
    free: e.free,
    accessible: e.accessible,
    thirdToilet: e.thirdToilet,
    babyCare: e.babyCare,
  }));
}

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

async function currentVersion(db: AppDb): Promise<number> {
  const [row] = await db.select({ v: toiletsVersion.version }).from(toiletsVersion).where(eq(toiletsVersion.id, 1));
  return row?.v ?? -1;
}

async function build(db: AppDb, version: number): Promise<Snapshot> {
  const rows = await db
    .select({
      id: toilets.id,
      name: toilets.name,
      address: toilets.address,
      district: toilets.district,
      kind: toilets.kind,
      lat: toilets.lat,
      lng: toilets.lng,
      hours: toilets.hours,
      free: toilets.free,
      accessible: toilets.accessible,
      thirdToilet: toilets.thirdToilet,
      babyCare: toilets.babyCare,
    })
    .from(toilets)
    .where(eq(toilets.active, true));
  const entries: Entry[] = rows.map((r) => ({ ...r, kind: r.kind as ToiletKind, hours: JSON.parse(r.hours) as OpeningHours }));
  const index = new KDBush(Math.max(1, entries.length));
  for (const e of entries) index.add(e.lng, e.lat);
  if (entries.length === 0) index.add(0, -90);
  index.finish();
  return { version, entries, index };
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
  const matches = (e: Entry) =>
    (!q.free || e.free) &&
    (!q.accessible || e.accessible) &&
    (!q.babyCare || e.babyCare) &&
    (!q.thirdToilet || e.thirdToilet) &&
    (!q.kind || e.kind === q.kind) &&
    (!q.openNow || openAt(e.hours, clock) === "open");
  // geokdbush ranks on a sphere of its own radius; take a few extra and a 1 m wider circle, then decide
  // membership and order with the project's own distance.
  const ids = around(index, q.lng, q.lat, q.limit + 8, (q.radius + 1) / 1000, (i) => {
    const e = entries[i];
    return e !== undefined && matches(e);
  });
  const ranked = ids
    .map((i) => entries[i] as Entry)
    .map((e) => ({ e, d: distanceMetres(centre, e) }))
    .filter((x) => x.d <= q.radius)
    .sort((a, b) => a.d - b.d || (a.e.id < b.e.id ? -1 : 1))
    .slice(0, q.limit);
  return ranked.map(({ e, d }) => {
    const { hours, ...rest } = e;
    return { ...rest, distanceM: Math.round(d), openNow: openAt(hours, clock) };
  });
}

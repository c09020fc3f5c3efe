import { bandsCovering, boundingBox, distanceMetres, EARTH_RADIUS_M, LAT_BAND_SLOTS } from "@civic/shared";
import { and, between, inArray, sql } from "drizzle-orm";
import type { AppDb } from "../../db/types";
import type { NearbyQuery, PlaceKind, PlaceRow } from "./kind";

/*
 * Nearby search in portable SQL (no R*Tree on D1): latitude bands + bounding box from a B-tree index,
 * ranked by an approximate distance, then exact distances for the few rows read. Searches a small circle
 * first and widens it up to the asked radius only while fewer than `limit` matches were found: every point
 * inside a searched circle is seen, so the first circle holding `limit` matches holds the true nearest.
 */

/** Rows fetched beyond `limit` so the exact re-sort cannot lose a point the approximation ranked just outside. */
const RANK_MARGIN = 8;
/** The first circle searched; about where a city centre has `limit` places. */
const FIRST_RING_M = 300;
const RING_GROWTH = 3;

// biome-ignore lint/suspicious/noExplicitAny: kinds of every shape share the cache
type Kind = PlaceKind<any, any, any, any, any>;

/**
 * One statement per kind and database: fixed band slots, filters switched by parameters. The inner query
 * ranks candidates from the covering index alone; only the nearest few rows are then read.
 */
function buildStatement(db: AppDb, kind: Kind) {
  const { table, lat, lng, latBand } = kind;
  const p = (name: string) => sql.placeholder(name);
  // Squared equirectangular distance in degrees² (longitude scaled by cos(centre latitude)): within 5 km it
  // ranks points like the great-circle distance to within 0.05%.
  const approxDistance2 = sql<number>`((${lat} - ${p("lat")}) * (${lat} - ${p("lat")}) + (${lng} - ${p("lng")}) * (${lng} - ${p("lng")}) * ${p("cos2")})`;
  const bands = Array.from({ length: LAT_BAND_SLOTS }, (_, i) => p(`b${i}`));
  const ranked = db
    .select({ rid: sql<number>`${table}.rowid`.as("rid") })
    .from(table)
    .where(
      and(
        inArray(latBand, bands),
        between(lng, p("minLng"), p("maxLng")),
        between(lat, p("minLat"), p("maxLat")),
        kind.searchable,
        ...kind.filters,
        sql`${approxDistance2} <= ${p("maxD2")}`,
      ),
    )
    .orderBy(approxDistance2)
    .limit(p("take"))
    .as("ranked");
  return db.select(kind.columns).from(ranked).innerJoin(table, sql`${table}.rowid = ${ranked.rid}`).prepare();
}

type Statement = ReturnType<typeof buildStatement>;
const statements = new WeakMap<AppDb, Map<string, Statement>>();

function statementFor(db: AppDb, kind: Kind): Statement {
  let perDb = statements.get(db);
  if (!perDb) {
    perDb = new Map();
    statements.set(db, perDb);
  }
  let statement = perDb.get(kind.name);
  if (!statement) {
    statement = buildStatement(db, kind);
    perDb.set(kind.name, statement);
  }
  return statement;
}

async function searchCircle<Q extends NearbyQuery, Ctx, Row extends PlaceRow, Result, E extends PlaceRow>(
  statement: Statement,
  kind: PlaceKind<Q, Ctx, Row, Result, E>,
  q: Q,
  radius: number,
  ctx: Ctx,
): Promise<Result[]> {
  const centre = { lat: q.lat, lng: q.lng };
  const box = boundingBox(centre, radius);
  const cos = Math.cos((q.lat * Math.PI) / 180);
  const radiusDeg = (radius / EARTH_RADIUS_M) * (180 / Math.PI);
  const params: Record<string, number | string> = {
    ...kind.params(q),
    lat: q.lat,
    lng: q.lng,
    cos2: cos * cos,
    // 1% slack: the exact radius check below decides.
    maxD2: radiusDeg * radiusDeg * 1.0201,
    take: kind.filtersAfterSql?.(q) ? -1 : q.limit + RANK_MARGIN,
    minLat: box.minLat,
    maxLat: box.maxLat,
    minLng: box.minLng,
    maxLng: box.maxLng,
  };
  bandsCovering(box.minLat, box.maxLat).forEach((b, i) => {
    params[`b${i}`] = b;
  });
  const rows = (await statement.all(params)) as unknown as Row[];
  const inRange = rows
    .map((r) => ({ r, d: distanceMetres(centre, r) }))
    .filter((x) => x.d <= radius)
    .sort((a, b) => a.d - b.d || (a.r.id < b.r.id ? -1 : 1));
  const out: Result[] = [];
  for (const { r, d } of inRange) {
    const result = kind.toResult(r, d, q, ctx);
    if (result === null) continue;
    out.push(result);
    if (out.length >= q.limit) break;
  }
  return out;
}

/** The nearest places of one kind within q.radius (filters applied), nearest first, ties by id, at most q.limit. */
export async function nearbyBySql<Q extends NearbyQuery, Ctx, Row extends PlaceRow, Result, E extends PlaceRow>(
  db: AppDb,
  kind: PlaceKind<Q, Ctx, Row, Result, E>,
  q: Q,
  ctx: Ctx,
): Promise<Result[]> {
  const statement = statementFor(db, kind);
  let radius = Math.min(q.radius, FIRST_RING_M);
  for (;;) {
    const found = await searchCircle(statement, kind, q, radius, ctx);
    if (found.length >= q.limit || radius >= q.radius) return found;
    radius = Math.min(q.radius, radius * RING_GROWTH);
  }
}

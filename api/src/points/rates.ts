import { DEFAULT_POINTS_RATES, POINTS_CLASSES, type PointsClass, type PointsRateTable } from "@civic/shared";
import { desc, eq, sql } from "drizzle-orm";
import { pointsRates } from "../db/schema";
import type { AppDb } from "../db/types";

/*
 * The versioned rate table (points per kg per class). Reads take the newest version; a new version is a
 * whole table, numbered max + 1 inside the same statements (one atomic group), never an edit of an old one.
 * Before the bureau sets one, version 0 = DEFAULT_POINTS_RATES.
 */

export interface RateSet {
  version: number;
  effectiveAt: string | null;
  setBy: string | null;
  perKg: Record<PointsClass, number>;
}

export async function currentRates(db: AppDb): Promise<RateSet> {
  const [latest] = await db.select({ version: pointsRates.version }).from(pointsRates).orderBy(desc(pointsRates.version)).limit(1);
  if (!latest) return { version: 0, effectiveAt: null, setBy: null, perKg: { ...DEFAULT_POINTS_RATES } };
  const rows = await db.select().from(pointsRates).where(eq(pointsRates.version, latest.version));
  const perKg = { ...DEFAULT_POINTS_RATES };
  for (const r of rows) perKg[r.class as PointsClass] = r.pointsPerKg;
  return { version: latest.version, effectiveAt: rows[0]?.effectiveAt ?? null, setBy: rows[0]?.setBy ?? null, perKg };
}

export async function rateTable(db: AppDb): Promise<PointsRateTable> {
  const set = await currentRates(db);
  const history = await db
    .select({
      version: pointsRates.version,
      effectiveAt: sql<string>`min(${pointsRates.effectiveAt})`,
      setBy: sql<string | null>`min(${pointsRates.setBy})`,
    })
    .from(pointsRates)
    .groupBy(pointsRates.version)
    .orderBy(desc(pointsRates.version))
    .limit(50);
  return {
    version: set.version,
    effectiveAt: set.effectiveAt,
    setBy: set.setBy,
    rates: POINTS_CLASSES.map((c) => ({ class: c, pointsPerKg: set.perKg[c] })),
    history: history.filter((h) => h.version !== set.version),
  };
}

/** The statements writing a new version: every class, numbered one above the newest when they run. */
export function newVersionStatements(db: AppDb, rates: readonly { class: PointsClass; pointsPerKg: number }[], setBy: string, at: string) {
  // The first statement takes max+1; the others join the version it wrote (same group, same transaction).
  const [first, ...rest] = rates;
  if (!first) return [];
  const next = sql`(select coalesce(max(${pointsRates.version}), 0) + 1 from ${pointsRates})`;
  const same = sql`(select max(${pointsRates.version}) from ${pointsRates})`;
  const row = (r: { class: PointsClass; pointsPerKg: number }, version: ReturnType<typeof sql>) =>
    db.insert(pointsRates).select(sql`select ${r.class}, ${r.pointsPerKg}, ${version}, ${at}, ${setBy}`);
  return [row(first, next), ...rest.map((r) => row(r, same))];
}

/** Rule text naming the rates used, e.g. "纸类 2 分/千克、金属 4 分/千克 (第3版)". */
export const rateVersionText = (version: number) => (version === 0 ? "默认费率" : `第${version}版费率`);

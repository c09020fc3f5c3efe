import {
  cityClock,
  POINTS_CLASS_LABELS,
  type PointsClass,
  WEIGH_MEDIAN_FACTOR,
  WEIGH_MEDIAN_MIN_LINES,
  WEIGH_USUAL_CEILING_KG,
  WEIGH_WHERE_LABELS,
  type WeighIn,
  type WeighInRequest,
} from "@civic/shared";
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { pointsEntries, weighInLines, weighIns } from "../db/schema";
import type { AppDeps } from "../deps";
import { conflict, validationFailed } from "../platform/errors";
import { guardedInsert } from "../platform/guarded-insert";
import { newId } from "../platform/ids";
import { flagStatement } from "./anomalies";
import { awardStatement, capsFor, entryWritten } from "./ledger";
import { currentRates, rateVersionText } from "./rates";
import { resolveResidentCode } from "./resident-code";

/*
 * A collector's weigh-in: the scanned resident code, kg per class, doorstep or drop-off. Points are
 * round(kg × rate) per line, summed, credited as ONE ledger entry `weigh:<weighInId>` within the day's caps;
 * the weigh-in, its lines (each with the rate version used), the entry and any `weight_above_usual` flag are
 * one atomic group. A replay (same weighInId) answers the first weigh-in, even after the code expired.
 */

type User = { id: string; roles: readonly string[] };
const round2 = (kg: number) => Math.round(kg * 100) / 100;

async function answerOf(deps: AppDeps, id: string): Promise<WeighIn | null> {
  const [w] = await deps.db.select().from(weighIns).where(eq(weighIns.id, id));
  if (!w) return null;
  return (await renderMany(deps, [w]))[0] ?? null;
}

async function renderMany(deps: AppDeps, rows: (typeof weighIns.$inferSelect)[]): Promise<WeighIn[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const lines = await deps.db.select().from(weighInLines).where(inArray(weighInLines.weighInId, ids)).orderBy(asc(weighInLines.class));
  const entries = await deps.db
    .select({ id: pointsEntries.id, amount: pointsEntries.amount })
    .from(pointsEntries)
    .where(
      inArray(
        pointsEntries.id,
        rows.map((r) => r.entryId),
      ),
    );
  const credited = new Map(entries.map((e) => [e.id, e.amount]));
  return rows.map((w) => ({
    id: w.id,
    householdLabel: w.householdLabel,
    where: w.where,
    pointName: w.pointName,
    lines: lines
      .filter((l) => l.weighInId === w.id)
      .map((l) => ({ class: l.class as PointsClass, kg: l.kg, pointsPerKg: l.pointsPerKg, rateVersion: l.rateVersion, points: l.points })),
    ratedPoints: w.ratedPoints,
    points: credited.get(w.entryId) ?? 0,
    at: w.at,
  }));
}

/** The class's 90-day median kg per line (null below WEIGH_MEDIAN_MIN_LINES lines). */
async function medianKg(deps: AppDeps, cls: string, since: string): Promise<number | null> {
  const rows = await deps.db
    .select({ kg: weighInLines.kg })
    .from(weighInLines)
    .where(and(eq(weighInLines.class, cls), gte(weighInLines.at, since)))
    .orderBy(desc(weighInLines.at))
    .limit(1000);
  if (rows.length < WEIGH_MEDIAN_MIN_LINES) return null;
  const kgs = rows.map((r) => r.kg).sort((a, b) => a - b);
  const mid = Math.floor(kgs.length / 2);
  return kgs.length % 2 ? (kgs[mid] as number) : ((kgs[mid - 1] as number) + (kgs[mid] as number)) / 2;
}

export async function recordWeighIn(deps: AppDeps, user: User, body: WeighInRequest): Promise<WeighIn> {
  const replay = async () => {
    const [w] = await deps.db.select({ collectorId: weighIns.collectorId }).from(weighIns).where(eq(weighIns.id, body.weighInId));
    if (!w) return null;
    if (w.collectorId !== user.id) throw conflict("this weigh-in id is already used", { reason: "id_taken" });
    return answerOf(deps, body.weighInId);
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const resolved = await resolveResidentCode(deps, body.code);
  if (!resolved.ok) {
    if (resolved.reason === "code_expired")
      throw conflict("the resident's code has expired: ask them to refresh it", { reason: "code_expired" });
    throw validationFailed("not a valid resident code", [{ path: "code", message: resolved.reason }]);
  }
  if (resolved.accountId === user.id) throw conflict("a collector cannot credit their own household", { reason: "self_award" });

  const now = deps.clock();
  const at = now.toISOString();
  const day = cityClock(now, deps.config.cityZone).date;
  const rates = await currentRates(deps.db);
  const lines = body.lines.map((l) => {
    const kg = round2(l.kg);
    const perKg = rates.perKg[l.class];
    return { class: l.class, kg, pointsPerKg: perKg, rateVersion: rates.version, points: Math.round(kg * perKg) };
  });
  const rated = lines.reduce((s, l) => s + l.points, 0);
  const since = new Date(now.getTime() - 90 * 86_400_000).toISOString();
  const unusual: { class: string; kg: number; ceiling: number; median: number | null }[] = [];
  for (const l of lines) {
    const median = await medianKg(deps, l.class, since);
    const ceiling = WEIGH_USUAL_CEILING_KG[l.class];
    if (l.kg > ceiling || (median !== null && l.kg > WEIGH_MEDIAN_FACTOR * median))
      unusual.push({ class: l.class, kg: l.kg, ceiling, median });
  }

  const entryId = newId();
  const ours = sql`exists (select 1 from ${weighIns} where ${weighIns.id} = ${body.weighInId} and ${weighIns.entryId} = ${entryId})`;
  const what = lines.map((l) => `${POINTS_CLASS_LABELS[l.class]} ${l.kg} 千克`).join("、");
  const rule = `${lines.map((l) => `${POINTS_CLASS_LABELS[l.class]} ${l.pointsPerKg} 分/千克`).join("、")}（${rateVersionText(rates.version)}）`;
  const pointName = body.where === "drop_off" ? (body.pointName ?? null) : null;
  await deps.atomic([
    deps.db
      .insert(weighIns)
      .values({
        id: body.weighInId,
        collectorId: user.id,
        accountId: resolved.accountId,
        householdLabel: resolved.householdLabel,
        where: body.where,
        pointName,
        ratedPoints: rated,
        entryId,
        day,
        at,
      })
      .onConflictDoNothing(),
    awardStatement(deps.db, {
      id: entryId,
      accountId: resolved.accountId,
      kind: "weigh_in",
      sourceKey: `weigh:${body.weighInId}`,
      amount: rated,
      cap: await capsFor(deps.db, "weigh_in"),
      rule,
      rate: lines.length === 1 ? (lines[0]?.pointsPerKg ?? null) : null,
      actorId: user.id,
      day,
      at,
      reason: `${WEIGH_WHERE_LABELS[body.where]} ${what}`,
      guard: ours,
    }),
    ...lines.map((l) => guardedInsert(deps.db, weighInLines, { weighInId: body.weighInId, ...l, at }, entryWritten(entryId))),
    ...(unusual.length
      ? [
          flagStatement(deps.db, {
            id: newId(),
            kind: "weight_above_usual",
            subjectKey: `weigh:${body.weighInId}`,
            accountId: resolved.accountId,
            actorId: user.id,
            entryId,
            detail: { lines: unusual, factor: WEIGH_MEDIAN_FACTOR },
            at,
            when: entryWritten(entryId),
          }),
        ]
      : []),
  ]);
  const answer = await replay();
  if (!answer) throw conflict("the weigh-in could not be recorded; try again", { reason: "stale" });
  return answer;
}

/** The collector's own weigh-ins of a city date, newest first. */
export async function weighInsOf(deps: AppDeps, collectorId: string, day: string): Promise<WeighIn[]> {
  const rows = await deps.db
    .select()
    .from(weighIns)
    .where(and(eq(weighIns.collectorId, collectorId), eq(weighIns.day, day)))
    .orderBy(desc(weighIns.at))
    .limit(500);
  return renderMany(deps, rows);
}

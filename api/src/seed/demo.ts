import { latBand } from "@civic/shared";
import { sql } from "drizzle-orm";
import { toilets } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import { newId } from "../platform/ids";
import { type GeneratorOptions, generateDemoToilets } from "./toilet-generator";

export const DEMO_TOILET_COUNT = 2400;

/** Inserts toilets in multi-row statements, all in one atomic step. */
export async function insertToilets(
  db: AppDb,
  atomic: AppDeps["atomic"],
  count: number,
  seed?: number,
  options?: GeneratorOptions,
): Promise<number> {
  const now = new Date().toISOString();
  const rows = generateDemoToilets(count, seed, options).map((t) => ({
    ...t,
    id: newId(),
    hours: JSON.stringify(t.hours),
    latBand: latBand(t.lat),
    active: true,
    createdAt: now,
    updatedAt: now,
  }));
  const statements = [];
  for (let i = 0; i < rows.length; i += 200) statements.push(db.insert(toilets).values(rows.slice(i, i + 200)));
  await atomic(statements);
  return rows.length;
}

/** Seeds the Suzhou demo toilets into an empty database; returns how many were added (0 if not empty). */
export async function seedDemoIfEmpty(db: AppDb, atomic: AppDeps["atomic"]): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(toilets);
  if (Number(row?.n ?? 0) > 0) return 0;
  return insertToilets(db, atomic, DEMO_TOILET_COUNT);
}

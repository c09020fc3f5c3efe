import { CategoryInput, latBand } from "@civic/shared";
import { sql } from "drizzle-orm";
import { reportCategories, toilets } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import { newId } from "../platform/ids";
import { categoryValues } from "../reports/categories.repo";
import { seedDemoChecksIfEmpty } from "./demo-checks";
import { seedDemoCommunitiesIfEmpty } from "./demo-communities";
import { seedDemoGuideIfEmpty } from "./demo-guide";
import { seedDemoMarketsIfEmpty } from "./demo-markets";
import { seedDemoParkingIfEmpty } from "./demo-parking";
import { seedDemoPickupsIfEmpty } from "./demo-pickups";
import { seedDemoPointsIfEmpty } from "./demo-points";
import { seedDemoReportsIfEmpty } from "./demo-reports";
import { seedDemoRewardsIfEmpty } from "./demo-rewards";
import { DEMO_CATEGORIES } from "./report-categories";
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

/** The demo report categories, if there are none yet; returns how many were added. */
export async function seedCategoriesIfEmpty(db: AppDb, atomic: AppDeps["atomic"]): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(reportCategories);
  if (Number(row?.n ?? 0) > 0) return 0;
  const now = new Date().toISOString();
  const rows = DEMO_CATEGORIES.map((c) => categoryValues(CategoryInput.parse(c), now));
  await atomic([db.insert(reportCategories).values(rows)]);
  return rows.length;
}

/**
 * Seeds the Suzhou demo data into an empty database (toilets, report categories, residents' reports at
 * every stage, bulky-waste pickups: catalogue, slots, collectors, bookings in every state; parking lots with
 * a day of occupancy and the simulated operator's key when `feedKeySecret` is given; night markets and
 * vending zones with one suspension; communities, bin rooms, volunteers and a month of their checks;
 * recycling points; rewards with a resident's redemptions; the sorting guide's suggestions); returns how
 * many toilets were added (0 if there were some).
 */
export async function seedDemoIfEmpty(db: AppDb, atomic: AppDeps["atomic"], opts: { feedKeySecret?: string } = {}): Promise<number> {
  await seedCategoriesIfEmpty(db, atomic);
  await seedDemoParkingIfEmpty(db, atomic, new Date(), opts.feedKeySecret);
  await seedDemoReportsIfEmpty(db, atomic, new Date());
  await seedDemoPickupsIfEmpty(db, atomic, new Date());
  await seedDemoCommunitiesIfEmpty(db, atomic, new Date());
  await seedDemoChecksIfEmpty(db, atomic, new Date());
  await seedDemoMarketsIfEmpty(db, atomic, new Date());
  await seedDemoPointsIfEmpty(db, atomic, new Date());
  await seedDemoRewardsIfEmpty(db, atomic, new Date());
  await seedDemoGuideIfEmpty(db, atomic, new Date());
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(toilets);
  if (Number(row?.n ?? 0) > 0) return 0;
  return insertToilets(db, atomic, DEMO_TOILET_COUNT);
}

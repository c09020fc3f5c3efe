import { type Category, type CategoryAttribute, type CategoryRecordInput, type CategoryUpdate, categoryGroupName } from "@civic/shared";
import { asc, eq } from "drizzle-orm";
import { reportCategories } from "../db/schema";
import type { AppDb } from "../db/types";

export type CategoryRow = typeof reportCategories.$inferSelect;

export function toCategory(row: CategoryRow): Category {
  return {
    code: row.code,
    name: row.name,
    group: row.groupCode,
    groupName: categoryGroupName(row.groupCode),
    department: row.department,
    slaHours: row.slaHours,
    description: row.description,
    keywords: JSON.parse(row.keywords) as string[],
    attributes: JSON.parse(row.attributes) as CategoryAttribute[],
    sortOrder: row.sortOrder,
    active: row.active,
  };
}

export function categoryValues(input: CategoryRecordInput, now: string) {
  return {
    code: input.code,
    name: input.name,
    groupCode: input.group,
    department: input.department,
    slaHours: input.slaHours,
    description: input.description,
    keywords: JSON.stringify(input.keywords),
    attributes: JSON.stringify(input.attributes),
    sortOrder: input.sortOrder,
    active: true,
    createdAt: now,
    updatedAt: now,
  };
}

export function categoriesRepo(db: AppDb) {
  return {
    async list(includeInactive: boolean): Promise<Category[]> {
      const rows = await db.select().from(reportCategories).orderBy(asc(reportCategories.sortOrder), asc(reportCategories.code));
      return rows.filter((r) => includeInactive || r.active).map(toCategory);
    },
    async byCode(code: string): Promise<CategoryRow | undefined> {
      return (await db.select().from(reportCategories).where(eq(reportCategories.code, code)).limit(1))[0];
    },
    /** The insert, for atomic() with its audit row; a taken code fails the UNIQUE primary key. */
    insertStatement(input: CategoryRecordInput, now: string) {
      return db.insert(reportCategories).values(categoryValues(input, now)).onConflictDoNothing().returning();
    },
    updateStatement(code: string, change: CategoryUpdate, now: string) {
      const set: Partial<typeof reportCategories.$inferInsert> = { updatedAt: now };
      if (change.name !== undefined) set.name = change.name;
      if (change.group !== undefined) set.groupCode = change.group;
      if (change.department !== undefined) set.department = change.department;
      if (change.slaHours !== undefined) set.slaHours = change.slaHours;
      if (change.description !== undefined) set.description = change.description;
      if (change.keywords !== undefined) set.keywords = JSON.stringify(change.keywords);
      if (change.attributes !== undefined) set.attributes = JSON.stringify(change.attributes);
      if (change.sortOrder !== undefined) set.sortOrder = change.sortOrder;
      if (change.active !== undefined) set.active = change.active;
      return db.update(reportCategories).set(set).where(eq(reportCategories.code, code)).returning();
    },
  };
}

import { getTableColumns, SQL, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { AppDb } from "../db/types";

/**
 * `INSERT INTO t (every column) SELECT <values> WHERE <guard>`: a row that is written only if the guard
 * holds when the statement runs. Inside one atomic() group, guards on the same condition (e.g. "the
 * report is still at version v") make the whole group apply or the whole group do nothing, without a
 * read between awaits. Columns left out take their schema default (or null). A value may be an SQL
 * expression (e.g. a subquery computing the next sequence), evaluated inside the same statement.
 */
export function guardedInsert<T extends SQLiteTable>(
  db: AppDb,
  table: T,
  values: { [K in keyof T["$inferInsert"]]?: T["$inferInsert"][K] | SQL },
  guard: SQL,
) {
  const given = values as Record<string, unknown>;
  const parts = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const value = key in given ? given[key] : column.hasDefault ? column.default : null;
    if (value instanceof SQL) return value;
    return value === null || value === undefined ? sql`null` : sql.param(value, column);
  });
  return db.insert(table).select(sql`select ${sql.join(parts, sql`, `)} where ${guard}`);
}

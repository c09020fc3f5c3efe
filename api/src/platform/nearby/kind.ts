import type { SQL } from "drizzle-orm";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { AppDb } from "../../db/types";

/*
 * A kind of place that nearby search can find (toilets; next parking lots, stalls, pickup jobs): one
 * descriptor serves both engines, the portable SQL (sql-search.ts, D1 and SQLite alike) and the in-memory
 * k-d tree (memory-index.ts, a host that owns its database). Both answer the same: every match within the
 * radius, nearest first, ties by id, at most `limit`.
 */

export interface NearbyQuery {
  lat: number;
  lng: number;
  /** Metres. */
  radius: number;
  limit: number;
}

/** What a search reads of a row: at least its id and GCJ-02 position. */
export interface PlaceRow {
  id: string;
  lat: number;
  lng: number;
}

export interface PlaceKind<Q extends NearbyQuery, Ctx, Row extends PlaceRow, Result, Entry extends PlaceRow> {
  /** Names the kind in an index (e.g. "toilet"). */
  name: string;
  /** A rowid table with a latitude band column (floor(lat / LAT_BAND_DEGREES), see shared/geo/grid). */
  table: SQLiteTable;
  lat: AnySQLiteColumn;
  lng: AnySQLiteColumn;
  latBand: AnySQLiteColumn;
  /** The columns a result is built from (selected by both engines); they must yield `Row`. */
  columns: Record<string, AnySQLiteColumn>;
  /** Rows that can be found at all (e.g. active), for both engines. */
  searchable: SQL;

  // The SQL engine: one prepared statement for every query, filters switched by named parameters.
  /** Conditions with `sql.placeholder(name)`s, e.g. `(:free = 0 or free = 1)`. */
  filters: SQL[];
  /** Values for the filters' placeholders. */
  params: (q: Q) => Record<string, string | number>;
  /** True when results are dropped after SQL (e.g. by opening hours): then every candidate in range is read. */
  filtersAfterSql?: (q: Q) => boolean;
  /** The result for a row in range, or null to drop it (a filter only code can decide). */
  toResult: (row: Row, distanceM: number, q: Q, ctx: Ctx) => Result | null;

  // The in-memory engine: entries built once per snapshot, searches only splice pre-serialized JSON.
  /** A cheap counter that moves on every write to the table (e.g. bumped by triggers). */
  version: (db: AppDb) => () => Promise<number>;
  toEntry: (row: Row) => Entry;
  /** The filter for one query, or null when it filters nothing (the common case, kept free). */
  matcher: (q: Q, ctx: Ctx) => ((e: Entry) => boolean) | null;
  /** One result as JSON text, exactly what JSON.stringify(toResult(...)) would write. */
  entryJson: (e: Entry, distanceM: number, ctx: Ctx) => string;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds kinds of every shape
export type AnyPlaceKind = PlaceKind<any, any, any, any, any>;

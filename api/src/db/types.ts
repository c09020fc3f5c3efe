import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema";

/** A drizzle database over either host's driver: better-sqlite3 (sync) or D1 (async). Always await it. */
// biome-ignore lint/suspicious/noExplicitAny: the driver's run-result type differs per host and is never read
export type AppDb = BaseSQLiteDatabase<"sync" | "async", any, typeof schema>;

/** A statement built but not yet run, for `atomic()`. */
export type AtomicStatement = { run: () => unknown };

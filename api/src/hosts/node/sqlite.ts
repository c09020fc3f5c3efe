import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../../db/schema";
import type { AppDb } from "../../db/types";
import type { AppDeps, AtomicQuery } from "../../deps";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../migrations", import.meta.url));

/** Opens (creating if needed) the SQLite file, applies every migration, and returns drizzle + atomic(). */
export function openSqlite(path: string) {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  // FULL: every commit is fsynced to the WAL before the answer goes out, so an acknowledged write survives
  // a power cut (NORMAL would only survive a process crash). Cost measured in docs/benchmarks.md.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  const atomic: AppDeps["atomic"] = async (statements: readonly AtomicQuery[]) =>
    sqlite.transaction(() => statements.map((s) => s.run()))();
  // SQLite's count of rows this connection has written: no file access, so cheap enough to ask per request.
  const totalChanges = sqlite.prepare("SELECT total_changes()").pluck();
  const localChanges = () => totalChanges.get() as number;
  return { sqlite, db: db as unknown as AppDb, atomic, localChanges };
}

import { existsSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import Database from "better-sqlite3";
import {
  type BackupManifest,
  copyPhotos,
  DATABASE_FILE,
  fsyncDir,
  fsyncPath,
  isEmptyDir,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  PHOTOS_DIR,
  sha256File,
  writeFileDurably,
} from "./backup-files";

/**
 * `pnpm db:backup <dir>`: a consistent copy of a LIVE Node host, taken while it serves and writes.
 *
 * 1. The database: `VACUUM INTO` runs inside one read transaction, so the copy is the database exactly
 *    as it was when the statement began (every write acknowledged before it is in; a later one is not),
 *    and in WAL mode it blocks no writer. The online backup API (db.backup()) restarts whenever another
 *    connection writes, which under steady writes may never finish; VACUUM INTO cannot be restarted.
 * 2. The photos, after the snapshot: a photo is written (and fsynced) before the row that names it
 *    commits, and never changes afterwards, so every photo the snapshot refers to is already on disk.
 *    Photos added meanwhile are copied too and are harmless (nothing in the copy refers to them).
 * 3. The manifest last, with counts, sizes and sha256 of everything: restore checks it.
 */
export async function backupNodeData(opts: { databasePath: string; photoDir: string; target: string }): Promise<BackupManifest> {
  if (!existsSync(opts.databasePath)) throw new Error(`no database at ${opts.databasePath} (DATABASE_PATH)`);
  if (!(await isEmptyDir(opts.target))) throw new Error(`${opts.target} is not empty: back up into a new directory`);
  await mkdir(opts.target, { recursive: true });
  const createdAt = new Date().toISOString();

  const copyPath = join(opts.target, DATABASE_FILE);
  // Read-write, though it only reads: a read-only connection cannot open a WAL database whose -shm is missing.
  const live = new Database(opts.databasePath, { fileMustExist: true });
  try {
    live.pragma("busy_timeout = 10000");
    live.prepare("VACUUM INTO ?").run(copyPath);
  } finally {
    live.close();
  }
  // VACUUM INTO does not fsync what it wrote.
  await fsyncPath(copyPath);
  const database = inspectCopy(copyPath);

  const photos = await copyPhotos(opts.photoDir, join(opts.target, PHOTOS_DIR));
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    createdAt,
    database: {
      file: DATABASE_FILE,
      bytes: (await stat(copyPath)).size,
      sha256: await sha256File(copyPath),
      integrityCheck: "ok",
      tables: database.tables,
    },
    photos,
  };
  await writeFileDurably(join(opts.target, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  await fsyncDir(opts.target);
  return manifest;
}

/** PRAGMA integrity_check must answer exactly "ok"; anything else is the list of problems. */
export function integrityCheck(db: Database.Database): string {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join("; ");
}

/** Checks the copy's integrity and counts its rows, table by table (operators compare them with the live service). */
function inspectCopy(path: string): { tables: Record<string, number> } {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const result = integrityCheck(copy);
    if (result !== "ok") throw new Error(`the copy failed PRAGMA integrity_check: ${result}`);
    const names = copy
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all() as string[];
    const tables: Record<string, number> = {};
    for (const name of names)
      tables[name] = copy
        .prepare(`select count(*) from "${name.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number;
    return { tables };
  } finally {
    copy.close();
  }
}

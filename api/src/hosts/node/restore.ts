import { copyFile, mkdir, readFile, rename, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { integrityCheck } from "./backup";
import {
  type BackupManifest,
  copyPhotos,
  fsyncDir,
  fsyncPath,
  isEmptyDir,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  sha256,
  sha256File,
} from "./backup-files";

export interface RestoreResult {
  manifest: BackupManifest;
  /** Where --force moved what was there before (nothing is deleted). */
  movedAside: string[];
}

/**
 * `pnpm db:restore <dir>`: puts a backup back into DATABASE_PATH and PHOTO_DIR, for a stopped service.
 * Everything is checked before anything is touched: the manifest's sizes and sha256 for the database
 * and every photo, and PRAGMA integrity_check on the copy. A target that holds data is refused unless
 * `force`; then the old files are moved aside (`<name>.before-restore-<time>`), never deleted. A database
 * another process holds open (a running server) is refused even with `force`.
 */
export async function restoreNodeData(opts: {
  source: string;
  databasePath: string;
  photoDir: string;
  force: boolean;
}): Promise<RestoreResult> {
  const manifest = await readManifest(opts.source);
  await verifyBackup(opts.source, manifest);

  const occupied = await occupiedTargets(opts.databasePath, opts.photoDir);
  if (occupied.length > 0 && !opts.force) {
    throw new Error(
      `the target already holds data (${occupied.join(", ")}); stop the service and add --force to replace it (it is moved aside, not deleted)`,
    );
  }
  if (occupied.includes(opts.databasePath)) assertNotOpen(opts.databasePath);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const movedAside: string[] = [];
  for (const path of occupied) {
    const aside = `${path}.before-restore-${stamp}`;
    await rename(path, aside);
    movedAside.push(aside);
  }

  await mkdir(dirname(opts.databasePath), { recursive: true });
  const incoming = `${opts.databasePath}.restoring`;
  await copyFile(join(opts.source, manifest.database.file), incoming);
  await fsyncPath(incoming);
  await rename(incoming, opts.databasePath);
  await fsyncDir(dirname(opts.databasePath));
  await copyPhotos(join(opts.source, manifest.photos.dir), opts.photoDir);
  return { manifest, movedAside };
}

async function readManifest(source: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(source, MANIFEST_FILE), "utf8");
  } catch {
    throw new Error(`${source} has no ${MANIFEST_FILE}: not a backup, or one that did not finish`);
  }
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== MANIFEST_FORMAT)
    throw new Error(`unknown backup format ${String(manifest.format)} (expected ${MANIFEST_FORMAT})`);
  return manifest;
}

/** Throws naming the first file whose size or sha256 differs from the manifest, or a database that fails integrity_check. */
export async function verifyBackup(source: string, manifest: BackupManifest): Promise<void> {
  const dbPath = join(source, manifest.database.file);
  const size = await stat(dbPath).then(
    (s) => s.size,
    () => -1,
  );
  if (size !== manifest.database.bytes || (await sha256File(dbPath)) !== manifest.database.sha256) {
    throw new Error(`${manifest.database.file} does not match the manifest (damaged or changed since the backup)`);
  }
  const copy = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const result = integrityCheck(copy);
    if (result !== "ok") throw new Error(`${manifest.database.file} failed PRAGMA integrity_check: ${result}`);
  } finally {
    copy.close();
  }
  for (const f of manifest.photos.files) {
    const data = await readFile(join(source, manifest.photos.dir, f.path)).catch(() => null);
    if (!data || data.length !== f.bytes || sha256(data) !== f.sha256) {
      throw new Error(`photo ${f.path} is missing or does not match the manifest`);
    }
  }
}

/** The database file (and its WAL companions) and a non-empty photo directory count as data. */
async function occupiedTargets(databasePath: string, photoDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const path of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) {
    if (
      await stat(path).then(
        () => true,
        () => false,
      )
    )
      found.push(path);
  }
  if (!(await isEmptyDir(photoDir))) found.push(photoDir);
  return found;
}

/**
 * Refuses while another process (a running server) has the database open: every WAL-mode connection
 * holds a shared lock for as long as it is open, so an exclusive lock is granted only when none is.
 */
function assertNotOpen(databasePath: string): void {
  const probe = new Database(databasePath, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("BEGIN EXCLUSIVE; COMMIT;");
  } catch (err) {
    if ((err as { code?: string }).code === "SQLITE_BUSY") {
      throw new Error(`${databasePath} is open in another process: stop the service before restoring`);
    }
    throw err;
  } finally {
    probe.close();
  }
}

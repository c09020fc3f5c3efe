import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { TEMP_MARKER } from "./disk-blobs";

/** What `pnpm db:backup` writes beside the copies, last (its presence means the backup is complete). */
export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  database: { file: string; bytes: number; sha256: string; integrityCheck: "ok"; tables: Record<string, number> };
  photos: { dir: string; count: number; bytes: number; files: { path: string; bytes: number; sha256: string }[] };
}

export const MANIFEST_FORMAT = "civic-backup/1";
export const MANIFEST_FILE = "manifest.json";
export const DATABASE_FILE = "civic.sqlite";
export const PHOTOS_DIR = "photos";

export const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Streams the file through the hash: a database may be larger than memory. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Directories cannot be fsynced on Windows; everywhere else a rename is only durable once its directory is. */
export async function fsyncDir(path: string): Promise<void> {
  if (process.platform !== "win32") await fsyncPath(path);
}

/** Writes `data` to a temp name, fsyncs, renames into place: the file is complete or absent, never partial. */
export async function writeFileDurably(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}${TEMP_MARKER}restore`;
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

/** Every file under `root` as a `/`-separated relative path, skipping the photo store's in-flight temp files. */
export async function filesUnder(root: string): Promise<string[]> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  return entries
    .filter((e) => e.isFile() && !e.name.includes(TEMP_MARKER))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** Copies every photo file with its sha256; a file deleted while copying (an unused upload cleaned up) is skipped. */
export async function copyPhotos(from: string, to: string): Promise<BackupManifest["photos"]> {
  const files: BackupManifest["photos"]["files"] = [];
  const made = new Set<string>();
  for (const path of await filesUnder(from)) {
    let data: Buffer;
    try {
      data = await readFile(join(from, path));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw err;
    }
    await writeFileDurably(join(to, path), data);
    made.add(dirname(join(to, path)));
    files.push({ path, bytes: data.length, sha256: sha256(data) });
  }
  for (const dir of made) await fsyncDir(dir);
  // count: photos, not their ".type" companions (files lists both).
  return {
    dir: PHOTOS_DIR,
    count: files.filter((f) => !f.path.endsWith(".type")).length,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    files,
  };
}

/** True when nothing is there or the directory is empty. */
export async function isEmptyDir(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw err;
  }
}

export const removeQuietly = (path: string) => rm(path, { force: true, recursive: true });

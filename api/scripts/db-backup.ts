/**
 * `pnpm db:backup <dir>`: an online, consistent copy of the Node host's database and photos into a new
 * directory, taken while the service runs (api/src/hosts/node/backup.ts). Reads DATABASE_PATH and
 * PHOTO_DIR like the server does.
 */
import { resolve } from "node:path";
import { ConfigError } from "../src/config";
import { backupNodeData } from "../src/hosts/node/backup";
import { readNodeStorageConfig } from "../src/hosts/node/config";

async function main() {
  const [dir] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  if (!dir) {
    console.error("usage: pnpm db:backup <new directory>");
    process.exit(2);
  }
  const storage = readNodeStorageConfig();
  const target = resolve(storage.invokedFrom, dir);
  const started = Date.now();
  const manifest = await backupNodeData({ databasePath: storage.databasePath, photoDir: storage.photoDir, target });
  const rows = Object.values(manifest.database.tables).reduce((n, c) => n + c, 0);
  console.log(
    `backed up ${storage.databasePath} (${manifest.database.bytes} bytes, ${rows} rows, integrity ok) and ${manifest.photos.count} photo files (${manifest.photos.bytes} bytes) from ${storage.photoDir} into ${target} in ${Date.now() - started} ms`,
  );
}

main().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof Error ? `backup failed: ${err.message}` : err);
  process.exit(1);
});

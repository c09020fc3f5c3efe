/**
 * `pnpm db:restore <dir> [--force]`: puts a backup made by db:backup into DATABASE_PATH and PHOTO_DIR
 * (api/src/hosts/node/restore.ts). Stop the service first. Refuses a target holding data unless --force,
 * which moves the old files aside.
 */
import { resolve } from "node:path";
import { ConfigError } from "../src/config";
import { readNodeStorageConfig } from "../src/hosts/node/config";
import { restoreNodeData } from "../src/hosts/node/restore";

async function main() {
  const args = process.argv.slice(2);
  const [dir] = args.filter((a) => !a.startsWith("--"));
  if (!dir) {
    console.error("usage: pnpm db:restore <backup directory> [--force]");
    process.exit(2);
  }
  const storage = readNodeStorageConfig();
  const source = resolve(storage.invokedFrom, dir);
  const { manifest, movedAside } = await restoreNodeData({
    source,
    databasePath: storage.databasePath,
    photoDir: storage.photoDir,
    force: args.includes("--force"),
  });
  for (const path of movedAside) console.log(`moved aside: ${path}`);
  console.log(
    `restored the backup of ${manifest.createdAt} (checked: sizes, sha256, integrity_check ok) into ${storage.databasePath} and ${manifest.photos.count} photo files into ${storage.photoDir}`,
  );
}

main().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof Error ? `restore failed: ${err.message}` : err);
  process.exit(1);
});

import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs/promises";
import { dirname, join } from "node:path";
import type { BlobStore } from "../../platform/blobs";

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]{0,200}$/i;

/** Temp files carry this marker; keys can never contain a ".", so no key collides with one (backup skips them). */
export const TEMP_MARKER = ".tmp-";

/** The part of node:fs/promises the store uses; tests inject a spy to see the fsync order. */
export type BlobFs = Pick<typeof nodeFs, "mkdir" | "open" | "readFile" | "rename" | "rm">;

/**
 * Blobs as files under one directory; the content type sits beside each file. A put returns only once the
 * photo is on disk: each file is written to a temp name, fsynced, renamed into place, and the directory
 * fsynced, so after a power cut a key is either absent or complete, never half written.
 */
export function diskBlobStore(root: string, fs: BlobFs = nodeFs): BlobStore {
  const pathOf = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`unsafe blob key: ${key}`);
    return join(root, key);
  };

  const fsyncPath = async (path: string) => {
    const handle = await fs.open(path, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  };

  const writeDurably = async (path: string, data: Uint8Array | string) => {
    const temp = `${path}${TEMP_MARKER}${randomBytes(6).toString("hex")}`;
    try {
      const handle = await fs.open(temp, "w");
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, path);
    } catch (err) {
      await fs.rm(temp, { force: true });
      throw err;
    }
  };

  return {
    async put(key, data, contentType) {
      const p = pathOf(key);
      const dir = dirname(p);
      const created = await fs.mkdir(dir, { recursive: true });
      // The type first: a data file never exists without its type beside it.
      await writeDurably(`${p}.type`, contentType);
      try {
        await writeDurably(p, data);
      } catch (err) {
        await fs.rm(`${p}.type`, { force: true });
        throw err;
      }
      // The renames live in the directory's entries; fsync it (and the parents of any directory mkdir just
      // made) so the names survive a power cut too. Windows cannot open a directory to fsync it.
      if (process.platform === "win32") return;
      await fsyncPath(dir);
      if (created) {
        // mkdir made `created` and everything below it down to `dir`: each new entry lives in its parent.
        const top = dirname(created);
        for (let d = dirname(dir); ; d = dirname(d)) {
          await fsyncPath(d);
          if (d === top || d === dirname(d)) break;
        }
      }
    },
    async get(key) {
      const p = pathOf(key);
      try {
        const [data, contentType] = await Promise.all([fs.readFile(p), fs.readFile(`${p}.type`, "utf8")]);
        return { data: new Uint8Array(data), contentType };
      } catch {
        return null;
      }
    },
    async delete(key) {
      const p = pathOf(key);
      await fs.rm(p, { force: true });
      await fs.rm(`${p}.type`, { force: true });
    },
  };
}

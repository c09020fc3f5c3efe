import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { BlobStore } from "../../platform/blobs";

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]{0,200}$/i;

/** Blobs as files under one directory; the content type sits beside each file. */
export function diskBlobStore(root: string): BlobStore {
  const pathOf = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`unsafe blob key: ${key}`);
    return join(root, key);
  };
  return {
    async put(key, data, contentType) {
      const p = pathOf(key);
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, data);
      await writeFile(`${p}.type`, contentType);
    },
    async get(key) {
      const p = pathOf(key);
      try {
        const [data, contentType] = await Promise.all([readFile(p), readFile(`${p}.type`, "utf8")]);
        return { data: new Uint8Array(data), contentType };
      } catch {
        return null;
      }
    },
    async delete(key) {
      const p = pathOf(key);
      await rm(p, { force: true });
      await rm(`${p}.type`, { force: true });
    },
  };
}

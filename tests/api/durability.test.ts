import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import * as realFs from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { type BlobFs, diskBlobStore } from "@civic/api/hosts/node/disk-blobs";
import { startNodeServer } from "@civic/api/hosts/node/server";
import { describe, expect, it } from "vitest";

/* An acknowledged write survives a power cut: the database commits with fsync, photos reach the disk first. */

const tempDir = () => mkdtempSync(join(tmpdir(), "civic-durable-"));

/** Every file under `dir`, relative, recursively. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

/** node:fs/promises with every durability-relevant call written to `events` (fsync as "sync <path>"). */
function spyFs(events: string[], root: string, opts: { failSyncOf?: string } = {}): BlobFs {
  const rel = (p: unknown) => relative(root, String(p)) || ".";
  return {
    mkdir: realFs.mkdir,
    readFile: realFs.readFile,
    rm: realFs.rm,
    rename: (async (from: string, to: string) => {
      events.push(`rename ${rel(from).replace(/\.tmp-\w+$/, ".tmp")} -> ${rel(to)}`);
      return realFs.rename(from, to);
    }) as BlobFs["rename"],
    open: (async (path: string, flags: string) => {
      const handle = await realFs.open(path, flags);
      const name = rel(path).replace(/\.tmp-\w+$/, ".tmp");
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        if (opts.failSyncOf && name.endsWith(opts.failSyncOf)) throw new Error("EIO: simulated disk failure");
        events.push(`sync ${name}`);
        return sync();
      };
      return handle;
    }) as BlobFs["open"],
  };
}

describe("durability on the Node host", () => {
  it("a started server's database runs WAL with synchronous=FULL", async () => {
    const server = await startNodeServer({ databasePath: join(tempDir(), "civic.sqlite"), env: { DEV_LOGIN: "1", LOG_LEVEL: "silent" } });
    try {
      expect(server.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      // 2 = FULL (0 OFF, 1 NORMAL, 3 EXTRA)
      expect(server.sqlite.pragma("synchronous", { simple: true })).toBe(2);
    } finally {
      await server.close();
    }
  });

  it("a photo put is fsynced under a temp name, renamed into place, and its directory fsynced before put returns", async () => {
    const root = tempDir();
    const events: string[] = [];
    const store = diskBlobStore(root, spyFs(events, root));
    const bytes = new Uint8Array(256 * 1024).map((_, i) => i % 251);
    await store.put("photos/abc-jpg", bytes, "image/jpeg");

    expect(events).toEqual([
      "sync photos/abc-jpg.type.tmp",
      "rename photos/abc-jpg.type.tmp -> photos/abc-jpg.type",
      "sync photos/abc-jpg.tmp",
      "rename photos/abc-jpg.tmp -> photos/abc-jpg",
      "sync photos",
      // photos/ was new: its entry in the root directory is flushed too
      "sync .",
    ]);
    expect(filesUnder(root)).toEqual(["photos/abc-jpg", "photos/abc-jpg.type"]);
    expect(new Uint8Array(readFileSync(join(root, "photos/abc-jpg")))).toEqual(bytes);
    expect(await store.get("photos/abc-jpg")).toEqual({ data: bytes, contentType: "image/jpeg" });

    // A second photo in the existing directory: only that directory needs its fsync.
    events.length = 0;
    await store.put("photos/def-jpg", bytes, "image/jpeg");
    expect(events.at(-1)).toBe("sync photos");
    expect(events.filter((e) => e === "sync .")).toEqual([]);
  });

  it("a put that fails to reach the disk rejects and leaves neither the photo nor a temp file", async () => {
    const root = tempDir();
    const store = diskBlobStore(root, spyFs([], root, { failSyncOf: "abc-jpg.tmp" }));
    await expect(store.put("photos/abc-jpg", new Uint8Array([1, 2, 3]), "image/jpeg")).rejects.toThrow(/EIO/);
    expect(filesUnder(root)).toEqual([]);
    expect(await store.get("photos/abc-jpg")).toBeNull();
  });
});

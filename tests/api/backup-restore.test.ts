import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startNodeServer } from "@civic/api/hosts/node/server";
import { seedDemoIfEmpty } from "@civic/api/seed/demo";
import { describe, expect, it } from "vitest";
import { GUANQIAN, offset, toilet } from "../contract/fixtures";
import { type ContractHarness, loginAs } from "../contract/harness";
import { fileReport, uploadPhoto } from "../contract/report-fixtures";

/* `pnpm db:backup` / `pnpm db:restore` against a real Node host that keeps acknowledging writes meanwhile. */

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ENV = { DEV_LOGIN: "1", LOG_LEVEL: "silent" };

/** Runs one of the api/scripts CLIs the way `pnpm db:backup` does (tsx, repo root), with the given storage settings. */
function runScript(script: "db-backup" | "db-restore", args: string[], storage: { DATABASE_PATH: string; PHOTO_DIR: string }) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "api", "scripts", `${script}.ts`), ...args], {
      cwd: root,
      env: { ...process.env, ...storage, INIT_CWD: root },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

const overHttp = (url: string) =>
  ({ request: (path: string, init?: RequestInit) => fetch(`${url}${path}`, init) }) as unknown as ContractHarness;

async function photoBytes(url: string, token: string, id: string) {
  const res = await fetch(`${url}/api/v1/uploads/${id}/content`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("backup and restore of the Node host", () => {
  it("a backup taken under a stream of writes restores into a fresh place with integrity ok, every write acknowledged before it, and readable photos", async () => {
    const live = mkdtempSync(join(tmpdir(), "civic-live-"));
    const liveStorage = { DATABASE_PATH: join(live, "civic.sqlite"), PHOTO_DIR: join(live, "photos") };
    const server = await startNodeServer({
      databasePath: liveStorage.DATABASE_PATH,
      photoDir: liveStorage.PHOTO_DIR,
      env: ENV,
      seed: seedDemoIfEmpty,
      dispatchIntervalMs: 0,
    });
    // The hard case for a backup: from here on every commit lives only in the WAL file, never checkpointed
    // into the database file, so copying the database file alone would lose all of them.
    server.sqlite.pragma("wal_autocheckpoint = 0");
    const h = overHttp(server.url);
    const admin = await loginAs(h, "backup-admin", "admin");
    const resident = await loginAs(h, "backup-resident");
    // The demo seed brought the report categories.
    const report = await fileReport(h, resident.token);
    const photoIds = [
      ...report.photos.map((p: { id: string }) => p.id),
      await uploadPhoto(h, resident.token),
      await uploadPhoto(h, resident.token),
    ];
    const photosBefore = await Promise.all(photoIds.map((id) => photoBytes(server.url, resident.token, id)));
    expect(photosBefore.map((p) => p.status)).toEqual(photoIds.map(() => 200));

    // Four writers creating toilets back to back; each acknowledgement is timed.
    const acked: { id: string; at: number }[] = [];
    let writing = true;
    let n = 0;
    const writer = async () => {
      while (writing) {
        const i = n++;
        const res = await fetch(`${server.url}/api/v1/admin/toilets`, {
          method: "POST",
          headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json" },
          body: JSON.stringify(toilet({ name: `备份测试公厕${i}`, ...offset(GUANQIAN, i % 500, Math.floor(i / 500)) })),
        });
        if (res.status !== 201) throw new Error(`write ${i}: ${res.status} ${await res.text()}`);
        acked.push({ id: ((await res.json()) as { id: string }).id, at: performance.now() });
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    while (acked.length < 40) await new Promise((r) => setTimeout(r, 10));

    const backupDir = join(mkdtempSync(join(tmpdir(), "civic-backup-")), "nightly");
    const backupStarted = performance.now();
    const backup = await runScript("db-backup", [backupDir], liveStorage);
    const backupEnded = performance.now();
    writing = false;
    await Promise.all(writers);
    await server.close();
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain("integrity ok");
    const before = acked.filter((a) => a.at < backupStarted);
    expect(before.length).toBeGreaterThanOrEqual(40);
    // The backup really ran under load: writes were acknowledged while it worked.
    expect(acked.filter((a) => a.at > backupStarted && a.at < backupEnded).length).toBeGreaterThan(0);

    const fresh = mkdtempSync(join(tmpdir(), "civic-restored-"));
    const freshStorage = { DATABASE_PATH: join(fresh, "db", "civic.sqlite"), PHOTO_DIR: join(fresh, "photos") };
    const restore = await runScript("db-restore", [backupDir], freshStorage);
    expect(restore.code, restore.output).toBe(0);

    const restored = await startNodeServer({
      databasePath: freshStorage.DATABASE_PATH,
      photoDir: freshStorage.PHOTO_DIR,
      env: ENV,
      dispatchIntervalMs: 0,
    });
    try {
      expect(restored.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      const ids = new Set(restored.sqlite.prepare("select id from toilets").pluck().all() as string[]);
      const missing = before.filter((a) => !ids.has(a.id));
      expect(missing).toEqual([]);
      // Sessions are data too: the resident's token still works, and every photo reads back byte for byte.
      const photosAfter = await Promise.all(photoIds.map((id) => photoBytes(restored.url, resident.token, id)));
      expect(photosAfter).toEqual(photosBefore);
      // Never under a running server, even with --force.
      const underService = await runScript("db-restore", [backupDir, "--force"], freshStorage);
      expect(underService.code).not.toBe(0);
      expect(underService.output).toContain("stop the service");
    } finally {
      await restored.close();
    }

    // A second restore onto data is refused unless --force, which moves the old files aside.
    const again = await runScript("db-restore", [backupDir], freshStorage);
    expect(again.code).not.toBe(0);
    expect(again.output).toContain("--force");
    const forced = await runScript("db-restore", [backupDir, "--force"], freshStorage);
    expect(forced.code, forced.output).toBe(0);
    expect(readdirSync(join(fresh, "db")).some((f) => f.startsWith("civic.sqlite.before-restore-"))).toBe(true);
  }, 180_000);

  it("a backup whose files changed after it was taken is refused before anything is touched", async () => {
    const live = mkdtempSync(join(tmpdir(), "civic-live-"));
    const storage = { DATABASE_PATH: join(live, "civic.sqlite"), PHOTO_DIR: join(live, "photos") };
    const server = await startNodeServer({
      databasePath: storage.DATABASE_PATH,
      photoDir: storage.PHOTO_DIR,
      env: ENV,
      dispatchIntervalMs: 0,
    });
    const resident = await loginAs(overHttp(server.url), "tamper-resident");
    const photoId = await uploadPhoto(overHttp(server.url), resident.token);
    await server.close();
    const backupDir = join(mkdtempSync(join(tmpdir(), "civic-backup-")), "b");
    expect((await runScript("db-backup", [backupDir], storage)).code).toBe(0);
    // Refuses a backup into a directory that already holds one.
    expect((await runScript("db-backup", [backupDir], storage)).output).toContain("not empty");

    const [photoFile] = readdirSync(join(backupDir, "photos", "photos")).filter((f) => !f.endsWith(".type"));
    expect(photoFile).toBeDefined();
    writeFileSync(join(backupDir, "photos", "photos", photoFile ?? ""), "not the photo");
    const fresh = mkdtempSync(join(tmpdir(), "civic-restored-"));
    const target = { DATABASE_PATH: join(fresh, "civic.sqlite"), PHOTO_DIR: join(fresh, "photos") };
    const restore = await runScript("db-restore", [backupDir], target);
    expect(restore.code).not.toBe(0);
    expect(restore.output).toContain("does not match the manifest");
    expect(existsSync(target.DATABASE_PATH)).toBe(false);
    expect(photoId).toBeTruthy();
  }, 120_000);
});

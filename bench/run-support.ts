/** What run.ts and pickups-contention.ts share: the bench's child servers and signed-in residents. */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { authRepo } from "@civic/api/auth/auth.repo";
import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { hashToken, newToken } from "@civic/api/platform/ids";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export function startChild(script: string, args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "bench", "servers", script), ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once("line", (url) => resolve({ url: url.trim(), child }));
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

export async function stop(child: ChildProcess) {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

/** Sessions for `users` residents, written straight into the file (dev-login may be rate limited). */
export async function signedInTokens(databasePath: string, users: number): Promise<string[]> {
  const { sqlite, db } = openSqlite(databasePath);
  const repo = authRepo(db);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 86_400_000).toISOString();
  const tokens: string[] = [];
  for (let i = 0; i < users; i++) {
    const userId = await repo.upsertByOpenid({ openid: `bench:resident-${i}`, now: now.toISOString() });
    const token = newToken();
    await repo.createSession({ userId, tokenHash: await hashToken(token), now: now.toISOString(), expiresAt });
    tokens.push(token);
  }
  sqlite.close();
  return tokens;
}

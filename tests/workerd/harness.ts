import { env } from "cloudflare:workers";
import { createApp } from "@civic/api";
import { buildWorkerDeps, type WorkerEnv } from "@civic/api/hosts/worker/index";
import { unlinkExpiredReporters } from "@civic/api/me/retention";
import { jsonLogger } from "@civic/api/platform/logger";
import { dispatchOutbox } from "@civic/api/platform/notifications/dispatcher";
import { inject } from "vitest";
import type { ContractHarness } from "../contract/harness";
import { TEST_CALLBACK_TOKEN, TEST_PUBLIC_BASE_URL, wechatControls } from "../fakes/wechat-controls";

/*
 * The contract harness inside workerd: the Worker's own deps (drizzle over the D1 binding, db.batch
 * atomic, R2 blobs, the WeChat client) with a settable clock, the fake WeChat (running in Node) at the
 * URL the global setup provided, and DEV_LOGIN on.
 */
export const bindings = env as unknown as WorkerEnv;

export const FAKE_APPID = "wx-test-appid";
export const FAKE_SECRET = "wx-test-secret";

export function testWorkerEnv(overrides: Partial<WorkerEnv> = {}): WorkerEnv {
  return {
    DB: bindings.DB,
    BLOBS: bindings.BLOBS,
    CITY_ZONE: "Asia/Shanghai",
    DEV_LOGIN: "1",
    WECHAT_API_BASE: inject("wechatUrl"),
    WECHAT_APPID: FAKE_APPID,
    WECHAT_SECRET: FAKE_SECRET,
    WECHAT_TIMEOUT_MS: "1000",
    LOG_LEVEL: "silent",
    WECHAT_CALLBACK_TOKEN: TEST_CALLBACK_TOKEN,
    PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL,
    ...overrides,
  };
}

export function createWorkerdHarness(): ContractHarness {
  let now: Date | null = null;
  const deps = { ...buildWorkerDeps(testWorkerEnv()), clock: () => now ?? new Date(), log: jsonLogger("silent") };
  const app = createApp(deps);
  const wechatUrl = inject("wechatUrl");
  const control = async (path: string, body: unknown) => {
    const res = await fetch(`${wechatUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`fake WeChat ${path} answered ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  };
  return {
    request: async (path, init) => app.request(path, init, bindings),
    wechat: {
      url: wechatUrl,
      issueCode: async (openid) => String((await control("/__test/codes", { openid })).code),
      setMode: async (mode) => {
        await control("/__test/mode", { mode });
      },
      controls: wechatControls(wechatUrl),
      dispatch: () => dispatchOutbox(deps),
    },
    setNow: (iso) => {
      now = new Date(iso);
    },
    runRetention: () => unlinkExpiredReporters(deps, deps.clock()),
    withDeps: (fn) => fn(deps),
  };
}

/** Empties every application table (keeping the schema and d1_migrations) and the R2 bucket. */
export async function wipeStorage(): Promise<void> {
  const db = bindings.DB;
  const { results } = await db
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name <> 'd1_migrations'",
    )
    .all<{ name: string }>();
  // Triggers that refuse DELETE (the points ledger is append-only) are dropped for the wipe and put back.
  const { results: triggers } = await db
    .prepare("select name, sql from sqlite_master where type = 'trigger' and sql is not null")
    .all<{ name: string; sql: string }>();
  if (results.length > 0) {
    // One batch = one transaction; foreign keys are checked at its end, when every table is empty.
    await db.batch([
      db.prepare("pragma defer_foreign_keys = on"),
      ...triggers.map((t) => db.prepare(`drop trigger "${t.name}"`)),
      ...results.map((t) => db.prepare(`delete from "${t.name}"`)),
      ...triggers.map((t) => db.prepare(t.sql)),
    ]);
  }
  let cursor: string | undefined;
  do {
    const page = await bindings.BLOBS.list(cursor ? { cursor } : {});
    if (page.objects.length > 0) await bindings.BLOBS.delete(page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
}

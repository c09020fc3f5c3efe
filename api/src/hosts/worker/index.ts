import { drizzle } from "drizzle-orm/d1";
import { type CivicApp, createApp } from "../../app";
import { ConfigError } from "../../config";
import * as schema from "../../db/schema";
import type { AppDb } from "../../db/types";
import type { AppDeps } from "../../deps";
import { errorBody } from "../../platform/errors";
import { jsonLogger } from "../../platform/logger";
import { createMetrics } from "../../platform/metrics";
import { metricsLogFields } from "../../platform/metrics-samples";
import { logScheduled, type ScheduleState } from "../../platform/scheduled";
import { createWechatClient } from "../../platform/wechat";
import { runScheduled } from "../../scheduled";
import { readWorkerConfig, type WorkerEnv } from "./config";
import { d1Atomic } from "./d1-atomic";
import { r2BlobStore } from "./r2-blobs";

export type { WorkerEnv } from "./config";

/*
 * The Cloudflare Workers host: D1 for data, R2 for photos, a Cron Trigger for housekeeping.
 * Workers have no start-up step, so the deps are built on the first event of each isolate, and a bad
 * setting is reported on every request as a 500 envelope naming it (and logged) instead of a crash.
 */
type Built = { ok: true; deps: AppDeps; app: CivicApp } | { ok: false; error: ConfigError };

const builtFor = new WeakMap<WorkerEnv, Built>();
/** When each scheduled job last ran in this isolate (see platform/scheduled.ts). */
const schedule: ScheduleState = new Map();

export function buildWorkerDeps(env: WorkerEnv): AppDeps {
  const config = readWorkerConfig(env);
  const db = drizzle(env.DB, { schema });
  return {
    db: db as unknown as AppDb,
    atomic: d1Atomic(db),
    blobs: r2BlobStore(env.BLOBS),
    clock: () => new Date(),
    wechat: createWechatClient(config.wechat),
    config,
    log: jsonLogger(config.logLevel),
    // Per isolate: no /metrics here; the cron logs a summary line of the isolate it runs in.
    metrics: createMetrics(),
  };
}

function build(env: WorkerEnv): Built {
  let built = builtFor.get(env);
  if (!built) {
    try {
      const deps = buildWorkerDeps(env);
      built = { ok: true, deps, app: createApp(deps) };
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      built = { ok: false, error: err };
    }
    builtFor.set(env, built);
  }
  return built;
}

function logConfigError(error: ConfigError) {
  console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: "invalid settings", settings: error.issues }));
}

function misconfigured(error: ConfigError): Response {
  const settings = error.issues;
  const names = settings.map((s) => s.setting).join("; ");
  return Response.json(errorBody("internal", `the service is misconfigured: ${names}`, settings), {
    status: 500,
    headers: { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });
}

export default {
  async fetch(request, env, ctx) {
    const built = build(env);
    if (!built.ok) {
      logConfigError(built.error);
      return misconfigured(built.error);
    }
    return built.app.fetch(request, env, ctx);
  },

  async scheduled(controller, env, _ctx) {
    const built = build(env);
    if (!built.ok) {
      logConfigError(built.error);
      throw built.error;
    }
    const { deps } = built;
    const results = await runScheduled(deps, new Date(controller.scheduledTime), { state: schedule });
    logScheduled(deps.log, results, { cron: controller.cron });
    deps.log.info("metrics", await metricsLogFields(deps, new Date(controller.scheduledTime)));
  },
} satisfies ExportedHandler<WorkerEnv>;

import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { createApp } from "../../app";
import { parseAppConfig } from "../../config";
import type { AppDb } from "../../db/types";
import type { AppDeps } from "../../deps";
import { PLACE_KINDS } from "../../places";
import { jsonLogger } from "../../platform/logger";
import { createMetrics } from "../../platform/metrics";
import { createNearbyIndex } from "../../platform/nearby/memory-index";
import { logScheduled, type ScheduleState } from "../../platform/scheduled";
import { createWechatClient } from "../../platform/wechat";
import { runScheduled } from "../../scheduled";
import { diskBlobStore } from "./disk-blobs";
import { answerParserError, drainRefusedBodies } from "./http-edges";
import { batchedStdout } from "./log-sink";
import { registerMetricsRoute } from "./metrics-route";
import { nodeRemoteAddress } from "./remote-address";
import { openSqlite } from "./sqlite";
import { staticFiles } from "./static-files";
import { staticHeaders } from "./static-headers";

const DOCS_ASSETS_PATH = "/docs/assets";
const swaggerUiDist = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

export interface NodeServerOptions {
  port?: number;
  host?: string;
  databasePath: string;
  photoDir?: string;
  /** The H5 build to serve at `/` (same origin as the API). */
  staticDir?: string | null;
  /** App settings as environment strings (DEV_LOGIN, WECHAT_*, CITY_ZONE, ...). */
  env?: Record<string, string | undefined>;
  /** Fills an empty database before serving; the demo seed is passed in (the host imports nothing from api/src/seed). */
  seed?: (db: AppDb, atomic: AppDeps["atomic"]) => Promise<number>;
  clock?: () => Date;
  /** Run the scheduled jobs (outbox dispatch, housekeeping) every this many ms (default 5000; 0 = never, e.g. in tests that drive them). */
  dispatchIntervalMs?: number;
  /** Bearer token for GET /metrics; unset or empty = no /metrics route (404). */
  metricsToken?: string;
  /** Where JSON log lines go (default: stdout, batched per event-loop turn); tests capture them here. */
  logWrite?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  /** The open database, for operators' tools and tests that read its settings (PRAGMAs). */
  sqlite: ReturnType<typeof openSqlite>["sqlite"];
  close(): Promise<void>;
}

/** Builds the Node deps, migrates (and seeds an empty database), and listens. */
export async function startNodeServer(opts: NodeServerOptions): Promise<RunningServer> {
  // The Node process owns its SQLite file, so the in-memory nearby index is on unless turned off.
  // Swagger UI's assets come from the installed swagger-ui-dist, so /docs works without the internet.
  const config = parseAppConfig({ NEARBY_IN_MEMORY: "1", DOCS_ASSETS_BASE: DOCS_ASSETS_PATH, ...opts.env });
  const log = jsonLogger(config.logLevel, opts.logWrite ?? batchedStdout);
  const { sqlite, db, atomic, localChanges } = openSqlite(opts.databasePath);
  if (opts.seed) {
    const seeded = await opts.seed(db, atomic);
    if (seeded > 0) log.info("seeded demo data", { toilets: seeded });
  }
  const nearbyIndex = config.nearbyInMemory ? createNearbyIndex(db, PLACE_KINDS, { localChanges }) : undefined;
  await nearbyIndex?.warm();
  const deps = {
    db,
    atomic,
    blobs: diskBlobStore(opts.photoDir ?? `${opts.databasePath}.photos`),
    clock: opts.clock ?? (() => new Date()),
    wechat: createWechatClient(config.wechat),
    config,
    log,
    nearbyIndex,
    metrics: createMetrics(),
    remoteAddress: nodeRemoteAddress,
  };
  const app = createApp(deps);
  if (opts.metricsToken) registerMetricsRoute(app, deps, { token: opts.metricsToken, sqlite });
  app.get(
    `${DOCS_ASSETS_PATH}/swagger-ui-dist/*`,
    serveStatic({ root: swaggerUiDist, rewriteRequestPath: (p) => p.slice(`${DOCS_ASSETS_PATH}/swagger-ui-dist`.length) }),
  );
  const staticDir = opts.staticDir;
  if (staticDir && existsSync(staticDir)) {
    app.use("*", staticHeaders(staticDir));
    app.get("*", staticFiles(staticDir));
  }
  // Node's stand-in for the Workers cron: every scheduled job (api/src/scheduled.ts), one run at a time,
  // never keeping the process alive.
  const tickEvery = opts.dispatchIntervalMs ?? 5000;
  const schedule: ScheduleState = new Map();
  let ticking = false;
  const scheduler =
    tickEvery > 0
      ? setInterval(() => {
          if (ticking) return;
          ticking = true;
          runScheduled(deps, deps.clock(), { state: schedule })
            .then((results) => logScheduled(log, results))
            .catch((err) => log.error("scheduled jobs failed", { error: String(err) }))
            .finally(() => {
              ticking = false;
            });
        }, tickEvery)
      : undefined;
  scheduler?.unref();
  deps.metrics.setTimer("scheduler", scheduler !== undefined);
  const server = serve({ fetch: drainRefusedBodies(app.fetch), port: opts.port ?? 0, hostname: opts.host ?? "127.0.0.1" });
  server.on("clientError", answerParserError);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host && opts.host !== "0.0.0.0" ? opts.host : "127.0.0.1";
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    sqlite,
    close: () =>
      new Promise<void>((resolve) => {
        if (scheduler) clearInterval(scheduler);
        server.close(() => {
          sqlite.close();
          resolve();
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

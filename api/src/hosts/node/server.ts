import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { createApp } from "../../app";
import { parseAppConfig } from "../../config";
import { createNearbyIndex } from "../../finders/toilets.snapshot";
import { dispatchOutbox } from "../../platform/dispatcher";
import { jsonLogger } from "../../platform/logger";
import { purgeExpiredRateLimits } from "../../platform/rate-limit";
import { createWechatClient } from "../../platform/wechat";
import { seedDemoIfEmpty } from "../../seed/demo";
import { diskBlobStore } from "./disk-blobs";
import { openSqlite } from "./sqlite";
import { staticFiles } from "./static-files";

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
  seedDemo?: boolean;
  clock?: () => Date;
  /** Dispatch the notification outbox every this many ms (default 5000; 0 = never, e.g. in tests that drive it). */
  dispatchIntervalMs?: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Builds the Node deps, migrates (and seeds an empty database), and listens. */
export async function startNodeServer(opts: NodeServerOptions): Promise<RunningServer> {
  // The Node process owns its SQLite file, so the in-memory nearby index is on unless turned off.
  // Swagger UI's assets come from the installed swagger-ui-dist, so /docs works without the internet.
  const config = parseAppConfig({ NEARBY_IN_MEMORY: "1", DOCS_ASSETS_BASE: DOCS_ASSETS_PATH, ...opts.env });
  const log = jsonLogger(config.logLevel);
  const { sqlite, db, atomic, localChanges } = openSqlite(opts.databasePath);
  if (opts.seedDemo) {
    const seeded = await seedDemoIfEmpty(db, atomic);
    if (seeded > 0) log.info("seeded demo data", { toilets: seeded });
  }
  const nearbyIndex = config.nearbyInMemory ? createNearbyIndex(db, { localChanges }) : undefined;
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
  };
  const app = createApp(deps);
  app.get(
    `${DOCS_ASSETS_PATH}/swagger-ui-dist/*`,
    serveStatic({ root: swaggerUiDist, rewriteRequestPath: (p) => p.slice(`${DOCS_ASSETS_PATH}/swagger-ui-dist`.length) }),
  );
  const staticDir = opts.staticDir;
  if (staticDir && existsSync(staticDir)) app.get("*", staticFiles(staticDir));
  // Node's stand-in for the Workers cron: hourly housekeeping, never keeping the process alive.
  const housekeeping = setInterval(() => {
    purgeExpiredRateLimits(db, new Date()).catch((err) => log.error("housekeeping failed", { error: String(err) }));
  }, 3_600_000);
  housekeeping.unref();
  // Node's stand-in for the cron's dispatch: one run at a time, never keeping the process alive.
  const dispatchEvery = opts.dispatchIntervalMs ?? 5000;
  let dispatching = false;
  const dispatcher =
    dispatchEvery > 0
      ? setInterval(() => {
          if (dispatching) return;
          dispatching = true;
          dispatchOutbox(deps)
            .then((r) => {
              if (r.sent + r.inboxOnly + r.failed > 0) log.info("dispatched notifications", { ...r });
            })
            .catch((err) => log.error("dispatch failed", { error: String(err) }))
            .finally(() => {
              dispatching = false;
            });
        }, dispatchEvery)
      : undefined;
  dispatcher?.unref();
  const server = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: opts.host ?? "127.0.0.1" });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host && opts.host !== "0.0.0.0" ? opts.host : "127.0.0.1";
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(housekeeping);
        if (dispatcher) clearInterval(dispatcher);
        server.close(() => {
          sqlite.close();
          resolve();
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

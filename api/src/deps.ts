import type { Context } from "hono";
import type { AppConfig } from "./config";
import type { AppDb } from "./db/types";
import type { BlobStore } from "./platform/blobs";
import type { Logger } from "./platform/logger";
import type { Metrics } from "./platform/metrics";
import type { NearbyIndex } from "./platform/nearby/memory-index";
import type { WechatClient } from "./platform/wechat";

/**
 * Everything a handler may touch, built by a host entry file and handed to createApp.
 * Handlers never learn which host they run on.
 */
export interface AppDeps {
  db: AppDb;
  /**
   * Runs the given drizzle statements all-or-nothing: D1 batch on Workers, a synchronous
   * better-sqlite3 transaction on Node. Invariants live in SQL so a violating statement aborts the group.
   */
  atomic: (statements: readonly AtomicQuery[]) => Promise<unknown[]>;
  blobs: BlobStore;
  clock: () => Date;
  wechat: WechatClient;
  config: AppConfig;
  log: Logger;
  /** An in-memory nearby index over every kind of place (places.ts), for a host whose process owns its database; without it, SQL. */
  nearbyIndex?: NearbyIndex;
  /** Request, rate-limit and job counters (platform/metrics.ts); optional so test harnesses may omit it. */
  metrics?: Metrics;
  /** The peer address of the request's socket, where the host knows it (Node); see platform/client-ip.ts. */
  remoteAddress?: (c: Context) => string | undefined;
}

/** A drizzle insert/update/delete/select builder not yet awaited. */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's batch item type is driver-specific
export type AtomicQuery = any;

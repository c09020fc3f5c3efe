import { createHash, timingSafeEqual } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { CivicApp } from "../../app";
import type { AppDeps } from "../../deps";
import { errorBody } from "../../platform/errors";
import type { Metrics } from "../../platform/metrics";
import { outboxSamples, smsSamples } from "../../platform/metrics-samples";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * `GET /metrics` (Prometheus text) on the Node host, for a scraper holding METRICS_TOKEN as a Bearer token.
 * Without a token configured the route does not exist (404): counters say how the service is used, so
 * they are never public by default. The comparison is constant-time over hashes of equal length.
 */
export function registerMetricsRoute(app: CivicApp, deps: AppDeps & { metrics: Metrics }, opts: { token: string; sqlite: Database }) {
  const expected = digest(opts.token);
  const pageBytes = opts.sqlite.prepare("select page_count * page_size from pragma_page_count(), pragma_page_size()").pluck();
  app.get("/metrics", async (c) => {
    const header = c.req.header("authorization") ?? "";
    const given = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!given || !timingSafeEqual(digest(given), expected)) {
      c.header("WWW-Authenticate", 'Bearer realm="metrics"');
      return c.json(errorBody("unauthorized", "send the metrics token as a Bearer token"), 401);
    }
    const samples = [...(await outboxSamples(deps.db, deps.clock())), ...(await smsSamples(deps))];
    samples.push(
      { name: "civic_database_bytes", help: "Size of the SQLite database file (pages in use and free).", value: Number(pageBytes.get()) },
      { name: "civic_process_resident_memory_bytes", help: "Resident memory of the Node process.", value: process.memoryUsage.rss() },
    );
    c.header("Cache-Control", "no-store");
    return c.body(deps.metrics.render(samples), 200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" });
  });
}

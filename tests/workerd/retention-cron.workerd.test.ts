import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import worker from "@civic/api/hosts/worker/index";
import { ERASED_USER_ID } from "@civic/shared";
import { beforeEach, describe, expect, it } from "vitest";
import { bindings, testWorkerEnv, wipeStorage } from "./harness";

/** The Workers cron runs the retention job: RETENTION_DAYS after closing, a report stops naming its reporter. */
beforeEach(async () => {
  await wipeStorage();
});

const NOW = "2026-11-26T10:00:00.000Z";

async function seedClosedReport(id: string, closedAt: string) {
  const DB = bindings.DB;
  await DB.batch([
    DB.prepare("insert or ignore into users (id, openid, created_at) values ('u-cron', 'o-cron', ?)").bind(closedAt),
    DB.prepare(
      "insert or ignore into report_categories (code, name, group_code, department, sla_hours, created_at, updated_at) values ('street_light', '路灯不亮', 'public_facilities', '路灯管理所', 48, ?, ?)",
    ).bind(closedAt, closedAt),
    DB.prepare(
      `insert into reports (id, reporter_id, category_code, description, address, lat, lng, lat_band, district, status, sla_hours, created_at, updated_at, closed_at)
       values (?, 'u-cron', 'street_light', '路灯不亮', '姑苏区观前街1号', 31.3, 120.6, 0, '姑苏区', 'closed', 48, ?, ?, ?)`,
    ).bind(id, closedAt, closedAt, closedAt),
  ]);
}

describe("retention on the Workers cron", () => {
  it("unlinks the reporter of a report closed longer ago than RETENTION_DAYS and keeps a recent one's", async () => {
    await seedClosedReport("r-old", "2026-01-01T00:00:00.000Z");
    await seedClosedReport("r-recent", "2026-11-01T00:00:00.000Z");
    const ctx = createExecutionContext();
    const env = testWorkerEnv({ RETENTION_DAYS: "180" });
    await worker.scheduled(createScheduledController({ scheduledTime: Date.parse(NOW), cron: "*/1 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const rows = await bindings.DB.prepare("select id, reporter_id from reports order by id").all<{ id: string; reporter_id: string }>();
    expect(rows.results).toEqual([
      { id: "r-old", reporter_id: ERASED_USER_ID },
      { id: "r-recent", reporter_id: "u-cron" },
    ]);
  });
});

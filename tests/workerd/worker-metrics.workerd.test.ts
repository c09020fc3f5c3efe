import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import worker from "@civic/api/hosts/worker/index";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { bindings, testWorkerEnv, wipeStorage } from "./harness";

/* Workers have no /metrics: the cron writes the isolate's counters and the outbox as one log line. */

beforeEach(async () => {
  await wipeStorage();
});

describe("worker host metrics", () => {
  it("the cron logs a metrics line: this isolate's requests by status class and the outbox's failed messages", async () => {
    const env = testWorkerEnv({ LOG_LEVEL: "info" });
    const lines: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    try {
      for (const path of ["/healthz", "/healthz", "/api/v1/nothing-here"]) {
        const ctx = createExecutionContext();
        await worker.fetch(new Request(`https://civic.example${path}`) as Request<unknown, IncomingRequestCfProperties>, env, ctx);
        await waitOnExecutionContext(ctx);
      }
      const now = "2026-11-26T10:00:00.000Z";
      await bindings.DB.batch([
        bindings.DB.prepare("insert into users (id, openid, created_at) values ('u1', 'o1', ?)").bind(now),
        bindings.DB.prepare(
          "insert into outbox (id, user_id, payload, state, attempts, next_attempt_at, created_at) values ('m1', 'u1', '{}', 'failed', 5, ?, ?)",
        ).bind(now, now),
      ]);
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ scheduledTime: Date.parse(now), cron: "*/1 * * * *" }), env, ctx);
      await waitOnExecutionContext(ctx);
    } finally {
      spy.mockRestore();
    }
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const access = entries.filter((e) => e.msg === "request");
    expect(access.map((e) => [e.route, e.status])).toEqual([
      ["/healthz", 200],
      ["/healthz", 200],
      ["unmatched", 404],
    ]);
    const metrics = entries.find((e) => e.msg === "metrics");
    expect(metrics).toMatchObject({ requests: 3, byStatus: { "2xx": 2, "4xx": 1 }, outbox: { pending: 0, failed: 1 } });
  });
});

import { describe, expect, it } from "vitest";
import { createToilets, GUANQIAN, toilet } from "./fixtures";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";

/*
 * The platform's Idempotency-Key on a route other than reports: toilet feedback opts in with the same
 * mechanism (platform/idempotency.ts), and a retry gets the stored first answer back.
 */
export function registerIdempotencyContract(getHarness: GetHarness) {
  describe("platform: any write route opts in to Idempotency-Key (toilet feedback)", () => {
    it("a retry with the key replays the first answer as stored; another body with it is a 422", async () => {
      const h = getHarness();
      const [id] = await createToilets(h, [toilet({ name: "幂等测试公厕", ...GUANQIAN })]);
      const resident = await loginAs(h, "feedback-retrier");
      const headers = { "idempotency-key": "feedback-tap-0001" };
      const send = (note: string, token = resident.token) =>
        call(h, "POST", `/api/v1/toilets/${id}/feedback`, { token, body: { kind: "closed", note }, headers });
      const first = await send("门锁着");
      expect(first.status).toBe(201);
      const admin = await loginAs(h, "idem-admin", "admin");
      await call(h, "POST", `/api/v1/admin/toilet-feedback/${first.json.id}/resolve`, { token: admin.token, body: { note: "已开门" } });

      const retry = await send("门锁着");
      expect(retry.status).toBe(201);
      // The stored answer, not the feedback as it is now (resolved since).
      expect(retry.json).toEqual(first.json);
      expect(retry.json.status).toBe("open");

      const changed = await send("门开了");
      expect(changed.status).toBe(422);
      expectEnvelope(changed, "validation_failed");
      const other = await loginAs(h, "feedback-other");
      const theirs = await send("门锁着", other.token);
      expect(theirs.status).toBe(201);
      expect(theirs.json.id).not.toBe(first.json.id);
      const bad = await call(h, "POST", `/api/v1/toilets/${id}/feedback`, {
        token: resident.token,
        body: { kind: "closed" },
        headers: { "idempotency-key": "short" },
      });
      expect(bad.status).toBe(400);
    });

    it("10 parallel sends with one key record one feedback, and every answer names it", async () => {
      const h = getHarness();
      const [id] = await createToilets(h, [toilet({ name: "并发公厕", ...GUANQIAN })]);
      const resident = await loginAs(h, "feedback-double-tap");
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          call(h, "POST", `/api/v1/toilets/${id}/feedback`, {
            token: resident.token,
            body: { kind: "wrong_info", note: "电话打不通" },
            headers: { "idempotency-key": "feedback-par-0001" },
          }),
        ),
      );
      // A twin still being answered may be told to retry (409); none fails otherwise or files twice.
      expect(results.map((r) => r.status).filter((s) => s !== 201 && s !== 409)).toEqual([]);
      const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.json.id));
      expect(ids.size).toBe(1);
      const admin = await loginAs(h, "idem-admin-2", "admin");
      const open = await call(h, "GET", "/api/v1/admin/toilet-feedback", { token: admin.token });
      expect(open.json.feedback.map((f: { id: string }) => f.id)).toEqual([...ids]);
    });
  });
}

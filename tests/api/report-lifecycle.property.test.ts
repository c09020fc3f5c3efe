import { decide, type LifecycleAction, type LifecycleState, type ReportStatus, TRANSITIONS } from "@civic/shared";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, loginAs, type Session } from "../contract/harness";
import { createCategories, fileReport, seenVersion } from "../contract/report-fixtures";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/*
 * The lifecycle through the real API and SQLite, against the pure model: random sequences of actions by
 * the reporter, another resident and staff, with time passing. Each answer must be what decide() says
 * (200, or 403/409/422 for a refusal), and the stored history must stay a complete chain: seq 1..version,
 * each row starting where the previous ended, each an allowed move, the last ending at the status.
 */

let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

type Who = "reporter" | "neighbour" | "moderator";
const actionArb: fc.Arbitrary<LifecycleAction> = fc.oneof(
  fc.constant({ type: "accept" as const }),
  fc.constant({ type: "reject" as const, reason: "invalid" as const }),
  fc.constant({ type: "dispatch" as const, department: "市容管理科" }),
  fc.constant({ type: "resolve" as const, reply: "已处理" }),
  fc.constant({ type: "close" as const }),
  fc.constant({ type: "reopen" as const, reason: "还没好" }),
  fc.integer({ min: 1, max: 5 }).map((rating) => ({ type: "rate" as const, rating })),
);
const stepArb = fc.record({
  who: fc.constantFrom<Who>("reporter", "neighbour", "moderator"),
  action: actionArb,
  days: fc.constantFrom(0, 0, 1, 3, 8),
});

function request(action: LifecycleAction, who: Who, id: string): [string, unknown] {
  const body = { ...action } as Record<string, unknown>;
  delete body.type;
  if (who !== "moderator") {
    // Residents have their own routes for their two actions; staff routes for the rest (→ 403).
    if (action.type === "rate" || action.type === "reopen") return [`/api/v1/reports/${id}/${action.type}`, body];
  }
  if (action.type === "rate") return [`/api/v1/reports/${id}/rate`, body];
  return [`/api/v1/moderation/reports/${id}/${action.type}`, body];
}

describe("report lifecycle through the API (model-based)", () => {
  it("answers what decide() allows and keeps a complete history", async () => {
    const { harness: h, sqlite } = createNodeHarness(wechat, { nearbyInMemory: false });
    let now = Date.parse("2026-11-01T00:00:00.000Z");
    h.setNow(new Date(now).toISOString());
    await createCategories(h);
    const signIn = async (): Promise<Record<Who, Session>> => ({
      reporter: await loginAs(h, "prop-reporter"),
      neighbour: await loginAs(h, "prop-neighbour"),
      moderator: await loginAs(h, "prop-moderator", "moderator"),
    });

    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 12 }), async (steps) => {
        h.setNow(new Date(now).toISOString());
        // Fresh sessions each run: the clock runs on for months across runs, past a session's lifetime.
        let sessions = await signIn();
        const actors = Object.fromEntries(Object.entries(sessions).map(([k, s]) => [k, { id: s.user.id, roles: s.user.roles }]));
        const report = await fileReport(h, sessions.reporter.token);
        let model: LifecycleState = { status: "submitted", reporterId: sessions.reporter.user.id, resolvedAt: null, rating: null };
        for (const { who, action, days } of steps) {
          now += days * 86_400_000;
          h.setNow(new Date(now).toISOString());
          if (days > 0) sessions = await signIn();
          const [path, body] = request(action, who, report.id);
          // Staff routes carry the version on the moderator's screen (If-Match), read fresh before each step.
          const headers = path.includes("/moderation/") ? await seenVersion(h, sessions.moderator.token, report.id) : {};
          const res = await call(h, "POST", path, { token: sessions[who].token, body, headers });
          const staffRouteForResident = who !== "moderator" && path.includes("/moderation/");
          const d = decide(model, action, actors[who] as { id: string; roles: string[] }, new Date(now));
          if (staffRouteForResident) {
            expect(res.status).toBe(403);
          } else if (d.ok) {
            expect(res.status, `${who} ${action.type} from ${model.status}`).toBe(200);
            model = { ...model, status: d.to };
            if (action.type === "resolve") model.resolvedAt = new Date(now).toISOString();
            if (action.type === "reopen") model.rating = null;
            if (action.type === "rate") model.rating = action.rating;
          } else {
            // The neighbour cannot see a report that is not public: 404; otherwise the refusal's own code.
            expect([403, 404, 409, 422], `${who} ${action.type} from ${model.status}: ${res.status}`).toContain(res.status);
          }
          expect(res.status).toBeLessThan(500);
        }
        const row = sqlite.prepare("select status, version, rating from reports where id = ?").get(report.id) as {
          status: ReportStatus;
          version: number;
          rating: number | null;
        };
        expect(row.status).toBe(model.status);
        expect(row.rating).toBe(model.rating);
        const history = sqlite
          .prepare("select seq, action, from_status, to_status from report_history where report_id = ? order by seq")
          .all(report.id) as {
          seq: number;
          action: string;
          from_status: ReportStatus | null;
          to_status: ReportStatus;
        }[];
        expect(history.map((x) => x.seq)).toEqual(Array.from({ length: row.version }, (_, i) => i + 1));
        expect(history[0]).toMatchObject({ action: "submit", from_status: null, to_status: "submitted" });
        for (let i = 1; i < history.length; i++) {
          const hRow = history[i]!;
          expect(hRow.from_status).toBe(history[i - 1]!.to_status);
          if (hRow.action === "rate") expect(hRow.to_status).toBe(hRow.from_status);
          else {
            const rule = TRANSITIONS[hRow.action as keyof typeof TRANSITIONS];
            expect(rule.from).toContain(hRow.from_status);
            expect(rule.to).toBe(hRow.to_status);
          }
        }
        expect(history.at(-1)!.to_status).toBe(row.status);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

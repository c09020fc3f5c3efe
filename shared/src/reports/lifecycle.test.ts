import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyDecision,
  decide,
  type LifecycleAction,
  type LifecycleActor,
  type LifecycleState,
  OPEN_STATUSES,
  REOPEN_WINDOW_DAYS,
  REPORT_STATUSES,
  type ReportStatus,
  TRANSITIONS,
} from "./lifecycle";

const REPORTER: LifecycleActor = { id: "reporter", roles: ["resident"] };
const NEIGHBOUR: LifecycleActor = { id: "neighbour", roles: ["resident"] };
const COLLECTOR: LifecycleActor = { id: "collector", roles: ["resident", "collector"] };
const MODERATOR: LifecycleActor = { id: "moderator", roles: ["resident", "moderator"] };
const ADMIN: LifecycleActor = { id: "admin", roles: ["resident", "admin"] };
const ACTORS = [REPORTER, NEIGHBOUR, COLLECTOR, MODERATOR, ADMIN];

const actionArb: fc.Arbitrary<LifecycleAction> = fc.oneof(
  fc.constant({ type: "accept" as const }),
  fc.constantFrom("duplicate", "not_responsible", "invalid", "abusive").map((reason) => ({ type: "reject" as const, reason })),
  fc.constant({ type: "merge" as const, into: "other" }),
  fc.constantFrom("环境卫生管理处", "", "路灯管理所").map((department) => ({ type: "dispatch" as const, department })),
  fc.constantFrom("已清理", "").map((reply) => ({ type: "resolve" as const, reply })),
  fc.constant({ type: "close" as const }),
  fc.constantFrom("没有处理好", "").map((reason) => ({ type: "reopen" as const, reason })),
  fc.integer({ min: 0, max: 6 }).map((rating) => ({ type: "rate" as const, rating })),
);

/** One step: who does what, after how many hours. */
const stepArb = fc.record({ actor: fc.constantFrom(...ACTORS), action: actionArb, hoursLater: fc.integer({ min: 0, max: 24 * 10 }) });

interface HistoryRow {
  from: ReportStatus | null;
  to: ReportStatus;
  action: string;
  by: string;
}

describe("report lifecycle", () => {
  it("no sequence of actions reaches an illegal state, and the history is always complete", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        let now = Date.parse("2026-11-01T00:00:00Z");
        let state: LifecycleState = { status: "submitted", reporterId: REPORTER.id, resolvedAt: null, rating: null };
        const history: HistoryRow[] = [{ from: null, to: "submitted", action: "submit", by: REPORTER.id }];
        for (const { actor, action, hoursLater } of steps) {
          now += hoursLater * 3_600_000;
          const before = state;
          const d = decide(state, action, actor, new Date(now));
          if (!d.ok) {
            // A refused action changes nothing.
            expect(state).toBe(before);
            continue;
          }
          const isStaff = actor === MODERATOR || actor === ADMIN;
          // Only staff move a case, except the reporter's own reopen and rating.
          if (!isStaff) expect(["reopen", "rate"]).toContain(action.type);
          if (!isStaff) expect(actor).toBe(REPORTER);
          if (action.type === "reopen" && !isStaff) {
            expect(now - Date.parse(state.resolvedAt ?? "")).toBeLessThanOrEqual(REOPEN_WINDOW_DAYS * 86_400_000);
          }
          expect(d.from).toBe(state.status);
          state = applyDecision(state, action, d, new Date(now));
          history.push({ from: d.from, to: d.to, action: d.action, by: actor.id });

          // Illegal states never occur.
          expect(REPORT_STATUSES).toContain(state.status);
          if (state.status === "resolved" || state.status === "closed") expect(state.resolvedAt).not.toBeNull();
          if (state.rating !== null) {
            expect(["resolved", "closed"]).toContain(state.status);
            expect(state.rating).toBeGreaterThanOrEqual(1);
            expect(state.rating).toBeLessThanOrEqual(5);
          }
        }
        // The history is complete: a chain from submission to the current status, each link an allowed move.
        for (let i = 1; i < history.length; i++) {
          const h = history[i]!;
          expect(h.from).toBe(history[i - 1]!.to);
          if (h.action !== "rate") {
            const rule = TRANSITIONS[h.action as keyof typeof TRANSITIONS];
            expect(rule.from).toContain(h.from);
            expect(rule.to).toBe(h.to);
          } else {
            expect(h.to).toBe(h.from);
          }
          if (h.action === "close") expect(history.slice(0, i).some((x) => x.action === "resolve")).toBe(true);
        }
        expect(history.at(-1)!.to).toBe(state.status);
        // A rejection is final.
        const rejectedAt = history.findIndex((h) => h.to === "rejected");
        if (rejectedAt >= 0) expect(history.length - 1).toBe(rejectedAt);
      }),
      { numRuns: 2000 },
    );
  });

  it("the reporter may reopen within 7 days of resolution, not after; staff may reopen any time", () => {
    const resolvedAt = "2026-11-01T08:00:00Z";
    const state: LifecycleState = { status: "resolved", reporterId: REPORTER.id, resolvedAt, rating: null };
    const day = (n: number) => new Date(Date.parse(resolvedAt) + n * 86_400_000);
    expect(decide(state, { type: "reopen", reason: "没修好" }, REPORTER, day(6.9)).ok).toBe(true);
    expect(decide(state, { type: "reopen", reason: "没修好" }, REPORTER, day(7.1))).toEqual({ ok: false, why: "reopen_window_closed" });
    expect(decide(state, { type: "reopen", reason: "复查" }, MODERATOR, day(30)).ok).toBe(true);
    expect(decide(state, { type: "reopen", reason: "没修好" }, NEIGHBOUR, day(1))).toEqual({ ok: false, why: "forbidden" });
  });

  it("a rating is the reporter's, once per resolution, only after resolution", () => {
    const resolved: LifecycleState = { status: "resolved", reporterId: REPORTER.id, resolvedAt: "2026-11-01T08:00:00Z", rating: null };
    const now = new Date("2026-11-02T00:00:00Z");
    expect(decide(resolved, { type: "rate", rating: 5 }, REPORTER, now).ok).toBe(true);
    expect(decide({ ...resolved, rating: 4 }, { type: "rate", rating: 5 }, REPORTER, now)).toEqual({ ok: false, why: "already_rated" });
    expect(decide({ ...resolved, status: "dispatched" }, { type: "rate", rating: 5 }, REPORTER, now)).toEqual({
      ok: false,
      why: "illegal_transition",
    });
    expect(decide(resolved, { type: "rate", rating: 5 }, MODERATOR, now)).toEqual({ ok: false, why: "forbidden" });
  });

  it("every open status can still reach closure", () => {
    for (const s of OPEN_STATUSES) {
      const reachable = new Set<ReportStatus>([s]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const rule of Object.values(TRANSITIONS)) {
          if (rule.from.some((f) => reachable.has(f)) && !reachable.has(rule.to)) {
            reachable.add(rule.to);
            grew = true;
          }
        }
      }
      expect(reachable.has("closed")).toBe(true);
    }
  });
});

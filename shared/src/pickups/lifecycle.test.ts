import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cityDayStart } from "../time/cityTime";
import {
  applyPickupDecision,
  decidePickup,
  PICKUP_STATUSES,
  PICKUP_TRANSITIONS,
  type PickupAction,
  type PickupActor,
  type PickupState,
  type PickupStatus,
} from "./lifecycle";
import { changeDeadline, windowEnd } from "./rules";

const RESIDENT: PickupActor = { id: "resident", roles: ["resident"] };
const NEIGHBOUR: PickupActor = { id: "neighbour", roles: ["resident"] };
const COLLECTOR_A: PickupActor = { id: "collector-a", roles: ["resident", "collector"] };
const COLLECTOR_B: PickupActor = { id: "collector-b", roles: ["resident", "collector"] };
const ADMIN: PickupActor = { id: "admin", roles: ["resident", "admin"] };
const ACTORS = [RESIDENT, NEIGHBOUR, COLLECTOR_A, COLLECTOR_B, ADMIN];

const DATE = "2026-12-10";
const initial = (): PickupState => ({
  status: "booked",
  residentId: RESIDENT.id,
  collectorId: null,
  changeDeadline: changeDeadline(DATE),
  dayStart: cityDayStart(DATE),
  windowEnd: windowEnd(DATE, "am"),
  rating: null,
});

const actionArb: fc.Arbitrary<PickupAction> = fc.oneof(
  fc.constant({ type: "cancel" as const }),
  fc.constant({ type: "amend" as const }),
  fc.constant({ type: "missed" as const }),
  fc.integer({ min: 0, max: 6 }).map((rating) => ({ type: "rate" as const, rating })),
  fc.constant({ type: "accept" as const }),
  fc.constantFrom("车坏了", "").map((reason) => ({ type: "release" as const, reason })),
  fc.constant({ type: "arrive" as const }),
  fc.constant({ type: "complete" as const }),
  fc.constantFrom("未放置", "").map((reason) => ({ type: "unable" as const, reason })),
);
const stepArb = fc.record({ actor: fc.constantFrom(...ACTORS), action: actionArb, hoursLater: fc.integer({ min: 0, max: 30 }) });

describe("pickup booking lifecycle", () => {
  it("no sequence of actions breaks the rules: owners, holders, deadlines and a complete history", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        let now = Date.parse("2026-12-06T00:00:00Z");
        let state = initial();
        const history: { from: PickupStatus; to: PickupStatus; action: string }[] = [];
        for (const { actor, action, hoursLater } of steps) {
          now += hoursLater * 3_600_000;
          const before = state;
          const d = decidePickup(state, action, actor, new Date(now));
          if (!d.ok) {
            expect(state).toBe(before);
            continue;
          }
          expect(d.from).toBe(state.status);
          // Residents act only on their own booking; only staff cancel someone else's.
          if (["amend", "missed", "rate"].includes(action.type)) expect(actor).toBe(RESIDENT);
          if (action.type === "cancel" && actor !== ADMIN) {
            expect(actor).toBe(RESIDENT);
            expect(now).toBeLessThan(state.changeDeadline.getTime());
          }
          if (action.type === "amend") expect(now).toBeLessThan(state.changeDeadline.getTime());
          if (action.type === "missed") expect(now).toBeGreaterThanOrEqual(state.windowEnd.getTime());
          if (action.type === "release") expect(now).toBeLessThan(state.dayStart.getTime());
          // The day's work never happens before the collection day.
          if (["arrive", "complete", "unable"].includes(action.type)) expect(now).toBeGreaterThanOrEqual(state.dayStart.getTime());
          // One collector per job: only the holder moves an accepted job.
          if (["release", "arrive", "complete", "unable"].includes(action.type)) expect(actor.id).toBe(state.collectorId);
          if (action.type === "accept") expect(state.collectorId).toBeNull();
          state = applyPickupDecision(state, action, actor, d);
          history.push({ from: d.from, to: d.to, action: action.type });

          expect(PICKUP_STATUSES).toContain(state.status);
          if (["accepted", "arrived"].includes(state.status)) expect(state.collectorId).not.toBeNull();
          if (state.rating !== null) expect(state.status).toBe("completed");
        }
        for (let i = 0; i < history.length; i++) {
          const h = history[i]!;
          if (i > 0) expect(h.from).toBe(history[i - 1]!.to);
          const rule = PICKUP_TRANSITIONS[h.action as PickupAction["type"]];
          if (!(h.action === "cancel" && h.from === "arrived")) expect(rule.from).toContain(h.from);
          expect(h.to).toBe(rule.to === "same" ? h.from : rule.to);
        }
        // Cancelled, unable and missed are final; completed only takes its one rating.
        const end = history.findIndex((h) => ["cancelled", "unable", "missed"].includes(h.to));
        if (end >= 0) expect(history.length - 1).toBe(end);
        expect(history.filter((h) => h.action === "rate").length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it("the resident may cancel until 14:00 city time the day before, not after; staff may cancel later", () => {
    const s = initial();
    expect(decidePickup(s, { type: "cancel" }, RESIDENT, new Date("2026-12-09T05:59:00Z")).ok).toBe(true);
    expect(decidePickup(s, { type: "cancel" }, RESIDENT, new Date("2026-12-09T06:00:00Z"))).toEqual({ ok: false, why: "deadline_passed" });
    expect(decidePickup(s, { type: "cancel" }, ADMIN, new Date("2026-12-10T01:00:00Z")).ok).toBe(true);
    expect(decidePickup(s, { type: "cancel" }, NEIGHBOUR, new Date("2026-12-08T00:00:00Z"))).toEqual({ ok: false, why: "forbidden" });
  });

  it("a cancelled booking cannot be accepted or completed", () => {
    const s = { ...initial(), status: "cancelled" as const };
    const at = new Date("2026-12-08T00:00:00Z");
    expect(decidePickup(s, { type: "accept" }, COLLECTOR_A, at)).toEqual({ ok: false, why: "illegal_transition" });
    expect(decidePickup({ ...s, collectorId: COLLECTOR_A.id }, { type: "complete" }, COLLECTOR_A, at)).toEqual({
      ok: false,
      why: "illegal_transition",
    });
  });

  it("arrive, complete and unable are too early before 00:00 city time on the collection day", () => {
    const s = { ...initial(), status: "accepted" as const, collectorId: COLLECTOR_A.id };
    const eve = new Date("2026-12-09T15:59:00Z");
    const day = new Date("2026-12-09T16:00:00Z");
    for (const action of [{ type: "arrive" as const }, { type: "complete" as const }, { type: "unable" as const, reason: "未放置" }]) {
      expect(decidePickup(s, action, COLLECTOR_A, eve)).toEqual({ ok: false, why: "too_early" });
      expect(decidePickup(s, action, COLLECTOR_A, day)).toEqual({ ok: true, from: "accepted", to: PICKUP_TRANSITIONS[action.type].to });
    }
    // Another collector is refused whatever the time.
    expect(decidePickup(s, { type: "arrive" }, COLLECTOR_B, day)).toEqual({ ok: false, why: "forbidden" });
  });

  it("not collected may be reported only after the window ends", () => {
    const s = { ...initial(), status: "accepted" as const, collectorId: COLLECTOR_A.id };
    expect(decidePickup(s, { type: "missed" }, RESIDENT, new Date("2026-12-10T03:59:00Z"))).toEqual({ ok: false, why: "too_early" });
    expect(decidePickup(s, { type: "missed" }, RESIDENT, new Date("2026-12-10T04:00:00Z")).ok).toBe(true);
  });
});

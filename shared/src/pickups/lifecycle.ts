import { z } from "zod";
import { isStaff } from "../auth/staff";

/*
 * The pickup booking lifecycle as one pure function: which action may move a booking from which status,
 * by whom, at what time. The API persists what `decide` allows with a guarded write.
 *
 *   booked ─accept→ accepted ─arrive→ arrived ─complete→ completed ─rate (once)
 *     ↑  └─────release─┘  │               │
 *     │ cancel (resident before the deadline; staff any time)  └─unable→ unable
 *     └─ missed (resident, after the window, if nobody completed)
 *   arrive, complete and unable only from the start of the collection day (city time).
 */
export const PICKUP_STATUSES = ["booked", "accepted", "arrived", "completed", "unable", "cancelled", "missed"] as const;
export type PickupStatus = (typeof PICKUP_STATUSES)[number];
export const PickupStatusSchema = z.enum(PICKUP_STATUSES);

export const PICKUP_STATUS_LABELS: Record<PickupStatus, string> = {
  booked: "已预约",
  accepted: "回收员已接单",
  arrived: "回收员已到达",
  completed: "已收运",
  unable: "未能收运",
  cancelled: "已取消",
  missed: "未按约收运",
};

export type PickupAction =
  | { type: "cancel"; reason?: string }
  | { type: "amend" }
  | { type: "missed" }
  | { type: "rate"; rating: number }
  | { type: "accept" }
  | { type: "release"; reason: string }
  | { type: "arrive" }
  | { type: "complete" }
  | { type: "unable"; reason: string };

export interface PickupActor {
  id: string;
  roles: readonly string[];
}

export interface PickupState {
  status: PickupStatus;
  residentId: string;
  collectorId: string | null;
  /** Until when the resident may cancel or amend (changeDeadline). */
  changeDeadline: Date;
  /** Start of the collection day (a release must come before it). */
  dayStart: Date;
  /** End of the collection window (missed may be reported after it). */
  windowEnd: Date;
  rating: number | null;
}

export type PickupDecision =
  | { ok: true; from: PickupStatus; to: PickupStatus }
  | { ok: false; why: "forbidden" | "illegal_transition" | "deadline_passed" | "too_early" | "already_rated" | "invalid" };

/** Statuses each action may start from, and where it leads (rate and amend keep the status). */
export const PICKUP_TRANSITIONS: Record<PickupAction["type"], { from: readonly PickupStatus[]; to: PickupStatus | "same" }> = {
  cancel: { from: ["booked", "accepted"], to: "cancelled" },
  amend: { from: ["booked", "accepted"], to: "same" },
  missed: { from: ["booked", "accepted", "arrived"], to: "missed" },
  rate: { from: ["completed"], to: "same" },
  accept: { from: ["booked"], to: "accepted" },
  release: { from: ["accepted"], to: "booked" },
  arrive: { from: ["accepted"], to: "arrived" },
  complete: { from: ["accepted", "arrived"], to: "completed" },
  unable: { from: ["accepted", "arrived"], to: "unable" },
};

const RESIDENT_ACTIONS = new Set(["cancel", "amend", "missed", "rate"]);
const DAY_ACTIONS = new Set(["arrive", "complete", "unable"]);
const isCollector = (a: PickupActor) => a.roles.includes("collector");

/** What `action` by `actor` does to a booking in `state` at `now`; never throws. */
export function decidePickup(state: PickupState, action: PickupAction, actor: PickupActor, now: Date): PickupDecision {
  const from = state.status;
  const rule = PICKUP_TRANSITIONS[action.type];
  const isOwner = actor.id === state.residentId;
  const staffCancel = action.type === "cancel" && isStaff(actor) && !isOwner;
  if (RESIDENT_ACTIONS.has(action.type)) {
    if (!isOwner && !staffCancel) return { ok: false, why: "forbidden" };
  } else {
    if (!isCollector(actor)) return { ok: false, why: "forbidden" };
    // Once accepted, a job is its holder's alone.
    if (action.type !== "accept" && state.collectorId !== actor.id) return { ok: false, why: "forbidden" };
  }
  // Staff may also cancel a booking a collector already stands at.
  const fromOk = rule.from.includes(from) || (staffCancel && from === "arrived");
  if (!fromOk) return { ok: false, why: "illegal_transition" };
  const t = now.getTime();
  if ((action.type === "cancel" && !staffCancel) || action.type === "amend") {
    if (t >= state.changeDeadline.getTime()) return { ok: false, why: "deadline_passed" };
  }
  if (action.type === "missed" && t < state.windowEnd.getTime()) return { ok: false, why: "too_early" };
  if (action.type === "release" && t >= state.dayStart.getTime()) return { ok: false, why: "deadline_passed" };
  // The day's work (arrive, complete, unable) happens on the collection day or later, never before it.
  if (DAY_ACTIONS.has(action.type) && t < state.dayStart.getTime()) return { ok: false, why: "too_early" };
  if ((action.type === "release" || action.type === "unable") && action.reason.trim() === "") return { ok: false, why: "invalid" };
  if (action.type === "rate") {
    if (!Number.isInteger(action.rating) || action.rating < 1 || action.rating > 5) return { ok: false, why: "invalid" };
    if (state.rating !== null) return { ok: false, why: "already_rated" };
  }
  return { ok: true, from, to: rule.to === "same" ? from : rule.to };
}

/** The state after an allowed decision (the fields the lifecycle owns). */
export function applyPickupDecision(
  state: PickupState,
  action: PickupAction,
  actor: PickupActor,
  d: Extract<PickupDecision, { ok: true }>,
): PickupState {
  const next: PickupState = { ...state, status: d.to };
  if (action.type === "accept") next.collectorId = actor.id;
  if (action.type === "release") next.collectorId = null;
  if (action.type === "rate") next.rating = action.rating;
  return next;
}

/** Statuses that hold slot capacity and count towards the household quota. */
export const HOLDING_STATUSES: readonly PickupStatus[] = ["booked", "accepted", "arrived", "completed", "unable", "missed"];

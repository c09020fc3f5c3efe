import { z } from "zod";
import { isStaff } from "../auth/staff";

/*
 * The case lifecycle (数字城管 closed loop) as one pure function: which action may move a report from
 * which status, by whom. The API persists what `decide` allows with a guarded write; the property test
 * drives random action sequences through it.
 *
 *   submitted ─accept→ accepted ─dispatch→ dispatched ─resolve→ resolved ─close→ closed
 *       │                 │                   │  ↺ (re-dispatch)    │              │
 *       └──reject/merge──┴──────reject/merge─┘           reopen ←──┴──────────────┘
 *                                   reopened ─dispatch→ dispatched
 */

export const REPORT_STATUSES = ["submitted", "accepted", "rejected", "dispatched", "resolved", "closed", "reopened"] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  submitted: "待受理",
  accepted: "已立案",
  rejected: "不予立案",
  dispatched: "处置中",
  resolved: "已处理",
  closed: "已结案",
  reopened: "已重新打开",
};

/** Open311's two states: a case is closed when the bureau is done with it. */
export const open311Status = (s: ReportStatus): "open" | "closed" => (s === "closed" || s === "rejected" ? "closed" : "open");

export const REJECT_REASONS = ["duplicate", "not_responsible", "invalid", "abusive"] as const;
export const RejectReason = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof RejectReason>;
export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  duplicate: "重复上报",
  not_responsible: "不属于城管职责",
  invalid: "信息无效",
  abusive: "内容不当",
};

/** How long after resolution the reporter may still reopen the case. */
export const REOPEN_WINDOW_DAYS = 7;

export const HISTORY_ACTIONS = [
  "submit",
  "accept",
  "reject",
  "merge",
  "dispatch",
  "resolve",
  "close",
  "reopen",
  "rate",
  "redact",
  "hide_photo",
  "show_photo",
  "follow",
  "pass_text",
  "pass_photo",
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export const HISTORY_ACTION_LABELS: Record<HistoryAction, string> = {
  submit: "提交上报",
  accept: "受理立案",
  reject: "不予立案",
  merge: "合并为重复上报",
  dispatch: "派遣处置",
  resolve: "处理反馈",
  close: "核查结案",
  reopen: "重新打开",
  rate: "评价",
  redact: "修改描述",
  hide_photo: "隐藏照片",
  show_photo: "恢复照片",
  follow: "有人同样反映",
  pass_text: "描述复核通过",
  pass_photo: "照片复核通过",
};

export type LifecycleAction =
  | { type: "accept"; note?: string }
  | { type: "reject"; reason: RejectReason; note?: string }
  | { type: "merge"; into: string; note?: string }
  | { type: "dispatch"; department: string; note?: string }
  /** `reply`: the result told to the reporter and the public (处理结果). */
  | { type: "resolve"; reply: string }
  | { type: "close"; note?: string }
  | { type: "reopen"; reason: string }
  | { type: "rate"; rating: number; comment?: string };

export interface LifecycleActor {
  id: string;
  roles: readonly string[];
}

export interface LifecycleState {
  status: ReportStatus;
  reporterId: string | null;
  /** When the case was last resolved (ISO), or null. */
  resolvedAt: string | null;
  /** The reporter's rating of the current resolution, or null. */
  rating: number | null;
}

export type Decision =
  | { ok: true; action: HistoryAction; from: ReportStatus; to: ReportStatus }
  | { ok: false; why: "forbidden" | "illegal_transition" | "reopen_window_closed" | "already_rated" | "invalid" };

/** Statuses each staff transition may start from. */
export const TRANSITIONS: Record<Exclude<LifecycleAction["type"], "rate">, { from: readonly ReportStatus[]; to: ReportStatus }> = {
  accept: { from: ["submitted"], to: "accepted" },
  reject: { from: ["submitted", "accepted", "reopened"], to: "rejected" },
  merge: { from: ["submitted", "accepted", "dispatched", "reopened"], to: "rejected" },
  dispatch: { from: ["accepted", "dispatched", "reopened"], to: "dispatched" },
  resolve: { from: ["dispatched"], to: "resolved" },
  close: { from: ["resolved"], to: "closed" },
  reopen: { from: ["resolved", "closed"], to: "reopened" },
};

/** What `action` by `actor` does to a report in `state` at `now`; never throws. */
export function decide(state: LifecycleState, action: LifecycleAction, actor: LifecycleActor, now: Date): Decision {
  const from = state.status;
  const isReporter = state.reporterId !== null && actor.id === state.reporterId;
  if (action.type === "rate") {
    if (!isReporter) return { ok: false, why: "forbidden" };
    if (!Number.isInteger(action.rating) || action.rating < 1 || action.rating > 5) return { ok: false, why: "invalid" };
    if (from !== "resolved" && from !== "closed") return { ok: false, why: "illegal_transition" };
    if (state.rating !== null) return { ok: false, why: "already_rated" };
    return { ok: true, action: "rate", from, to: from };
  }
  if (action.type === "reopen") {
    if (!isStaff(actor) && !isReporter) return { ok: false, why: "forbidden" };
    if (!TRANSITIONS.reopen.from.includes(from)) return { ok: false, why: "illegal_transition" };
    if (!isStaff(actor) && !withinReopenWindow(state.resolvedAt, now)) return { ok: false, why: "reopen_window_closed" };
    if (action.reason.trim() === "") return { ok: false, why: "invalid" };
    return { ok: true, action: "reopen", from, to: "reopened" };
  }
  if (!isStaff(actor)) return { ok: false, why: "forbidden" };
  const rule = TRANSITIONS[action.type];
  if (!rule.from.includes(from)) return { ok: false, why: "illegal_transition" };
  if (action.type === "dispatch" && action.department.trim() === "") return { ok: false, why: "invalid" };
  if (action.type === "resolve" && action.reply.trim() === "") return { ok: false, why: "invalid" };
  return { ok: true, action: action.type, from, to: rule.to };
}

export function withinReopenWindow(resolvedAt: string | null, now: Date): boolean {
  if (!resolvedAt) return false;
  return now.getTime() - Date.parse(resolvedAt) <= REOPEN_WINDOW_DAYS * 24 * 3600 * 1000;
}

/** The state after an allowed decision (the fields the lifecycle owns). */
export function applyDecision(
  state: LifecycleState,
  action: LifecycleAction,
  decision: Extract<Decision, { ok: true }>,
  now: Date,
): LifecycleState {
  const next: LifecycleState = { ...state, status: decision.to };
  if (action.type === "resolve") next.resolvedAt = now.toISOString();
  if (action.type === "reopen") next.rating = null;
  if (action.type === "rate") next.rating = action.rating;
  return next;
}

/** Statuses in which the case still needs the bureau (open cases for SLA and duplicates). */
export const OPEN_STATUSES: readonly ReportStatus[] = ["submitted", "accepted", "dispatched", "reopened"];
/** Statuses visible to the public (accepted by a moderator at some point). */
export const PUBLIC_STATUSES: readonly ReportStatus[] = ["accepted", "dispatched", "resolved", "closed", "reopened"];

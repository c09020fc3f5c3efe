import type { ApiFailure } from "../../services/request";

/* What the bureau's 409s mean, in words an admin can act on (details.reason from the API's envelope). */

const detailsOf = (failure: ApiFailure): Record<string, unknown> =>
  failure.details && typeof failure.details === "object" ? (failure.details as Record<string, unknown>) : {};

export const conflictReason = (failure: ApiFailure): string | null =>
  failure.status === 409 && typeof detailsOf(failure).reason === "string" ? (detailsOf(failure).reason as string) : null;

const numberIn = (details: Record<string, unknown>, keys: string[]): number | null => {
  for (const k of keys) if (typeof details[k] === "number") return details[k] as number;
  return null;
};

/** A capacity edit refused: the slot holds more than the new capacity. `bookedPoints` is what the page last saw. */
export function explainCapacityFailure(failure: ApiFailure, bookedPoints: number): string {
  if (conflictReason(failure) !== "below_booked") return failure.message;
  const booked = numberIn(detailsOf(failure), ["bookedPoints", "booked"]) ?? bookedPoints;
  return `不能低于已预约的 ${booked} 点`;
}

/** A blackout refused: bookings already stand on that date. */
export function explainBlackoutFailure(failure: ApiFailure): string {
  if (conflictReason(failure) === "has_bookings") {
    const n = numberIn(detailsOf(failure), ["bookings", "count"]);
    const which = n === null ? "已有居民预约" : `已有 ${n} 个有效预约`;
    return `该日${which}，不能设为停收日；请先联系居民改约或取消后再试`;
  }
  const reason = conflictReason(failure);
  if (reason === "exists" || reason === "duplicate") return "该日期已是停收日";
  return failure.message;
}

import { windowEnd } from "@civic/shared";
import type { PickupBooking } from "../api";

/* Which of the resident's actions the booking page offers now (the API decides again, with the same rules). */
export interface AllowedActions {
  cancel: boolean;
  amend: boolean;
  missed: boolean;
  rate: boolean;
}

export function allowedActions(b: PickupBooking, now: Date): AllowedActions {
  const changeable = (b.status === "booked" || b.status === "accepted") && now.getTime() < Date.parse(b.changeableUntil);
  const open = b.status === "booked" || b.status === "accepted" || b.status === "arrived";
  return {
    cancel: changeable,
    amend: changeable,
    missed: open && now.getTime() >= windowEnd(b.slot.date, b.slot.window).getTime(),
    rate: b.status === "completed" && b.rating === null,
  };
}

import { z } from "zod";
import { BookingLine } from "./schemas";

/* The resident's changes to a booking after it was made: amend, "not collected" and the rating. */

/** Items and/or slot; `version` is the booking version the resident saw (a stale one is 409). */
export const PickupAmendRequest = z
  .strictObject({
    items: z.array(BookingLine).min(1).max(20).optional(),
    slotId: z.string().min(1).max(64).optional(),
    version: z.int().min(1),
  })
  .refine((b) => b.items !== undefined || b.slotId !== undefined, { message: "change the items, the slot or both" })
  .meta({ id: "PickupAmendRequest" });
export type PickupAmendRequest = z.infer<typeof PickupAmendRequest>;

export const PickupMissedRequest = z.strictObject({ note: z.string().trim().max(200).optional() }).meta({ id: "PickupMissedRequest" });

export const PickupRateRequest = z
  .strictObject({ rating: z.int().min(1).max(5), comment: z.string().trim().max(200).optional() })
  .meta({ id: "PickupRateRequest" });

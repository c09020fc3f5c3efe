import { z } from "zod";
import { PickupDate, PickupSlot, StreetCode } from "./schemas";

/* The bureau's side of pickups: blackout dates, per-slot capacity, the day overview and the KPIs. */

/** A city-wide date with no collections (e.g. 春节); slots on it are not offered. */
export const PickupBlackout = z
  .object({ date: PickupDate, reason: z.string().trim().min(1).max(60), createdAt: z.string() })
  .meta({ id: "PickupBlackout" });
export type PickupBlackout = z.infer<typeof PickupBlackout>;
export const PickupBlackoutRequest = z.strictObject({ date: PickupDate, reason: z.string().trim().min(1).max(60) });
export const PickupBlackoutList = z.object({ blackouts: z.array(PickupBlackout) });

/** Per-slot capacity edit: never below what is booked (409 below_booked). */
export const PickupSlotPatch = z.strictObject({ capacityPoints: z.int().min(0).max(1000) }).meta({ id: "PickupSlotPatch" });
export const AdminPickupSlotsQuery = z.object({
  street: StreetCode.optional(),
  district: z.string().min(1).max(12).optional(),
  from: PickupDate,
  to: PickupDate,
});
export const AdminPickupSlotList = z.object({ slots: z.array(PickupSlot) });

export const PickupCounts = z.object({
  booked: z.int(),
  accepted: z.int(),
  arrived: z.int(),
  completed: z.int(),
  unable: z.int(),
  missed: z.int(),
  cancelled: z.int(),
  /** Still open (booked, accepted, arrived) after 18:00 city time on its day. */
  overdue: z.int(),
  capacityPoints: z.int(),
  bookedPoints: z.int(),
});
export type PickupCounts = z.infer<typeof PickupCounts>;

export const PickupOverviewQuery = z.object({ date: PickupDate.optional(), district: z.string().min(1).max(12).optional() });
export const PickupOverview = z
  .object({
    date: PickupDate,
    district: z.string().nullable(),
    streets: z.array(PickupCounts.extend({ streetCode: z.string(), streetName: z.string(), districtCode: z.string() })),
    totals: PickupCounts,
  })
  .meta({ id: "PickupOverview" });
export type PickupOverview = z.infer<typeof PickupOverview>;

export const PickupKpisQuery = z.object({
  from: PickupDate.optional(),
  to: PickupDate.optional(),
  district: z.string().min(1).max(12).optional(),
});
export const PickupKpis = z
  .object({
    from: PickupDate,
    to: PickupDate,
    district: z.string().nullable(),
    /** Bookings whose day has passed and that were not cancelled. */
    due: z.int(),
    completed: z.int(),
    /** Completed on their day before their window ended, over due (null when nothing was due). */
    onTimeRate: z.number().nullable(),
    /** Residents' no-shows (unable: not put out) over due. */
    noShowRate: z.number().nullable(),
    averageRating: z.number().nullable(),
    rated: z.int(),
  })
  .meta({ id: "PickupKpis" });
export type PickupKpis = z.infer<typeof PickupKpis>;

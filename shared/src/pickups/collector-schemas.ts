import { z } from "zod";
import { GcjPoint } from "../reports/schemas";
import { PickupStatusSchema } from "./lifecycle";
import { PickupOutcome, PickupPhoto } from "./outcome";
import { PickupBookingLineView, PickupDate, PickupWindow, StreetCode } from "./schemas";

/* The collectors' side of pickups (回收员): their streets, their job list, accept and release. */

export const CollectorStreetsRequest = z.strictObject({ streets: z.array(StreetCode).max(50) });
export type CollectorStreetsRequest = z.infer<typeof CollectorStreetsRequest>;
export const CollectorStreets = z.object({ userId: z.string(), streets: z.array(z.string()) });

/** A user holding the collector role, as the bureau's admin sees them: display name and streets served. */
export const PickupCollector = z
  .object({ userId: z.string(), nickname: z.string().nullable(), streets: z.array(z.string()) })
  .meta({ id: "PickupCollector" });
export type PickupCollector = z.infer<typeof PickupCollector>;
export const PickupCollectorList = z.object({ collectors: z.array(PickupCollector) });

export const CollectorJobsQuery = z.object({ date: PickupDate.optional() });

/** Who and where: shown only to the collector holding the job. */
export const CollectorJobContact = z.object({
  number: z.string(),
  address: z.string(),
  location: GcjPoint,
  placement: z.string(),
  accessNotes: z.string(),
  contactPhone: z.string(),
  onBehalf: z.object({ name: z.string() }).nullable(),
});

export const CollectorJob = z
  .object({
    id: z.string(),
    status: PickupStatusSchema,
    streetCode: z.string(),
    date: PickupDate,
    window: PickupWindow,
    items: z.array(PickupBookingLineView),
    volumePoints: z.int(),
    /** True when the caller holds the job; only then is `contact` set. */
    mine: z.boolean(),
    contact: CollectorJobContact.nullable(),
    /** The resident's photos of the items, on a job the caller holds (absent otherwise). */
    photos: z.array(PickupPhoto).optional(),
    /** On a job the caller worked (completed or unable): how it ended. Absent in job lists. */
    outcome: PickupOutcome.nullable().optional(),
    version: z.int(),
  })
  .meta({ id: "CollectorJob" });
export type CollectorJob = z.infer<typeof CollectorJob>;
export const CollectorJobList = z.object({ jobs: z.array(CollectorJob), from: PickupDate, to: PickupDate });

export const CollectorReleaseRequest = z.strictObject({ reason: z.string().trim().min(1).max(200) });

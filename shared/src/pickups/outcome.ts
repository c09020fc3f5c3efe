import { z } from "zod";

/*
 * How a worked job ended (completed or unable), apart from the collector-day schemas so the resident's
 * booking view (schemas.ts) can carry it without an import cycle.
 */

export const UNABLE_REASONS = ["not_put_out", "no_access", "items_differ", "other"] as const;
export const UnableReason = z.enum(UNABLE_REASONS);
export type UnableReason = z.infer<typeof UnableReason>;
export const UNABLE_REASON_LABELS: Record<UnableReason, string> = {
  not_put_out: "物品未按约放置",
  no_access: "无法进入小区/楼栋",
  items_differ: "物品与预约不符",
  other: "其他原因",
};

/** A photo of a booking or of its outcome: the upload id and a short-lived signed URL to show it. */
export const PickupPhoto = z.object({ id: z.string(), url: z.string() }).meta({ id: "PickupPhoto" });
export type PickupPhoto = z.infer<typeof PickupPhoto>;

/** How a worked job ended, shown to the resident who booked it and to the collector who held it. */
export const PickupOutcome = z
  .object({
    status: z.enum(["completed", "unable"]),
    at: z.string(),
    taken: z.array(z.object({ code: z.string(), name: z.string(), qty: z.int(), recyclable: z.boolean(), kg: z.number().nullable() })),
    /** Recyclable weight per class (kg), as stored for recycling points. */
    recycledKg: z.record(z.string(), z.number()),
    unableReason: UnableReason.nullable(),
    note: z.string().nullable(),
    photoIds: z.array(z.string()),
    /** The collector's photos with URLs the caller may open (a photo WeChat found risky only for its uploader). */
    photos: z.array(PickupPhoto).default([]),
  })
  .meta({ id: "PickupOutcome" });
export type PickupOutcome = z.infer<typeof PickupOutcome>;

import { z } from "zod";
import { GcjPoint } from "../reports/schemas";
import { CollectorJob } from "./collector-schemas";
import { ItemCode, PickupDate } from "./schemas";

/*
 * The collector's day (回收员的一天): the held jobs of one date in route order, arrive, complete with photos
 * and the items actually taken (recyclable ones weighed in kg), or "unable" with a reason and a photo.
 */

/** Start point of the route; without one, the route starts at the first job of the morning. */
export const CollectorRouteQuery = z.object({
  date: PickupDate.optional(),
  lat: z.coerce.number().min(-85).max(85).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
});

export const CollectorRouteStop = z
  .object({
    /** 1-based position in the route. */
    order: z.int().min(1),
    /** Straight-line metres from the previous stop (or the start point). */
    legMeters: z.int().min(0),
    job: CollectorJob,
  })
  .meta({ id: "CollectorRouteStop" });
export type CollectorRouteStop = z.infer<typeof CollectorRouteStop>;

export const CollectorRoute = z
  .object({
    date: PickupDate,
    /** Morning jobs first, then afternoon; within a window, nearest neighbour from the last stop. */
    method: z.literal("nearest-neighbour"),
    start: GcjPoint.nullable(),
    stops: z.array(CollectorRouteStop),
    totalMeters: z.int().min(0),
  })
  .meta({ id: "CollectorRoute" });
export type CollectorRoute = z.infer<typeof CollectorRoute>;

/** What the collector actually took: any catalogue item; recyclable items carry their weight. */
export const TakenLine = z.strictObject({
  code: ItemCode,
  qty: z.int().min(1).max(20),
  /** Required for items flagged 可回收, refused for the others. */
  kg: z.number().positive().max(1000).optional(),
});
export type TakenLine = z.infer<typeof TakenLine>;

export const CollectorCompleteRequest = z
  .strictObject({
    taken: z.array(TakenLine).min(1).max(20),
    photoIds: z.array(z.string().min(1).max(64)).min(1).max(6),
    note: z.string().trim().max(200).optional(),
  })
  .meta({ id: "CollectorCompleteRequest" });
export type CollectorCompleteRequest = z.infer<typeof CollectorCompleteRequest>;

export const UNABLE_REASONS = ["not_put_out", "no_access", "items_differ", "other"] as const;
export const UnableReason = z.enum(UNABLE_REASONS);
export type UnableReason = z.infer<typeof UnableReason>;
export const UNABLE_REASON_LABELS: Record<UnableReason, string> = {
  not_put_out: "物品未按约放置",
  no_access: "无法进入小区/楼栋",
  items_differ: "物品与预约不符",
  other: "其他原因",
};

export const CollectorUnableRequest = z
  .strictObject({
    reason: UnableReason,
    note: z.string().trim().max(200).optional(),
    photoIds: z.array(z.string().min(1).max(64)).min(1).max(6),
  })
  .meta({ id: "CollectorUnableRequest" });
export type CollectorUnableRequest = z.infer<typeof CollectorUnableRequest>;

/** Recycling classes that weighed items are credited under (the item's category); see issue 10. */
export const RECYCLING_CLASS_LABELS = {
  furniture: "废旧家具",
  appliance: "废旧家电",
  bedding: "废旧纺织物",
  renovation: "可回收装修物料",
  other: "其他可回收物",
} as const;

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
  })
  .meta({ id: "PickupOutcome" });
export type PickupOutcome = z.infer<typeof PickupOutcome>;

import { z } from "zod";
import { GcjPoint } from "../reports/schemas";
import { CollectorJob } from "./collector-schemas";
import { UnableReason } from "./outcome";
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

import { z } from "zod";
import { GcjPoint } from "../reports/schemas";
import { PickupStatusSchema } from "./lifecycle";
import { PickupOutcome, PickupPhoto } from "./outcome";

/* The wire shapes of bulky-waste pickups (大件垃圾预约), shared by the API, its OpenAPI document and the mini-program. */

export const PICKUP_CATEGORIES = ["furniture", "appliance", "bedding", "renovation", "other"] as const;
export const PickupCategory = z.enum(PICKUP_CATEGORIES);
export type PickupCategory = z.infer<typeof PickupCategory>;
export const PICKUP_CATEGORY_LABELS: Record<PickupCategory, string> = {
  furniture: "家具",
  appliance: "家电",
  bedding: "床垫被褥",
  renovation: "装修垃圾",
  other: "其他",
};

export const ItemCode = z.string().regex(/^[a-z][a-z0-9_]{1,31}$/);

/** One entry of the item catalogue (admin-managed). */
export const PickupItem = z
  .object({
    code: ItemCode,
    name: z.string().min(1).max(20),
    category: PickupCategory,
    maxPerBooking: z.int().min(1).max(20),
    /** 可回收: appliances and furniture the recycling chain takes; their weights are recorded. */
    recyclable: z.boolean(),
    /** Share of a truck's load, for slot capacity. */
    volumePoints: z.int().min(1).max(100),
    /** Shown to the resident, e.g. 冰箱请提前断电除霜. */
    note: z.string().max(120).nullable(),
    active: z.boolean(),
  })
  .meta({ id: "PickupItem" });
export type PickupItem = z.infer<typeof PickupItem>;

export const PickupItemCreate = PickupItem.omit({ active: true })
  .extend({ note: z.string().max(120).nullable().optional() })
  .strict();
export type PickupItemCreate = z.infer<typeof PickupItemCreate>;
export const PickupItemPatch = PickupItem.omit({ code: true }).partial().strict();
export type PickupItemPatch = z.infer<typeof PickupItemPatch>;

export const PickupWindow = z.enum(["am", "pm"]);
export type PickupWindow = z.infer<typeof PickupWindow>;
export const PickupDate = z.iso.date();
/** A street as pickups name it: "<district code>:<street name>" (see pickupStreetCode). */
export const StreetCode = z.string().min(8).max(40);

export const PickupSlot = z
  .object({
    id: z.string(),
    streetCode: StreetCode,
    date: PickupDate,
    window: PickupWindow,
    capacityPoints: z.int(),
    bookedPoints: z.int(),
    remaining: z.int().min(0),
  })
  .meta({ id: "PickupSlot" });
export type PickupSlot = z.infer<typeof PickupSlot>;

export const PickupSlotsQuery = z.object({ street: StreetCode, from: PickupDate.optional(), to: PickupDate.optional() });

/** Admin: slots in bulk, streets × dates (inclusive) × windows, each with the same capacity. */
export const PickupSlotsBulk = z
  .strictObject({
    streets: z.array(StreetCode).min(1).max(50),
    from: PickupDate,
    to: PickupDate,
    windows: z.array(PickupWindow).min(1).max(2),
    capacityPoints: z.int().min(1).max(1000),
  })
  .meta({ id: "PickupSlotsBulk" });
export type PickupSlotsBulk = z.infer<typeof PickupSlotsBulk>;
export const PickupSlotsBulkResult = z.object({ created: z.int(), skipped: z.int() });

export const BookingLine = z.strictObject({ code: ItemCode, qty: z.int().min(1).max(20) });
export type BookingLine = z.infer<typeof BookingLine>;

const Phone = z.string().regex(/^1\d{10}$/, "a mainland mobile number");

export const PickupBookingRequest = z
  .strictObject({
    items: z.array(BookingLine).min(1).max(20),
    photoIds: z.array(z.string().min(1).max(64)).max(6).optional(),
    address: z.string().trim().min(4).max(120),
    location: GcjPoint,
    /** Where the items will be left, e.g. 单元楼下垃圾房旁. */
    placement: z.string().trim().min(1).max(60),
    /** No door codes (reminded in the UI). */
    accessNotes: z.string().max(250).optional(),
    contactPhone: Phone,
    /** 代预约: booked for someone else; the contact's name. */
    onBehalf: z.strictObject({ name: z.string().trim().min(1).max(20) }).optional(),
    slotId: z.string().min(1).max(64),
    /** Subscribe-message templates the resident accepted at the submit tap (weapp); each is one grant. */
    subscriptions: z.array(z.string().min(1).max(64)).max(3).optional(),
  })
  .meta({ id: "PickupBookingRequest" });
export type PickupBookingRequest = z.infer<typeof PickupBookingRequest>;

export const PickupBookingLineView = z.object({ code: z.string(), name: z.string(), qty: z.int(), recyclable: z.boolean() });

/** The resident's own booking. */
export const PickupBooking = z
  .object({
    id: z.string(),
    number: z.string(),
    status: PickupStatusSchema,
    slot: z.object({ id: z.string(), streetCode: z.string(), date: PickupDate, window: PickupWindow }),
    items: z.array(PickupBookingLineView),
    volumePoints: z.int(),
    address: z.string(),
    location: GcjPoint,
    placement: z.string(),
    accessNotes: z.string(),
    contactPhone: z.string(),
    onBehalf: z.object({ name: z.string() }).nullable(),
    /** The resident's photos of the items, with URLs to show them. */
    photos: z.array(PickupPhoto).default([]),
    /** Until when cancel and amend are open (ISO instant). */
    changeableUntil: z.string(),
    /** Notes per item shown to the resident (what to prepare). */
    prepare: z.array(z.string()),
    createdAt: z.string(),
    version: z.int(),
    /** The resident's rating of a completed collection (once), or null. */
    rating: z.int().min(1).max(5).nullable(),
    /** How the collection ended (completed or unable), once a collector has worked it; else null. */
    outcome: PickupOutcome.nullable(),
    /** The 随手拍 case "not collected" opened to the bureau (its case number and report id), or null. */
    caseNumber: z.string().nullable(),
    caseId: z.string().nullable(),
  })
  .meta({ id: "PickupBooking" });
export type PickupBooking = z.infer<typeof PickupBooking>;

export const PickupBookingSummary = PickupBooking.pick({
  id: true,
  number: true,
  status: true,
  slot: true,
  volumePoints: true,
  createdAt: true,
}).meta({
  id: "PickupBookingSummary",
});
export const PickupBookingList = z.object({ bookings: z.array(PickupBookingSummary) });
export const PickupItemList = z.object({ items: z.array(PickupItem) });
export const PickupSlotList = z.object({ slots: z.array(PickupSlot), firstDate: PickupDate, lastDate: PickupDate });
export const PickupCancelRequest = z.strictObject({ reason: z.string().max(200).optional() });

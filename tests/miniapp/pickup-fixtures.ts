import { PickupBooking, PickupBookingSummary, PickupItem, PickupSlot } from "@civic/shared";

/* Pickups test data built through the shared schemas (a contract change breaks these tests too). */

export const PICKUP_ITEMS: PickupItem[] = [
  { code: "sofa", name: "沙发", category: "furniture", maxPerBooking: 2, recyclable: true, volumePoints: 3, note: null, active: true },
  { code: "chair", name: "椅子", category: "furniture", maxPerBooking: 4, recyclable: false, volumePoints: 1, note: null, active: true },
  {
    code: "fridge",
    name: "冰箱",
    category: "appliance",
    maxPerBooking: 1,
    recyclable: true,
    volumePoints: 2,
    note: "冰箱请提前断电除霜",
    active: true,
  },
].map((i) => PickupItem.parse(i));

export const itemsBody = { items: PICKUP_ITEMS };

/** A city date `days` from today (UTC date is close enough for test data). */
export const dayFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const slotOf = (id: string, over: Partial<PickupSlot> = {}): PickupSlot =>
  PickupSlot.parse({
    id,
    streetCode: "320508:观前街道",
    date: dayFromNow(3),
    window: "am",
    capacityPoints: 20,
    bookedPoints: 5,
    remaining: 15,
    ...over,
  });

export const slotsBody = (slots: PickupSlot[]) => ({ slots, firstDate: dayFromNow(1), lastDate: dayFromNow(28) });

export const BOOKING_ID = "0190a1b2-0000-7000-8000-00000000p001";

export const bookingOf = (over: Partial<PickupBooking> = {}): PickupBooking =>
  PickupBooking.parse({
    id: BOOKING_ID,
    number: "DJ20261204-0042",
    status: "booked",
    slot: { id: "slot-a", streetCode: "320508:观前街道", date: dayFromNow(3), window: "am" },
    items: [{ code: "sofa", name: "沙发", qty: 1, recyclable: true }],
    volumePoints: 3,
    address: "姑苏区观前街 1 号 3 栋 101",
    location: { lat: 31.3085, lng: 120.6195 },
    placement: "单元楼下",
    accessNotes: "小区东门进",
    contactPhone: "13800000000",
    onBehalf: null,
    changeableUntil: new Date(Date.now() + 86_400_000).toISOString(),
    prepare: ["冰箱请提前断电除霜"],
    createdAt: "2026-11-30T02:00:00.000Z",
    version: 1,
    rating: null,
    outcome: null,
    caseNumber: null,
    caseId: null,
    ...over,
  });

export const summaryOf = (b: PickupBooking) =>
  PickupBookingSummary.parse({
    id: b.id,
    number: b.number,
    status: b.status,
    slot: b.slot,
    volumePoints: b.volumePoints,
    createdAt: b.createdAt,
  });

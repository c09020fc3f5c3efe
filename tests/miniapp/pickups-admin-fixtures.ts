import { PickupBlackout, PickupItem, PickupKpis, PickupOverview, PickupSlot } from "@civic/shared";

/* The bureau's pickups test data, built through the shared schemas so a contract change breaks these tests too. */

export const PINGJIANG = "320508:平江街道";
export const CANGLANG = "320508:沧浪街道";

export const item = (over: Partial<PickupItem> = {}): PickupItem =>
  PickupItem.parse({
    code: "fridge",
    name: "冰箱",
    category: "appliance",
    maxPerBooking: 1,
    recyclable: true,
    volumePoints: 4,
    note: "冰箱请提前断电除霜",
    active: true,
    ...over,
  });

export const slot = (over: Partial<PickupSlot> = {}): PickupSlot =>
  PickupSlot.parse({
    id: "s-1",
    streetCode: PINGJIANG,
    date: "2026-12-03",
    window: "am",
    capacityPoints: 20,
    bookedPoints: 12,
    remaining: 8,
    ...over,
  });

export const blackout = (over: Partial<PickupBlackout> = {}): PickupBlackout =>
  PickupBlackout.parse({ date: "2027-02-06", reason: "春节", createdAt: "2026-11-20T02:30:00.000Z", ...over });

const counts = (over: Record<string, number> = {}) => ({
  booked: 0,
  accepted: 0,
  arrived: 0,
  completed: 0,
  unable: 0,
  missed: 0,
  cancelled: 0,
  overdue: 0,
  capacityPoints: 0,
  bookedPoints: 0,
  ...over,
});

export const overview = (): PickupOverview =>
  PickupOverview.parse({
    date: "2026-12-01",
    district: null,
    streets: [
      {
        streetCode: PINGJIANG,
        streetName: "平江街道",
        districtCode: "320508",
        ...counts({ booked: 1, accepted: 2, completed: 3, overdue: 2, capacityPoints: 40, bookedPoints: 26 }),
      },
      {
        streetCode: CANGLANG,
        streetName: "沧浪街道",
        districtCode: "320508",
        ...counts({ completed: 1, capacityPoints: 20, bookedPoints: 4 }),
      },
    ],
    totals: counts({ booked: 1, accepted: 2, completed: 4, overdue: 2, capacityPoints: 60, bookedPoints: 30 }),
  });

export const kpis = (over: Partial<PickupKpis> = {}): PickupKpis =>
  PickupKpis.parse({
    from: "2026-11-01",
    to: "2026-11-30",
    district: null,
    due: 40,
    completed: 36,
    onTimeRate: 0.875,
    noShowRate: 0.05,
    averageRating: 4.6,
    rated: 20,
    ...over,
  });

/** A 409 as the API answers it, with `details.reason`. */
export const conflict = (reason: string, extra: Record<string, unknown> = {}) => ({
  statusCode: 409,
  data: { error: { code: "conflict", message: "from the server", details: { reason, ...extra } } },
});

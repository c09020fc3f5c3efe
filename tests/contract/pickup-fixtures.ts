import { addCityDays, DEFAULT_CITY, type PickupBookingRequest, pickupStreetCode } from "@civic/shared";
import { type ContractHarness, call, loginAs } from "./harness";

/** A street per test (by index), so slots, capacity and household quotas never meet across tests. */
export const pickupStreet = (i: number): string => pickupStreetCode(DEFAULT_CITY.streets[i % DEFAULT_CITY.streets.length]!);

export const PICKUP_ITEMS = [
  { code: "sofa", name: "沙发", category: "furniture", maxPerBooking: 2, recyclable: true, volumePoints: 3, note: null },
  { code: "chair", name: "椅子", category: "furniture", maxPerBooking: 4, recyclable: false, volumePoints: 1, note: null },
  { code: "fridge", name: "冰箱", category: "appliance", maxPerBooking: 1, recyclable: true, volumePoints: 2, note: "冰箱请提前断电除霜" },
] as const;

export async function pickupAdmin(h: ContractHarness) {
  return loginAs(h, "pickup-admin", "admin");
}

/** The catalogue (created once per database; a second call finds the items there). */
export async function createPickupItems(h: ContractHarness, adminToken: string) {
  for (const item of PICKUP_ITEMS) {
    const res = await call(h, "POST", "/api/v1/admin/pickups/items", { token: adminToken, body: item });
    if (res.status !== 201 && res.status !== 409) throw new Error(`item: ${res.status} ${JSON.stringify(res.json)}`);
  }
}

/**
 * One slot on `street` with `capacity` points, on a date given as days after the first bookable date the
 * app reports at its current clock (or on `date`); returns its id and date.
 */
export async function createPickupSlot(
  h: ContractHarness,
  adminToken: string,
  street: string,
  capacity: number,
  at: { daysAfterFirst?: number; date?: string; window?: "am" | "pm" } = {},
) {
  let date = at.date;
  if (!date) {
    const probe = await call(h, "GET", `/api/v1/pickups/slots?street=${encodeURIComponent(street)}`);
    date = addCityDays(probe.json.firstDate, at.daysAfterFirst ?? 3);
  }
  const window = at.window ?? "am";
  const made = await call(h, "POST", "/api/v1/admin/pickups/slots", {
    token: adminToken,
    body: { streets: [street], from: date, to: date, windows: [window], capacityPoints: capacity },
  });
  if (made.status !== 201) throw new Error(`slots: ${made.status} ${JSON.stringify(made.json)}`);
  const list = await call(h, "GET", `/api/v1/pickups/slots?street=${encodeURIComponent(street)}&from=${date}&to=${date}`);
  // A date outside the bookable window is not listed; the id is then found by booking tests through a listed one.
  const slot = (list.json.slots as { id: string; window: string }[]).find((s) => s.window === window);
  return { slotId: slot?.id as string, date };
}

export function bookingBody(slotId: string, over: Partial<PickupBookingRequest> = {}): PickupBookingRequest {
  return {
    items: [{ code: "chair", qty: 1 }],
    address: "姑苏区观前街 1 号 3 栋 101",
    location: { lat: 31.3085, lng: 120.6195 },
    placement: "单元楼下垃圾房旁",
    accessNotes: "小区东门进",
    contactPhone: "13800000000",
    slotId,
    ...over,
  };
}

import {
  changeDeadline,
  cityDayStart,
  type PickupBooking,
  type PickupOutcome,
  type PickupSettings,
  type PickupSlot,
  type PickupState,
  type PickupStatus,
  type PickupWindow,
  windowEnd,
} from "@civic/shared";
import type { AppDeps } from "../deps";
import { caseNumbersOf } from "../reports/bureau-cases";
import { collectorDayRepo } from "./collector-day.repo";
import { bookingPhotos } from "./photos";
import { type BookingItemRow, type BookingRow, pickupsRepo, type SlotRow } from "./pickups.repo";

/** The settings in force (PICKUP_* settings, shared defaults). */
export const pickupSettings = (deps: Pick<AppDeps, "config">): PickupSettings => deps.config.pickups;

/** A slot as the wire shows it: capacity, booked points and what remains (never negative). */
export const slotView = (s: SlotRow): PickupSlot => ({
  id: s.id,
  streetCode: s.streetCode,
  date: s.date,
  window: s.window,
  capacityPoints: s.capacityPoints,
  bookedPoints: s.bookedPoints,
  remaining: Math.max(0, s.capacityPoints - s.bookedPoints),
});

/** What the booking lifecycle (`decidePickup`) needs to know of a booking, its deadlines in city time. */
export function pickupStateOf(deps: Pick<AppDeps, "config">, b: BookingRow): PickupState {
  const zone = deps.config.cityZone;
  return {
    status: b.status as PickupStatus,
    residentId: b.residentId,
    collectorId: b.collectorId,
    changeDeadline: changeDeadline(b.date, pickupSettings(deps), zone),
    dayStart: cityDayStart(b.date, zone),
    windowEnd: windowEnd(b.date, b.window as PickupWindow, zone),
    rating: b.rating,
  };
}

/**
 * The household the yearly quota counts: the street and the address with spacing, case and full-width
 * digits folded, so "3栋 101" and "3栋101" are one household.
 */
export function householdKey(streetCode: string, address: string): string {
  const folded = address
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s,，.。#号-]+/g, "");
  return `${streetCode}|${folded}`;
}

/** A booking number a resident can read out on the phone: date + six characters of the id. */
export const bookingNumber = (date: string, id: string): string =>
  `DJ${date.replaceAll("-", "")}${id.replaceAll("-", "").slice(-6).toUpperCase()}`;

export function toBooking(
  b: BookingRow,
  items: readonly BookingItemRow[],
  notes: ReadonlyMap<string, string | null>,
  deps: Pick<AppDeps, "config">,
  outcome: PickupOutcome | null,
  caseNumber: string | null = null,
  photos: PickupBooking["photos"] = [],
): PickupBooking {
  return {
    id: b.id,
    number: b.number,
    status: b.status as PickupStatus,
    slot: { id: b.slotId, streetCode: b.streetCode, date: b.date, window: b.window as PickupWindow },
    items: items.map((i) => ({ code: i.code, name: i.name, qty: i.qty, recyclable: i.recyclable })),
    volumePoints: b.volumePoints,
    address: b.address,
    location: { lat: b.lat, lng: b.lng },
    placement: b.placement,
    accessNotes: b.accessNotes,
    contactPhone: b.contactPhone,
    onBehalf: b.onBehalfName ? { name: b.onBehalfName } : null,
    photos,
    changeableUntil: changeDeadline(b.date, pickupSettings(deps), deps.config.cityZone).toISOString(),
    prepare: items.map((i) => notes.get(i.code)).filter((n): n is string => !!n),
    createdAt: b.createdAt,
    version: b.version,
    rating: b.rating,
    outcome,
    caseNumber: b.reportId ? caseNumber : null,
    caseId: b.reportId,
  };
}

/** The mini-program page of one booking, opened from its notifications. */
export const pickupPage = (id: string): string => `packages/pickups/booking/index?id=${id}`;

/** How a worked booking ended (completed or unable), or null while it has not been worked; photos as `viewerId` may see them. */
export async function pickupOutcomeOf(
  deps: Pick<AppDeps, "config" | "db" | "clock">,
  bookingId: string,
  viewerId: string,
  known?: PickupOutcome["photos"],
): Promise<PickupOutcome | null> {
  const o = await collectorDayRepo(deps.db).outcome(bookingId);
  if (!o) return null;
  const photos = known ?? (await bookingPhotos(deps, [bookingId], viewerId)).get(bookingId)?.outcomePhotos ?? [];
  return {
    status: o.row.status,
    at: o.row.at,
    taken: o.taken.map((t) => ({ code: t.code, name: t.name, qty: t.qty, recyclable: t.recyclable, kg: t.kg })),
    recycledKg: Object.fromEntries(o.recycled.map((r) => [r.class, r.kg])),
    unableReason: (o.row.unableReason as PickupOutcome["unableReason"]) ?? null,
    note: o.row.note,
    photoIds: o.photoIds,
    photos,
  };
}

/** The resident's view of their booking: its lines, photos, what to prepare, its outcome and the case "not collected" opened. */
export async function renderBooking(deps: Pick<AppDeps, "config" | "db" | "clock">, b: BookingRow): Promise<PickupBooking> {
  const repo = pickupsRepo(deps.db);
  const photos = (await bookingPhotos(deps, [b.id], b.residentId)).get(b.id);
  const [items, catalogue, outcome, cases] = await Promise.all([
    repo.bookingItems(b.id),
    repo.items(true),
    pickupOutcomeOf(deps, b.id, b.residentId, photos?.outcomePhotos ?? []),
    caseNumbersOf(deps.db, b.reportId ? [b.reportId] : []),
  ]);
  const notes = new Map(catalogue.map((i) => [i.code, i.note]));
  return toBooking(b, items, notes, deps, outcome, b.reportId ? (cases.get(b.reportId) ?? null) : null, photos?.photos ?? []);
}

import {
  addCityDays,
  cityClock,
  cityInstant,
  DEFAULT_CITY,
  DEFAULT_CITY_ZONE,
  PICKUP_WINDOWS,
  type PickupStatus,
  pickupStreetCode,
} from "@civic/shared";
import { inArray, sql } from "drizzle-orm";
import {
  pickupBookingItems,
  pickupBookings,
  pickupCollectorStreets,
  pickupHistory,
  pickupItems,
  pickupOutcomes,
  pickupRecycled,
  pickupSlots,
  pickupTakenItems,
  userRoles,
  users,
} from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import { bookingNumber, householdKey } from "../pickups/pickup-views";
import { newId } from "../platform/ids";
import { DEMO_BOOKINGS } from "./demo-pickup-bookings";
import { DEMO_PICKUP_ITEMS } from "./pickup-items";

/*
 * Demo data for bulky-waste pickups (大件垃圾预约), relative to the seed's "today" (city date): the item
 * catalogue, am/pm slots for the coming 3 weeks on 10 streets, 3 collectors with their streets (dev-login
 * openids demo-collector, demo-collector-2, demo-collector-3), and a demo resident's (demo-pickup-resident)
 * bookings in every state, each with the pickup_history rows that led there and its slot's capacity taken.
 * Completed outcomes (items taken, recycled kg) are left to their own tables' seed.
 */

const STREETS = DEFAULT_CITY.streets.filter((s) => s.districtCode === "320508" || s.districtCode === "320571").slice(0, 10);
/** The demo's street codes; the first has the demo resident's bookings. */
export const DEMO_PICKUP_STREETS = STREETS.map(pickupStreetCode);
const SLOT_DAYS = 21;
const CAPACITY = { am: 20, pm: 16 } as const;
/**
 * Not the H5 role picker's demo-resident: the reminder job would fill that resident's inbox, which the
 * report story counts. Sign in as this one with dev-login openid "demo-pickup-resident".
 */
export const DEMO_PICKUP_RESIDENT_OPENID = "dev:demo-pickup-resident";
export const DEMO_COLLECTOR_OPENIDS = ["dev:demo-collector", "dev:demo-collector-2", "dev:demo-collector-3"] as const;
const COLLECTOR_NAMES = ["回收员张师傅", "回收员李师傅", "回收员王师傅"];
/** Which of STREETS each collector serves (the first, the demo's, has the demo bookings). */
const COLLECTOR_STREETS = [
  [0, 1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];

const HOLDS: readonly PickupStatus[] = ["booked", "accepted", "arrived", "completed", "unable", "missed"];

const chunks = <T>(rows: T[], n: number) => Array.from({ length: Math.ceil(rows.length / n) }, (_, i) => rows.slice(i * n, i * n + n));

/** The catalogue, if there is none yet; returns how many items were added. */
export async function seedPickupItemsIfEmpty(db: AppDb, atomic: AppDeps["atomic"], now: Date): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(pickupItems);
  if (Number(row?.n ?? 0) > 0) return 0;
  const at = now.toISOString();
  await atomic([
    db
      .insert(pickupItems)
      .values(DEMO_PICKUP_ITEMS.map((i) => ({ ...i, note: i.note ?? null, active: true, createdAt: at, updatedAt: at }))),
  ]);
  return DEMO_PICKUP_ITEMS.length;
}

/** Users by openid, created if missing (a demo visitor may have signed in before the seed ran). */
export async function demoUsers(db: AppDb, atomic: AppDeps["atomic"], wanted: { openid: string; nickname: string }[], at: string) {
  await atomic([
    db
      .insert(users)
      .values(wanted.map((u) => ({ id: newId(), ...u, createdAt: at })))
      .onConflictDoNothing(),
  ]);
  const rows = await db
    .select({ id: users.id, openid: users.openid })
    .from(users)
    .where(
      inArray(
        users.openid,
        wanted.map((u) => u.openid),
      ),
    );
  return new Map(rows.map((r) => [r.openid, r.id]));
}

/**
 * Seeds the pickups demo into a database without slots (so it runs once, like the rest of the seed);
 * returns how many bookings were added.
 */
export async function seedDemoPickupsIfEmpty(db: AppDb, atomic: AppDeps["atomic"], now: Date): Promise<number> {
  await seedPickupItemsIfEmpty(db, atomic, now);
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(pickupSlots);
  if (Number(row?.n ?? 0) > 0) return 0;
  const at = now.toISOString();
  const today = cityClock(now, DEFAULT_CITY_ZONE).date;
  const streetCodes = DEMO_PICKUP_STREETS;
  const ids = await demoUsers(
    db,
    atomic,
    [
      { openid: DEMO_PICKUP_RESIDENT_OPENID, nickname: "大件预约演示居民" },
      ...DEMO_COLLECTOR_OPENIDS.map((openid, i) => ({ openid, nickname: COLLECTOR_NAMES[i]! })),
    ],
    at,
  );
  const residentId = ids.get(DEMO_PICKUP_RESIDENT_OPENID)!;
  const collectorIds = DEMO_COLLECTOR_OPENIDS.map((o) => ids.get(o)!);
  const catalogue = new Map((await db.select().from(pickupItems)).map((i) => [i.code, i]));

  // Slots: the coming 3 weeks on every demo street, and the past few days on the demo street (its history).
  const slots = new Map<string, typeof pickupSlots.$inferInsert>();
  const addSlot = (street: string, date: string, window: "am" | "pm") =>
    slots.set(`${street}|${date}|${window}`, {
      id: newId(),
      streetCode: street,
      date,
      window,
      capacityPoints: CAPACITY[window],
      bookedPoints: 0,
      createdAt: at,
    });
  for (let d = 1; d <= SLOT_DAYS; d++)
    for (const s of streetCodes) for (const w of ["am", "pm"] as const) addSlot(s, addCityDays(today, d), w);
  for (let d = -3; d <= 0; d++) for (const w of ["am", "pm"] as const) addSlot(streetCodes[0]!, addCityDays(today, d), w);

  const street = STREETS[0]!;
  const bookings: (typeof pickupBookings.$inferInsert)[] = [];
  const lines: (typeof pickupBookingItems.$inferInsert)[] = [];
  const history: (typeof pickupHistory.$inferInsert)[] = [];
  const outcomes: (typeof pickupOutcomes.$inferInsert)[] = [];
  const taken: (typeof pickupTakenItems.$inferInsert)[] = [];
  const recycled: (typeof pickupRecycled.$inferInsert)[] = [];
  const cap = (ms: number) => new Date(Math.min(ms, now.getTime() - 60_000)).toISOString();
  DEMO_BOOKINGS.forEach((spec, n) => {
    const date = addCityDays(today, spec.day);
    const slot = slots.get(`${streetCodes[0]}|${date}|${spec.window}`)!;
    const id = newId();
    const points = spec.items.reduce((sum, i) => sum + catalogue.get(i.code)!.volumePoints * i.qty, 0);
    if (HOLDS.includes(spec.status)) slot.bookedPoints = (slot.bookedPoints ?? 0) + points;
    const address = `${street.name}人民路 ${120 + n * 8} 号 ${n + 1} 栋 ${101 + n * 100}`;
    const windowStart = cityInstant(date, PICKUP_WINDOWS[spec.window].start, DEFAULT_CITY_ZONE).getTime();
    const createdMs = Math.min(cityInstant(addCityDays(date, -6), "10:00", DEFAULT_CITY_ZONE).getTime(), now.getTime() - 2 * 86_400_000);
    const collectorHeld = spec.steps.some((s) => s.action === "accept");
    // book at creation, accept the next morning, the day's steps in the window, rating the day after.
    const times = spec.steps.map((s, i) => {
      if (s.action === "book") return createdMs;
      if (s.action === "accept") return createdMs + 20 * 3_600_000;
      if (s.action === "cancel") return createdMs + 26 * 3_600_000;
      if (s.action === "rate") return windowStart + 30 * 3_600_000;
      if (s.action === "missed") return windowStart + 5 * 3_600_000;
      return windowStart + i * 20 * 60_000;
    });
    let from: PickupStatus | null = null;
    spec.steps.forEach((s, i) => {
      history.push({
        id: newId(),
        bookingId: id,
        action: s.action,
        fromStatus: from,
        toStatus: s.to,
        actorId: s.by === "collector" ? collectorIds[0]! : residentId,
        note: s.note ?? null,
        at: cap(times[i]!),
      });
      from = s.to;
    });
    if (spec.outcome) {
      // The outcome the collector's complete or unable would have stored, at the moment of its history row.
      const outcomeAt = cap(times[spec.steps.findIndex((s) => s.action === "complete" || s.action === "unable")]!);
      const unable = "unableReason" in spec.outcome ? spec.outcome : null;
      outcomes.push({
        bookingId: id,
        status: unable ? "unable" : "completed",
        collectorId: collectorIds[0]!,
        unableReason: unable?.unableReason ?? null,
        note: unable?.note ?? null,
        at: outcomeAt,
      });
      if (!unable && "kg" in spec.outcome) {
        const kgs = spec.outcome.kg;
        const perClass = new Map<string, number>();
        for (const i of spec.items) {
          const item = catalogue.get(i.code)!;
          const kg = item.recyclable ? (kgs[i.code] ?? null) : null;
          taken.push({
            bookingId: id,
            code: i.code,
            name: item.name,
            category: item.category,
            recyclable: item.recyclable,
            qty: i.qty,
            kg,
          });
          if (kg !== null) perClass.set(item.category, (perClass.get(item.category) ?? 0) + kg);
        }
        for (const [cls, kg] of perClass)
          recycled.push({ id: newId(), bookingId: id, residentId, class: cls, kg, at: outcomeAt, creditedAt: null });
      }
    }
    bookings.push({
      id,
      number: bookingNumber(date, id),
      residentId,
      status: spec.status,
      slotId: slot.id,
      streetCode: streetCodes[0]!,
      date,
      window: spec.window,
      address,
      householdKey: householdKey(streetCodes[0]!, address),
      quotaYear: date.slice(0, 4),
      lat: street.centre.lat + 0.002 * ((n % 3) - 1),
      lng: street.centre.lng + 0.002 * ((n % 4) - 1.5),
      placement: n % 2 ? "单元楼下垃圾房旁" : "小区东门保安亭边",
      accessNotes: n % 2 ? "小区东门进，右转第二栋" : "",
      contactPhone: spec.onBehalf?.phone ?? "13800000000",
      onBehalfName: spec.onBehalf?.name ?? null,
      volumePoints: points,
      collectorId: collectorHeld && spec.status !== "cancelled" ? collectorIds[0]! : null,
      rating: spec.rating ?? null,
      createdAt: cap(createdMs),
      updatedAt: cap(times.at(-1)!),
      version: spec.steps.length,
    });
    for (const i of spec.items) {
      const item = catalogue.get(i.code)!;
      lines.push({
        bookingId: id,
        code: i.code,
        name: item.name,
        qty: i.qty,
        volumePoints: item.volumePoints,
        recyclable: item.recyclable,
      });
    }
  });

  const statements: unknown[] = [
    ...chunks([...slots.values()], 100).map((rows) => db.insert(pickupSlots).values(rows)),
    db
      .insert(userRoles)
      .values(collectorIds.map((userId) => ({ userId, role: "collector" as const, grantedAt: at, grantedBy: null })))
      .onConflictDoNothing(),
    db
      .insert(pickupCollectorStreets)
      .values(
        collectorIds.flatMap((userId, c) => COLLECTOR_STREETS[c]!.map((s) => ({ userId, streetCode: streetCodes[s]!, createdAt: at }))),
      )
      .onConflictDoNothing(),
    db.insert(pickupBookings).values(bookings),
    db.insert(pickupBookingItems).values(lines),
    db.insert(pickupHistory).values(history),
    ...(outcomes.length ? [db.insert(pickupOutcomes).values(outcomes)] : []),
    ...(taken.length ? [db.insert(pickupTakenItems).values(taken)] : []),
    ...(recycled.length ? [db.insert(pickupRecycled).values(recycled)] : []),
  ];
  await atomic(statements);
  return bookings.length;
}

import { cityClock, DEFAULT_CITY, findDistrict, pickupStreetCode, streetsOf } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import { auditStatement } from "../platform/audit";
import { conflict, notFound, validationFailed } from "../platform/errors";
import type { AppRouteHandler } from "../platform/router";
import type { PickupBlackoutRow } from "./pickup-bureau.repo";
import { pickupBureauRepo } from "./pickup-bureau.repo";
import type { adminListSlots, adminPatchSlot, createBlackout, deleteBlackout, listBlackouts } from "./pickup-bureau.routes";
import { slotView } from "./pickup-views";
import { pickupsRepo } from "./pickups.repo";

/* The admin's blackout dates and per-slot capacity. Every write is one guarded statement plus its audit row. */

/** Longest range the admin slot list reads (a quarter, like bulk creation). */
const MAX_LIST_DAYS = 92;

/** The 409 a booking or a move onto a blackout date gets. */
export const blackedOut = (date: string) =>
  conflict(`no collections on ${date} (blackout date); pick another day`, { reason: "blackout", date });

const blackoutView = (b: PickupBlackoutRow) => ({ date: b.date, reason: b.reason, createdAt: b.createdAt });

/** The street codes of a district given by code or name (422 for one the city does not have). */
export function districtStreets(key: string): { code: string; streets: string[] } {
  const district = findDistrict(DEFAULT_CITY, key);
  if (!district) throw validationFailed("unknown district", [{ path: "district", message: `unknown district ${key}` }]);
  return { code: district.code, streets: streetsOf(DEFAULT_CITY, district.code).map(pickupStreetCode) };
}

export const listBlackoutsHandler: AppRouteHandler<typeof listBlackouts> = async (c) => {
  const rows = await pickupBureauRepo(c.get("deps").db).blackouts();
  return c.json({ blackouts: rows.map(blackoutView) }, 200);
};

export const createBlackoutHandler: AppRouteHandler<typeof createBlackout> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const body = c.req.valid("json");
  const now = deps.clock();
  if (body.date < cityClock(now, deps.config.cityZone).date) {
    throw validationFailed("a blackout date cannot lie in the past", [{ path: "date", message: "in the past" }]);
  }
  const repo = pickupBureauRepo(deps.db);
  const exists = () => conflict(`${body.date} is already a blackout date`, { reason: "exists", date: body.date });
  if (await repo.blackout(body.date)) throw exists();
  const row = { date: body.date, reason: body.reason, createdBy: actor.id, createdAt: now.toISOString() };
  // The audit row and the blackout share one guard, read before either is written: both apply or neither.
  const guard = repo.blackoutAllowed(body.date);
  await deps.atomic([
    auditStatement(
      deps.db,
      {
        actorId: actor.id,
        action: "pickup.blackout.create",
        targetType: "pickup_blackout",
        targetId: body.date,
        detail: body,
        at: row.createdAt,
      },
      guard,
    ),
    repo.insertBlackoutStatement(row, guard),
  ]);
  const saved = await repo.blackout(body.date);
  const ours = saved && saved.createdBy === row.createdBy && saved.createdAt === row.createdAt && saved.reason === row.reason;
  if (saved && ours) return c.json(blackoutView(saved), 201);
  if (saved) throw exists();
  const bookings = await repo.liveBookingsOn(body.date);
  throw conflict(`${bookings} bookings on ${body.date} are still open; cancel or move them first`, {
    reason: "has_bookings",
    date: body.date,
    bookings,
  });
};

export const deleteBlackoutHandler: AppRouteHandler<typeof deleteBlackout> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { date } = c.req.valid("param");
  const repo = pickupBureauRepo(deps.db);
  const before = await repo.blackout(date);
  if (!before) throw notFound("blackout");
  const at = deps.clock().toISOString();
  // The audit row first, while the blackout is still there: of two parallel lifts only one is recorded.
  await deps.atomic([
    auditStatement(
      deps.db,
      {
        actorId: actor.id,
        action: "pickup.blackout.delete",
        targetType: "pickup_blackout",
        targetId: date,
        detail: blackoutView(before),
        at,
      },
      repo.blackoutExists(date),
    ),
    repo.deleteBlackoutStatement(date),
  ]);
  const rows = await repo.blackouts();
  return c.json({ blackouts: rows.map(blackoutView) }, 200);
};

export const adminListSlotsHandler: AppRouteHandler<typeof adminListSlots> = async (c) => {
  const deps = c.get("deps");
  const q = c.req.valid("query");
  if (!q.street && !q.district) {
    throw validationFailed("name a street or a district", [{ path: "street", message: "street or district is required" }]);
  }
  const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
  if (days < 0 || days >= MAX_LIST_DAYS) {
    throw validationFailed(`from..to must be a range of 1..${MAX_LIST_DAYS} days`, [{ path: "to", message: "out of range" }]);
  }
  const streets = q.street ? [q.street] : districtStreets(q.district as string).streets;
  const rows = await pickupBureauRepo(deps.db).slotsOfStreets(streets, q.from, q.to);
  return c.json({ slots: rows.map(slotView) }, 200);
};

export const adminPatchSlotHandler: AppRouteHandler<typeof adminPatchSlot> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const { capacityPoints } = c.req.valid("json");
  const slots = pickupsRepo(deps.db);
  const before = await slots.slot(id);
  if (!before) throw notFound("slot");
  const repo = pickupBureauRepo(deps.db);
  const at = deps.clock().toISOString();
  await deps.atomic([
    repo.setCapacityStatement(id, capacityPoints),
    auditStatement(
      deps.db,
      {
        actorId: actor.id,
        action: "pickup.slot.capacity",
        targetType: "pickup_slot",
        targetId: id,
        detail: { from: before.capacityPoints, to: capacityPoints },
        at,
      },
      repo.hasCapacity(id, capacityPoints),
    ),
  ]);
  const after = await slots.slot(id);
  if (!after) throw notFound("slot");
  if (after.capacityPoints !== capacityPoints) {
    throw conflict(`${after.bookedPoints} points are booked on this slot; its capacity cannot go below that`, {
      reason: "below_booked",
      booked: after.bookedPoints,
      capacityPoints: after.capacityPoints,
    });
  }
  return c.json(slotView(after), 200);
};

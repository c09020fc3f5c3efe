import {
  addCityDays,
  bookableDates,
  checkItems,
  DEFAULT_CITY,
  decidePickup,
  isBookableDate,
  type PickupStatus,
  type PickupWindow,
  quotaYear,
  resolvePlace,
  volumeOf,
} from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { conflict, notFound, validationFailed } from "../platform/errors";
import { idempotencyRequest, idempotent } from "../platform/idempotency";
import { newId } from "../platform/ids";
import { grantStatement } from "../platform/notifications/grants";
import type { AppRouteHandler } from "../platform/router";
import { attachUploads } from "../platform/uploads/attach";
import { bookingChangesRepo } from "./booking-changes.repo";
import { BOOKING_PHOTOS } from "./photos";
import { blackedOut } from "./pickup-bureau.handlers";
import { pickupBureauRepo } from "./pickup-bureau.repo";
import { bookingNumber, householdKey, pickupSettings, pickupStateOf, renderBooking, slotView } from "./pickup-views";
import { type BookingRow, pickupsRepo } from "./pickups.repo";
import type { cancelPickup, createPickup, listPickupItems, listPickupSlots, myPickups, pickupById } from "./pickups.routes";

export const listPickupItemsHandler: AppRouteHandler<typeof listPickupItems> = async (c) => {
  const items = await pickupsRepo(c.get("deps").db).items(false);
  return c.json({ items }, 200);
};

export const listPickupSlotsHandler: AppRouteHandler<typeof listPickupSlots> = async (c) => {
  const deps = c.get("deps");
  const q = c.req.valid("query");
  const window = bookableDates(deps.clock(), pickupSettings(deps), deps.config.cityZone);
  const from = q.from && q.from > window.first ? q.from : window.first;
  const to = q.to && q.to < window.last ? q.to : window.last;
  const rows = from <= to ? await pickupsRepo(deps.db).slotsOf(q.street, from, to) : [];
  const slots = rows.map(slotView);
  return c.json({ slots, firstDate: window.first, lastDate: window.last }, 200);
};

const render = renderBooking;

export const createPickupHandler: AppRouteHandler<typeof createPickup> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const body = c.req.valid("json");
  const key = c.req.valid("header")["idempotency-key"];
  const settings = pickupSettings(deps);
  const repo = pickupsRepo(deps.db);
  const answer = await idempotent(deps, await idempotencyRequest("pickup.book", `user:${user.id}`, key, body), {
    replay: async (id) => {
      const b = await repo.booking(id);
      return b && b.residentId === user.id ? { status: 201, body: await render(deps, b) } : null;
    },
    run: async (claim) => {
      const catalogue = await repo.items(true);
      const check = checkItems(body.items, catalogue, settings.maxItems);
      if (!check.ok) throw validationFailed(check.message, check.issues);
      // The map point must lie in the city the bureau serves (the collector navigates to it).
      if (!resolvePlace(DEFAULT_CITY, body.location)) {
        throw validationFailed("the point on the map is outside the city", [{ path: "location", message: "outside the city" }]);
      }
      const slot = await repo.slot(body.slotId);
      if (!slot) throw notFound("slot");
      const now = deps.clock();
      if (!isBookableDate(slot.date, now, settings, deps.config.cityZone)) {
        throw conflict("this date can no longer be booked; pick another slot", {
          reason: "not_bookable",
          ...bookableDates(now, settings, deps.config.cityZone),
        });
      }
      if (await pickupBureauRepo(deps.db).blackout(slot.date)) throw blackedOut(slot.date);
      const points = volumeOf(body.items, catalogue);
      const household = householdKey(slot.streetCode, body.address);
      const year = quotaYear(slot.date);
      const at = now.toISOString();
      const id = claim.resourceId;
      const row = {
        id,
        number: bookingNumber(slot.date, id),
        residentId: user.id,
        status: "booked",
        slotId: slot.id,
        streetCode: slot.streetCode,
        date: slot.date,
        window: slot.window,
        address: body.address,
        householdKey: household,
        quotaYear: year,
        lat: body.location.lat,
        lng: body.location.lng,
        placement: body.placement,
        accessNotes: body.accessNotes ?? "",
        contactPhone: body.contactPhone,
        onBehalfName: body.onBehalf?.name ?? null,
        volumePoints: points,
        collectorId: null,
        rating: null,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      const byCode = new Map(catalogue.map((i) => [i.code, i]));
      // Photos of the items (optional) are attached only if the booking row was written.
      const photos = await attachUploads(deps, {
        ownerType: BOOKING_PHOTOS,
        ownerId: id,
        uploadIds: body.photoIds ?? [],
        userId: user.id,
        guard: repo.bookingExists(id),
      });
      await deps.atomic([
        ...(claim.statement ? [claim.statement] : []),
        repo.insertBookingStatement(row, settings.yearlyQuota, claim.guard),
        ...body.items.map((l) => {
          const item = byCode.get(l.code)!;
          return repo.insertItemStatement({
            bookingId: id,
            code: l.code,
            name: item.name,
            qty: l.qty,
            volumePoints: item.volumePoints,
            recyclable: item.recyclable,
          });
        }),
        ...photos,
        repo.takeCapacityStatement(slot.id, points, id),
        repo.historyStatement({ bookingId: id, action: "book", from: null, to: "booked", actorId: user.id, at }, repo.bookingExists(id)),
        // The pickups template's grant, if accepted at the tap: the booking's messages may then reach WeChat.
        ...[...new Set(body.subscriptions ?? [])]
          .filter((t) => t === deps.config.notifications.pickupTemplateId)
          .map((templateId) => grantStatement(deps.db, { userId: user.id, templateId, now: at, guard: repo.bookingExists(id) })),
      ]);
      if (!(await claim.won())) return null;
      const saved = await repo.booking(id);
      if (saved) return { status: 201, body: await render(deps, saved) };
      // Refused inside the statement: say which limit stopped it, from what holds now.
      if (await pickupBureauRepo(deps.db).blackout(slot.date)) throw blackedOut(slot.date);
      const fresh = await repo.slot(slot.id);
      if (!fresh || fresh.bookedPoints + points > fresh.capacityPoints) {
        const remaining = fresh ? Math.max(0, fresh.capacityPoints - fresh.bookedPoints) : 0;
        throw conflict("this slot is full; pick another slot, your items and address are kept", { reason: "slot_full", remaining });
      }
      throw conflict(`this household has used its ${settings.yearlyQuota} pickups for ${year}`, {
        reason: "quota_used",
        quota: settings.yearlyQuota,
      });
    },
  });
  return c.json(answer.body, 201);
};

export const myPickupsHandler: AppRouteHandler<typeof myPickups> = async (c) => {
  const deps = c.get("deps");
  const rows = await pickupsRepo(deps.db).mine(currentUser(c).id);
  const bookings = rows.map((b) => ({
    id: b.id,
    number: b.number,
    status: b.status as PickupStatus,
    slot: { id: b.slotId, streetCode: b.streetCode, date: b.date, window: b.window as PickupWindow },
    volumePoints: b.volumePoints,
    createdAt: b.createdAt,
  }));
  return c.json({ bookings }, 200);
};

async function ownBooking(deps: AppDeps, userId: string, id: string): Promise<BookingRow> {
  const b = await pickupsRepo(deps.db).booking(id);
  // Someone else's booking does not exist as far as this caller can tell.
  if (!b || b.residentId !== userId) throw notFound("booking");
  return b;
}

export const pickupByIdHandler: AppRouteHandler<typeof pickupById> = async (c) => {
  const deps = c.get("deps");
  const b = await ownBooking(deps, currentUser(c).id, c.req.valid("param").id);
  return c.json(await render(deps, b), 200);
};

export const cancelPickupHandler: AppRouteHandler<typeof cancelPickup> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { reason } = c.req.valid("json");
  const b = await ownBooking(deps, user.id, c.req.valid("param").id);
  const now = deps.clock();
  const state = pickupStateOf(deps, b);
  if (b.status === "cancelled") return c.json(await render(deps, b), 200);
  const d = decidePickup(state, { type: "cancel", reason }, user, now);
  if (!d.ok) {
    const msg =
      d.why === "deadline_passed"
        ? `cancelling closed at ${pickupSettings(deps).amendCutoff} on ${addCityDays(b.date, -1)}`
        : "this booking can no longer be cancelled";
    throw conflict(msg, { reason: d.why });
  }
  const repo = pickupsRepo(deps.db);
  const at = now.toISOString();
  // Claimed by a fresh history row, so parallel cancels of one booking release its points once.
  const changes = bookingChangesRepo(deps.db);
  const hid = newId();
  const entry = { action: "cancel", from: b.status, to: "cancelled", actorId: user.id, note: reason ?? null, at };
  await deps.atomic([
    changes.claimStatement(b, hid, entry),
    changes.moveStatement(b, "cancelled", at, hid),
    changes.adjustSlotStatement(hid, b.slotId, -b.volumePoints),
  ]);
  const after = await repo.booking(b.id);
  if (after?.status !== "cancelled") throw conflict("the booking changed meanwhile; reload and try again");
  return c.json(await render(deps, after), 200);
};

import {
  addCityDays,
  bookableDates,
  checkItems,
  decidePickup,
  isBookableDate,
  PICKUP_WINDOWS,
  type PickupAction,
  type PickupDecision,
  type PickupWindow,
  quotaYear,
} from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { conflict, notFound, validationFailed } from "../platform/errors";
import { newId } from "../platform/ids";
import type { AppRouteHandler } from "../platform/router";
import { bureauCaseStatements, PICKUP_MISSED_CATEGORY } from "../reports/bureau-cases";
import { screenReportText } from "../reports/reports.service";
import { bookingChangesRepo } from "./booking-changes.repo";
import type { amendPickup, pickupMissed, ratePickup } from "./booking-changes.routes";
import { blackedOut } from "./pickup-bureau.handlers";
import { pickupBureauRepo } from "./pickup-bureau.repo";
import { pickupSettings, pickupStateOf, renderBooking } from "./pickup-views";
import { type BookingRow, pickupsRepo } from "./pickups.repo";
import { forgetRemindersStatement } from "./reminders";

/* The resident's amend (items, slot), "not collected" (which opens a 随手拍 case to the bureau) and rating of their own booking. */

const render = renderBooking;

async function ownBooking(deps: AppDeps, userId: string, id: string): Promise<BookingRow> {
  const b = await pickupsRepo(deps.db).booking(id);
  // Someone else's booking does not exist as far as this caller can tell.
  if (!b || b.residentId !== userId) throw notFound("booking");
  return b;
}

/** The lifecycle's answer, or a 409 saying why not. */
function decide(deps: AppDeps, b: BookingRow, action: PickupAction, user: { id: string; roles: readonly string[] }) {
  const d: PickupDecision = decidePickup(pickupStateOf(deps, b), action, user, deps.clock());
  if (d.ok) return d;
  const messages: Record<string, string> = {
    deadline_passed: `changes closed at ${pickupSettings(deps).amendCutoff} on ${addCityDays(b.date, -1)}`,
    too_early: "the collection window has not ended yet",
    already_rated: "this collection is already rated",
    illegal_transition: `not possible while the booking is ${b.status}`,
  };
  throw conflict(messages[d.why] ?? "not possible now", { reason: d.why, status: b.status });
}

/** Whether this request's group applied: its history row (a fresh id) exists. */
const claimed = (deps: AppDeps, historyId: string) => bookingChangesRepo(deps.db).claimed(historyId);

const stale = () => conflict("the booking changed meanwhile; reload and try again", { reason: "stale" });

export const amendPickupHandler: AppRouteHandler<typeof amendPickup> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const body = c.req.valid("json");
  const b = await ownBooking(deps, user.id, c.req.valid("param").id);
  if (body.version !== b.version) throw stale();
  const d = decide(deps, b, { type: "amend" }, user);
  const settings = pickupSettings(deps);
  const repo = pickupsRepo(deps.db);
  const changes = bookingChangesRepo(deps.db);
  const catalogue = await repo.items(true);
  const current = await repo.bookingItems(b.id);
  const lines = body.items ?? current.map((i) => ({ code: i.code, qty: i.qty }));
  if (body.items) {
    const check = checkItems(lines, catalogue, settings.maxItems);
    if (!check.ok) throw validationFailed(check.message, check.issues);
  }
  const slot = body.slotId && body.slotId !== b.slotId ? await repo.slot(body.slotId) : await repo.slot(b.slotId);
  if (!slot) throw notFound("slot");
  const now = deps.clock();
  if (slot.id !== b.slotId) {
    // The address lies in the booked street; another street's truck would not come to it.
    if (slot.streetCode !== b.streetCode) {
      throw validationFailed("the new slot is in another street", [{ path: "slotId", message: "another street" }]);
    }
    if (!isBookableDate(slot.date, now, settings, deps.config.cityZone)) {
      throw conflict("this date can no longer be booked; pick another slot", {
        reason: "not_bookable",
        ...bookableDates(now, settings, deps.config.cityZone),
      });
    }
  }
  if (slot.id !== b.slotId && (await pickupBureauRepo(deps.db).blackout(slot.date))) throw blackedOut(slot.date);
  // Lines keep the name and points they were booked with; new codes take today's catalogue.
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const kept = new Map(current.map((i) => [i.code, i]));
  const rows = lines.map((l) => {
    const old = kept.get(l.code);
    const item = byCode.get(l.code)!;
    return old
      ? { ...old, qty: l.qty }
      : { bookingId: b.id, code: l.code, name: item.name, qty: l.qty, volumePoints: item.volumePoints, recyclable: item.recyclable };
  });
  const points = body.items ? rows.reduce((s, r) => s + r.qty * r.volumePoints, 0) : b.volumePoints;
  const dateMoved = slot.date !== b.date;
  const toStatus = dateMoved && b.status === "accepted" ? "booked" : d.to;
  const year = quotaYear(slot.date);
  const at = now.toISOString();
  const plan = {
    slot,
    points,
    quotaYear: year,
    quota: year !== b.quotaYear ? { householdKey: b.householdKey, limit: settings.yearlyQuota } : null,
    toStatus,
    collectorId: toStatus === "booked" ? null : b.collectorId,
    at,
  };
  const sameSlot = slot.id === b.slotId;
  const note = [
    body.items ? `items ${b.volumePoints}→${points} points` : null,
    sameSlot ? null : `slot ${b.date} ${b.window}→${slot.date} ${slot.window}`,
  ]
    .filter(Boolean)
    .join("; ");
  const hid = newId();
  const entry = { action: "amend", from: b.status, to: toStatus, actorId: user.id, note, at };
  await deps.atomic([
    changes.claimStatement(b, hid, entry, changes.amendGuard(b, plan)),
    changes.amendBookingStatement(b, plan, hid),
    // Take before release: on another slot the new points first, then the old back; on the same slot the difference only.
    ...(sameSlot
      ? [changes.adjustSlotStatement(hid, slot.id, points - b.volumePoints)]
      : [changes.adjustSlotStatement(hid, slot.id, points), changes.adjustSlotStatement(hid, b.slotId, -b.volumePoints)]),
    ...(body.items ? [changes.deleteItemsStatement(b, hid), ...rows.map((r) => changes.itemStatement(hid, r))] : []),
    // A new date: the reminders already sent were about the old one.
    ...(dateMoved ? [forgetRemindersStatement(deps.db, b.id, changes.ran(hid))] : []),
  ]);
  const after = await repo.booking(b.id);
  if (!after || !(await claimed(deps, hid))) {
    if (after && after.version !== b.version) throw stale();
    if (!sameSlot && (await pickupBureauRepo(deps.db).blackout(slot.date))) throw blackedOut(slot.date);
    const fresh = await repo.slot(slot.id);
    const remaining = fresh ? Math.max(0, fresh.capacityPoints - fresh.bookedPoints) : 0;
    if (plan.quota) throw conflict(`this household has used its ${settings.yearlyQuota} pickups for ${year}`, { reason: "quota_used" });
    throw conflict("this slot has no room for the change; pick another slot", { reason: "slot_full", remaining });
  }
  return c.json(await render(deps, after), 200);
};

export const pickupMissedHandler: AppRouteHandler<typeof pickupMissed> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { note } = c.req.valid("json");
  const b = await ownBooking(deps, user.id, c.req.valid("param").id);
  // A repeat answers the booking and its one case.
  if (b.status === "missed") return c.json(await render(deps, b), 200);
  decide(deps, b, { type: "missed" }, user);
  const repo = pickupsRepo(deps.db);
  const changes = bookingChangesRepo(deps.db);
  const now = deps.clock();
  const at = now.toISOString();
  const hid = newId();
  const reportId = newId();
  const entry = { action: "missed", from: b.status, to: "missed", actorId: user.id, note: note ?? null, at };
  // The case to the bureau is filed in the same group, guarded by this claim: of parallel "not collected"
  // requests one claims the booking, and only its group writes the move and the one report.
  const window = PICKUP_WINDOWS[b.window as PickupWindow]?.label ?? b.window;
  const description = [`大件垃圾预约未按约收运：预约编号 ${b.number}，${b.date} ${window}。`, note ? `居民说明：${note}` : null]
    .filter(Boolean)
    .join("");
  const caseStatements = await bureauCaseStatements(
    deps.db,
    PICKUP_MISSED_CATEGORY,
    { id: reportId, reporterId: b.residentId, description, address: b.address, location: { lat: b.lat, lng: b.lng } },
    now,
    deps.config.cityZone,
    changes.ran(hid),
  );
  await deps.atomic([changes.claimStatement(b, hid, entry), ...caseStatements, changes.moveStatement(b, "missed", at, hid, { reportId })]);
  const after = await repo.booking(b.id);
  if (!after || !(await claimed(deps, hid))) throw stale();
  await screenReportText(deps, reportId, b.residentId, description);
  return c.json(await render(deps, after), 200);
};

export const ratePickupHandler: AppRouteHandler<typeof ratePickup> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { rating, comment } = c.req.valid("json");
  const b = await ownBooking(deps, user.id, c.req.valid("param").id);
  decide(deps, b, { type: "rate", rating }, user);
  const repo = pickupsRepo(deps.db);
  const changes = bookingChangesRepo(deps.db);
  const at = deps.clock().toISOString();
  const hid = newId();
  // The comment lives in the history row beside the rating's moment.
  const entry = { action: "rate", from: b.status, to: b.status, actorId: user.id, note: comment ?? null, at };
  await deps.atomic([changes.claimStatement(b, hid, entry, changes.notRated(b)), changes.rateStatement(b, rating, at, hid)]);
  const after = await repo.booking(b.id);
  if (!after || !(await claimed(deps, hid))) throw conflict("this collection is already rated", { reason: "already_rated" });
  return c.json(await render(deps, after), 200);
};

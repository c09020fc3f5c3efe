import { addCityDays, DEFAULT_CITY, pickupStreetCode } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import { auditStatement } from "../platform/audit";
import { conflict, notFound, validationFailed } from "../platform/errors";
import type { AppRouteHandler } from "../platform/router";
import { pickupAdminRepo } from "./pickup-admin.repo";
import { pickupBureauRepo } from "./pickup-bureau.repo";
import { pickupsRepo } from "./pickups.repo";
import type { adminCreatePickupItem, adminCreatePickupSlots, adminListPickupItems, adminUpdatePickupItem } from "./pickups.routes";

/** Longest date range one bulk request may fill (a quarter), so a typo cannot create years of slots. */
const MAX_BULK_DAYS = 92;
const KNOWN_STREETS = new Set(DEFAULT_CITY.streets.map(pickupStreetCode));

export const adminListPickupItemsHandler: AppRouteHandler<typeof adminListPickupItems> = async (c) => {
  return c.json({ items: await pickupsRepo(c.get("deps").db).items(true) }, 200);
};

export const adminCreatePickupItemHandler: AppRouteHandler<typeof adminCreatePickupItem> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const body = c.req.valid("json");
  const at = deps.clock().toISOString();
  const item = { ...body, note: body.note ?? null, active: true };
  if (await pickupsRepo(deps.db).item(body.code)) throw conflict(`an item with code ${body.code} exists`);
  await deps.atomic([
    pickupAdminRepo(deps.db).insertItemStatement(item, at),
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "pickup.item.create",
      targetType: "pickup_item",
      targetId: body.code,
      detail: item,
      at,
    }),
  ]);
  return c.json(item, 201);
};

export const adminUpdatePickupItemHandler: AppRouteHandler<typeof adminUpdatePickupItem> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { code } = c.req.valid("param");
  const patch = c.req.valid("json");
  const repo = pickupsRepo(deps.db);
  const before = await repo.item(code);
  if (!before) throw notFound("item");
  const at = deps.clock().toISOString();
  await deps.atomic([
    pickupAdminRepo(deps.db).updateItemStatement(code, patch, at),
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "pickup.item.update",
      targetType: "pickup_item",
      targetId: code,
      detail: patch,
      at,
    }),
  ]);
  const after = (await repo.items(true)).find((i) => i.code === code);
  if (!after) throw notFound("item");
  return c.json(after, 200);
};

export const adminCreatePickupSlotsHandler: AppRouteHandler<typeof adminCreatePickupSlots> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const body = c.req.valid("json");
  const unknown = body.streets.filter((s) => !KNOWN_STREETS.has(s));
  if (unknown.length)
    throw validationFailed(
      "unknown streets",
      unknown.map((s) => ({ path: "streets", message: `unknown street ${s}` })),
    );
  const days = (Date.parse(body.to) - Date.parse(body.from)) / 86_400_000;
  if (days < 0 || days >= MAX_BULK_DAYS) {
    throw validationFailed(`from..to must be a range of 1..${MAX_BULK_DAYS} days`, [{ path: "to", message: "out of range" }]);
  }
  const at = deps.clock().toISOString();
  // Blackout dates get no slots; they count as skipped.
  const blackouts = await pickupBureauRepo(deps.db).blackoutDatesIn(body.from, body.to);
  const slots = [];
  for (const street of new Set(body.streets)) {
    for (let i = 0; i <= days; i++) {
      for (const window of new Set(body.windows))
        slots.push({ streetCode: street, date: addCityDays(body.from, i), window, capacityPoints: body.capacityPoints });
    }
  }
  const open = slots.filter((s) => !blackouts.has(s.date));
  const created = await pickupAdminRepo(deps.db).insertSlots(open, at);
  await deps.atomic([
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "pickup.slots.create",
      targetType: "pickup_slot",
      targetId: "bulk",
      detail: { ...body, created },
      at,
    }),
  ]);
  return c.json({ created, skipped: slots.length - created }, 201);
};

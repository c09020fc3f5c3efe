import { addCityDays, cityClock, MarketZoneInput, type MarketZoneRecord } from "@civic/shared";
import { sql } from "drizzle-orm";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { auditStatement } from "../platform/audit";
import { conflict, notFound, validationFailed } from "../platform/errors";
import { newId } from "../platform/ids";
import { notifyEachStatement } from "../platform/notifications/outbox";
import type { AppRouteHandler } from "../platform/router";
import type { cancelSuspension, createMarket, retireMarket, suspendMarket, updateMarket } from "./market-admin.routes";
import { detailFor } from "./markets.handlers";
import { atVersion, isActive, marketsRepo, ran, recordOf, type ZoneRow } from "./markets.repo";

/*
 * The bureau's writes. Every change to a zone is one atomic() group claimed by its audit row, which is
 * written only while the zone is still at the version the admin decided on; the change itself waits on
 * that claim. Of two admins on one screen the second gets 409 stale_version.
 */

const marketPage = (id: string) => `packages/markets/detail/index?id=${id}`;

function stale(row: ZoneRow, expected: number) {
  return conflict(`the zone has changed since you opened it (version ${expected}, now ${row.version}); reload it`, {
    reason: "stale_version",
    expectedVersion: expected,
    version: row.version,
  });
}

/** The zone as the admin saw it: active and at `version`, else 404 / 409. */
async function zoneAsSeen(deps: AppDeps, id: string, version: number): Promise<ZoneRow> {
  const row = await marketsRepo(deps.db).byId(id);
  if (!row?.active) throw notFound("night market");
  if (row.version !== version) throw stale(row, version);
  return row;
}

/** After a claimed group: the claim won, or the zone moved on meanwhile (409) or went away (404). */
async function settle(deps: AppDeps, id: string, claimId: string, version: number): Promise<ZoneRow> {
  const repo = marketsRepo(deps.db);
  const row = await repo.byId(id);
  if (!row) throw notFound("night market");
  if (!(await repo.claimed(claimId))) throw row.active ? stale(row, version) : notFound("night market");
  return row;
}

export const createMarketHandler: AppRouteHandler<typeof createMarket> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const input = c.req.valid("json");
  const id = newId();
  const at = deps.clock().toISOString();
  await deps.atomic([
    marketsRepo(deps.db).insertStatement(id, input, at),
    auditStatement(deps.db, { actorId: actor.id, action: "market.create", targetType: "market_zone", targetId: id, at }),
  ]);
  const row = await marketsRepo(deps.db).byId(id);
  if (!row) throw notFound("night market");
  return c.json(await detailFor(deps, row, actor.id), 201);
};

export const updateMarketHandler: AppRouteHandler<typeof updateMarket> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const { version, ...changes } = c.req.valid("json");
  const before = await zoneAsSeen(deps, id, version);
  const previous = recordOf(before);
  // The merged zone must be a whole, valid zone (e.g. a partial edit cannot leave it without windows).
  const parsed = MarketZoneInput.safeParse({ ...previous, ...changes });
  if (!parsed.success) throw validationFailed("the zone would not be valid", parsed.error.issues);
  const merged: MarketZoneRecord = parsed.data;
  const at = deps.clock().toISOString();
  const claimId = newId();
  const repo = marketsRepo(deps.db);
  await deps.atomic([
    repo.claimStatement(
      claimId,
      { actorId: actor.id, action: "market.update", zoneId: id, detail: { previous, changes }, at },
      atVersion(id, version),
    ),
    repo.updateStatement(id, version, merged, at, claimId),
  ]);
  return c.json(await detailFor(deps, await settle(deps, id, claimId, version), actor.id), 200);
};

export const retireMarketHandler: AppRouteHandler<typeof retireMarket> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const { version, reason } = c.req.valid("json");
  await zoneAsSeen(deps, id, version);
  const at = deps.clock().toISOString();
  const claimId = newId();
  const repo = marketsRepo(deps.db);
  await deps.atomic([
    repo.claimStatement(
      claimId,
      { actorId: actor.id, action: "market.retire", zoneId: id, detail: { reason }, at },
      atVersion(id, version),
    ),
    repo.retireStatement(id, version, reason, at, claimId),
  ]);
  return c.json(await detailFor(deps, await settle(deps, id, claimId, version), actor.id), 200);
};

export const suspendMarketHandler: AppRouteHandler<typeof suspendMarket> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const { date, reason } = c.req.valid("json");
  const repo = marketsRepo(deps.db);
  const row = await repo.byId(id);
  if (!row?.active) throw notFound("night market");
  const today = cityClock(deps.clock(), deps.config.cityZone).date;
  if (date < today || date > addCityDays(today, 366)) {
    throw validationFailed("a suspension is for a date from today to a year ahead", [{ path: "date", message: "out of range" }]);
  }
  const at = deps.clock().toISOString();
  const claimId = newId();
  const suspensionId = newId();
  const guard = repo.notSuspendedOn(id, date);
  await deps.atomic([
    repo.claimStatement(
      claimId,
      { actorId: actor.id, action: "market.suspend", zoneId: id, detail: { suspensionId, date, reason }, at },
      // Active, and no suspension in force on that date yet (an edit meanwhile does not matter).
      sql`${isActive(id)} and ${guard}`,
    ),
    repo.suspendStatement({ id: suspensionId, zoneId: id, date, reason, createdBy: actor.id, at }, claimId),
    notifyEachStatement(deps.db, {
      recipients: repo.subscribersOf(id),
      subject: { type: "market_zone", id },
      payload: {
        title: "夜市暂停通知",
        body: `${row.name} ${date} 暂停营业：${reason}`,
        page: marketPage(id),
        status: "暂停营业",
        subject: row.name.slice(0, 20),
        templateId: deps.config.notifications.marketTemplateId,
      },
      now: at,
      guard: repo.suspensionLive(suspensionId),
    }),
  ]);
  if (!(await repo.claimed(claimId))) {
    const now = await repo.byId(id);
    if (!now?.active) throw notFound("night market");
    throw conflict(`the zone is already suspended on ${date}`, { reason: "already_suspended" });
  }
  const saved = await repo.suspension(id, suspensionId);
  if (!saved) throw notFound("suspension");
  return c.json({ id: saved.id, date: saved.date, reason: saved.reason, createdAt: saved.createdAt }, 201);
};

export const cancelSuspensionHandler: AppRouteHandler<typeof cancelSuspension> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id, suspensionId } = c.req.valid("param");
  const repo = marketsRepo(deps.db);
  const zone = await repo.byId(id);
  const s = await repo.suspension(id, suspensionId);
  if (!zone || !s) throw notFound("suspension");
  if (s.cancelledAt) throw conflict("this suspension was already called off", { reason: "already_cancelled" });
  const at = deps.clock().toISOString();
  const claimId = newId();
  await deps.atomic([
    repo.claimStatement(
      claimId,
      { actorId: actor.id, action: "market.cancel_suspension", zoneId: id, detail: { suspensionId, date: s.date }, at },
      repo.suspensionLive(suspensionId),
    ),
    repo.cancelSuspensionStatement(suspensionId, actor.id, at, claimId),
    notifyEachStatement(deps.db, {
      recipients: repo.subscribersOf(id),
      subject: { type: "market_zone", id },
      payload: {
        title: "夜市恢复营业",
        body: `${zone.name} ${s.date} 照常营业`,
        page: marketPage(id),
        status: "恢复营业",
        subject: zone.name.slice(0, 20),
        templateId: deps.config.notifications.marketTemplateId,
      },
      now: at,
      guard: ran(claimId),
    }),
  ]);
  if (!(await repo.claimed(claimId))) throw conflict("this suspension was already called off", { reason: "already_cancelled" });
  return c.json({ id: s.id, date: s.date, reason: s.reason, createdAt: s.createdAt }, 200);
};

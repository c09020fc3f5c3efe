import { canAdminister, cityClock, type MarketSubscribeRequest, type MarketZoneDetail, type NearbyMarketsResponse } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { notFound } from "../platform/errors";
import { nearbyBySql } from "../platform/nearby/sql-search";
import { grantStatement } from "../platform/notifications/grants";
import { type AppRouteHandler, jsonText } from "../platform/router";
import { type MarketSearchContext, marketPlaces, zoneDetail } from "./market-places";
import { marketsRepo, type ZoneRow } from "./markets.repo";
import type { marketById, nearbyMarkets, subscribeMarket, unsubscribeMarket } from "./markets.routes";

export async function searchContext(deps: AppDeps, zoneIds?: readonly string[]): Promise<MarketSearchContext> {
  const at = deps.clock();
  const zone = deps.config.cityZone;
  const closed = await marketsRepo(deps.db).closedDatesAround(cityClock(at, zone).date, zoneIds);
  return { at, zone, closed };
}

export async function detailFor(deps: AppDeps, row: ZoneRow, userId: string | null): Promise<MarketZoneDetail> {
  const repo = marketsRepo(deps.db);
  const ctx = await searchContext(deps, [row.id]);
  const [upcomingSuspensions, subscribed] = await Promise.all([
    repo.upcomingSuspensions(row.id, cityClock(ctx.at, ctx.zone).date),
    userId ? repo.isSubscribed(row.id, userId) : Promise.resolve(false),
  ]);
  return zoneDetail(row, ctx, { upcomingSuspensions, subscribed });
}

export const nearbyMarketsHandler: AppRouteHandler<typeof nearbyMarkets> = async (c) => {
  const deps = c.get("deps");
  const q = c.req.valid("query");
  const ctx = await searchContext(deps);
  const center = { lat: q.lat, lng: q.lng };
  if (deps.nearbyIndex) {
    const zones = await deps.nearbyIndex.nearbyJson(marketPlaces, q, ctx);
    return jsonText<NearbyMarketsResponse, 200>(c, `{"zones":${zones},"center":${JSON.stringify(center)},"radius":${q.radius}}`, 200);
  }
  return c.json({ zones: await nearbyBySql(deps.db, marketPlaces, q, ctx), center, radius: q.radius }, 200);
};

/** An active zone, or a retired one to an admin; anything else is 404. */
async function visibleZone(deps: AppDeps, id: string, admin: boolean): Promise<ZoneRow> {
  const row = await marketsRepo(deps.db).byId(id);
  if (!row || (!row.active && !admin)) throw notFound("night market");
  return row;
}

export const marketByIdHandler: AppRouteHandler<typeof marketById> = async (c) => {
  const deps = c.get("deps");
  const user = c.get("user");
  const row = await visibleZone(deps, c.req.valid("param").id, canAdminister(user));
  return c.json(await detailFor(deps, row, user?.id ?? null), 200);
};

export const subscribeMarketHandler: AppRouteHandler<typeof subscribeMarket> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const row = await visibleZone(deps, c.req.valid("param").id, false);
  const at = deps.clock().toISOString();
  const accepted = (c.req.valid("json") as MarketSubscribeRequest | undefined)?.subscriptions ?? [];
  const templateId = deps.config.notifications.marketTemplateId;
  await deps.atomic([
    marketsRepo(deps.db).subscribeStatement(row.id, user.id, at),
    // The markets template's grant, if accepted at the tap: the next suspension notice may reach WeChat.
    ...(accepted.includes(templateId) ? [grantStatement(deps.db, { userId: user.id, templateId, now: at })] : []),
  ]);
  return c.json({ zoneId: row.id, subscribed: true }, 200);
};

export const unsubscribeMarketHandler: AppRouteHandler<typeof unsubscribeMarket> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { id } = c.req.valid("param");
  // A retired zone can still be left (its subscribers hear nothing more anyway).
  const row = await marketsRepo(deps.db).byId(id);
  if (!row) throw notFound("night market");
  await deps.atomic([marketsRepo(deps.db).unsubscribeStatement(row.id, user.id)]);
  return c.json({ zoneId: row.id, subscribed: false }, 200);
};

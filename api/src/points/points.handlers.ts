import { cityClock, expiringPoints, isEarningKind } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import { decodeCursor, encodeCursor } from "../platform/cursor";
import type { AppRouteHandler } from "../platform/router";
import { entriesOf, expiryCutoff } from "./expiry";
import { balanceOf, historyOf } from "./ledger";
import type { createWeighIn, myPoints, myPointsCode, myPointsHistory, myWeighIns } from "./points.routes";
import { issueResidentCode } from "./resident-code";
import { recordWeighIn, weighInsOf } from "./weigh-ins";

/* The resident's own points and the collector's weigh-ins. */

const PAGE = 20;
const SOON_DAYS = 30;

export const myPointsHandler: AppRouteHandler<typeof myPoints> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const entries = await entriesOf(deps.db, user.id);
  const horizon = new Date(deps.clock().getTime() + SOON_DAYS * 86_400_000);
  const cutoff = expiryCutoff(deps, horizon);
  const earned = entries.filter((e) => isEarningKind(e.kind)).reduce((s, e) => s + e.amount, 0);
  return c.json(
    {
      balance: await balanceOf(deps.db, user.id),
      expiringSoon: expiringPoints(entries, cutoff.at),
      expiringBefore: cityClock(horizon, deps.config.cityZone).date,
      expiryMonths: deps.config.points.expiryMonths,
      counts: { entries: entries.length, earned, spent: entries.filter((e) => e.amount < 0).reduce((s, e) => s - e.amount, 0) },
    },
    200,
  );
};

export const myPointsHistoryHandler: AppRouteHandler<typeof myPointsHistory> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { cursor } = c.req.valid("query");
  const before = cursor ? decodeCursor(cursor, 2) : undefined;
  const rows = await historyOf(deps.db, user.id, PAGE + 1, before ? { at: before[0] as string, id: before[1] as string } : undefined);
  const items = rows.slice(0, PAGE);
  const last = items[items.length - 1];
  return c.json({ items, nextCursor: rows.length > PAGE && last ? encodeCursor([last.at, last.id]) : null }, 200);
};

export const myPointsCodeHandler: AppRouteHandler<typeof myPointsCode> = async (c) => {
  const deps = c.get("deps");
  const issued = await issueResidentCode(deps, currentUser(c).id);
  c.header("Cache-Control", "no-store");
  return c.json(issued, 200);
};

export const createWeighInHandler: AppRouteHandler<typeof createWeighIn> = async (c) => {
  const deps = c.get("deps");
  return c.json(await recordWeighIn(deps, currentUser(c), c.req.valid("json")), 201);
};

export const myWeighInsHandler: AppRouteHandler<typeof myWeighIns> = async (c) => {
  const deps = c.get("deps");
  const date = c.req.valid("query").date ?? cityClock(deps.clock(), deps.config.cityZone).date;
  return c.json({ date, items: await weighInsOf(deps, currentUser(c).id, date) }, 200);
};

import { cityMonthEnded } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import { auditStatement } from "../platform/audit";
import { conflict, notFound } from "../platform/errors";
import { newId } from "../platform/ids";
import type { AppRouteHandler } from "../platform/router";
import { communitiesRepo } from "./communities.repo";
import { monthView } from "./community-views";
import { ratingsRepo } from "./ratings.repo";
import type { monthDraft, publishMonth, putInspection } from "./ratings.routes";

const alreadyPublished = () => conflict("the month is already published; its figures are frozen", { reason: "month_published" });

export const putInspectionHandler: AppRouteHandler<typeof putInspection> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id, month } = c.req.valid("param");
  const { score, note } = c.req.valid("json");
  const community = await communitiesRepo(deps.db).byId(id);
  if (!community?.active) throw notFound("community");
  const ratings = ratingsRepo(deps.db);
  if (await ratings.publishedMonth(month)) throw alreadyPublished();
  const at = deps.clock().toISOString();
  const row = { communityId: id, month, score, note: note || null, inspectorId: actor.id, updatedAt: at };
  await deps.atomic([
    ratings.inspectionStatement(row),
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "community.inspection",
      targetType: "community",
      targetId: id,
      detail: { month, score, note },
      at,
    }),
  ]);
  const saved = await ratings.inspection(id, month);
  // The statement is guarded by "not published": a publish that came first leaves no row of ours.
  if (!saved || saved.updatedAt !== at || saved.inspectorId !== actor.id || saved.score !== score) {
    if (await ratings.publishedMonth(month)) throw alreadyPublished();
    throw notFound("community");
  }
  return c.json({ communityId: id, month, score: saved.score, note: saved.note, updatedAt: saved.updatedAt }, 200);
};

export const monthDraftHandler: AppRouteHandler<typeof monthDraft> = async (c) => {
  const deps = c.get("deps");
  return c.json(await monthView(deps, c.req.valid("param").month), 200);
};

/**
 * Publishing freezes the draft as read: the claim (the month's row) and every community's figures are one
 * atomic group, each figure guarded by this request's claim, so of parallel publishes exactly one writes.
 * Checks synced after publication do not change a published month.
 */
export const publishMonthHandler: AppRouteHandler<typeof publishMonth> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { month } = c.req.valid("param");
  const now = deps.clock();
  if (!cityMonthEnded(month, now, deps.config.cityZone)) throw conflict("the month has not ended yet", { reason: "month_not_ended" });
  const ratings = ratingsRepo(deps.db);
  if (await ratings.publishedMonth(month)) throw alreadyPublished();
  const draft = await monthView(deps, month);
  const publishId = newId();
  const at = now.toISOString();
  await deps.atomic([
    ratings.claimMonthStatement({ month, publishId, publishedAt: at, publishedBy: actor.id }),
    ...draft.rows.map((r) =>
      ratings.ratingStatement(
        {
          communityId: r.communityId,
          month,
          households: r.households,
          checkedHouseholds: r.checkedHouseholds,
          checks: r.checks,
          correctChecks: r.correctChecks,
          participation: r.participation,
          accuracy: r.accuracy,
          inspection: r.inspection,
          score: r.score,
          stars: r.stars,
          unratable: r.unratable,
          publishedAt: at,
        },
        publishId,
      ),
    ),
    auditStatement(
      deps.db,
      {
        actorId: actor.id,
        action: "community.publish_month",
        targetType: "community_month",
        targetId: month,
        detail: { communities: draft.rows.length },
        at,
      },
      ratings.claimedBy(month, publishId),
    ),
  ]);
  const published = await ratings.publishedMonth(month);
  if (published?.publishId !== publishId) throw alreadyPublished();
  return c.json(await monthView(deps, month), 200);
};

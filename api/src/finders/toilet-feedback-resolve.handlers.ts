import { cityClock, type FeedbackAction, feedbackResolvedMessage, isErasedUser } from "@civic/shared";
import type { SQL } from "drizzle-orm";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps, AtomicQuery } from "../deps";
import { auditStatement } from "../platform/audit";
import { conflict, notFound } from "../platform/errors";
import { notifyStatement } from "../platform/notifications/outbox";
import type { AppRouteHandler } from "../platform/router";
import { runWithUniqueGuard } from "./toilet-admin.handlers";
import { checkClosureUntil, planToiletUpdate } from "./toilet-changes";
import { toiletFeedbackRepo } from "./toilet-feedback.repo";
import { toiletsRepo } from "./toilets.repo";
import type { resolveToiletFeedback } from "./toilets.routes";

/*
 * Resolving a resident's toilet feedback is one atomic() group, every statement guarded by "the feedback
 * is still open": the change to the toilet (if any), its audit row, the resolution's audit row, the
 * reporter's notification, and last the resolution itself. Of two admins resolving at once exactly one
 * group applies; the other writes nothing and answers 409.
 */

type ToiletRow = NonNullable<Awaited<ReturnType<ReturnType<typeof toiletsRepo>["byId"]>>>;

/** The statements and audit row that carry out `action` on the toilet, validated against its current state. */
function toiletChange(deps: AppDeps, toilet: ToiletRow, action: FeedbackAction, outcome: string, guard: SQL, actorId: string, at: string) {
  const repo = toiletsRepo(deps.db);
  const audit = (name: string, detail: Record<string, unknown>) =>
    auditStatement(deps.db, { actorId, action: name, targetType: "toilet", targetId: toilet.id, detail, at }, guard);
  if (action.type !== "update" && !toilet.active) throw conflict("the toilet is already deactivated");
  switch (action.type) {
    case "temporary_closure": {
      checkClosureUntil(action.until, cityClock(new Date(at), deps.config.cityZone).date, "action.until");
      const closure = { until: action.until, reason: action.reason };
      return [repo.closureStatement(toilet.id, closure, at, guard), audit("toilet.temporary_closure", closure)];
    }
    case "update": {
      const { merged, previous } = planToiletUpdate(toilet, action.patch);
      return [repo.updateStatement(toilet.id, merged, at, guard), audit("toilet.update", { previous, changes: action.patch })];
    }
    case "deactivate":
      return [repo.deactivateStatement(toilet.id, outcome, at, guard), audit("toilet.deactivate", { reason: outcome })];
  }
}

export const resolveToiletFeedbackHandler: AppRouteHandler<typeof resolveToiletFeedback> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const outcome = (body.outcome ?? body.note) as string;
  const feedback = toiletFeedbackRepo(deps.db);
  const handling = await feedback.handlingOf(id);
  if (!handling) throw notFound("feedback");
  if (handling.status !== "open") throw conflict("the feedback is already resolved");
  const toilet = await toiletsRepo(deps.db).byId(handling.toiletId);
  if (!toilet) throw notFound("toilet");
  const at = deps.clock().toISOString();
  const guard = feedback.openGuard(id);
  const statements: AtomicQuery[] = body.action ? toiletChange(deps, toilet, body.action, outcome, guard, actor.id, at) : [];
  const message = feedbackResolvedMessage(toilet.name, body.action, body.replyToResident);
  statements.push(
    auditStatement(
      deps.db,
      {
        actorId: actor.id,
        action: "toilet_feedback.resolve",
        targetType: "toilet_feedback",
        targetId: id,
        detail: { note: outcome, action: body.action ?? null, reply: body.replyToResident ?? null },
        at,
      },
      guard,
    ),
  );
  // Feedback from a deleted account points at the shared erased-user row: there is no one to tell.
  if (!isErasedUser(handling.userId)) {
    statements.push(
      notifyStatement(deps.db, {
        userId: handling.userId,
        subject: { type: "toilet_feedback", id },
        payload: {
          title: "公厕反馈已处理",
          body: message,
          page: `pages/toilets/detail?id=${toilet.id}`,
          status: "已处理",
          subject: toilet.name,
        },
        now: at,
        guard,
      }),
    );
  }
  statements.push(feedback.resolveStatement(id, actor.id, outcome, at));
  await runWithUniqueGuard(deps, statements, "cannot resolve");
  const after = await feedback.handlingOf(id);
  if (after?.resolvedBy !== actor.id || after.resolvedAt !== at) throw conflict("the feedback is already resolved");
  const saved = await feedback.byId(id);
  if (!saved) throw notFound("feedback");
  return c.json(saved, 200);
};

import { isErasedUser, type LifecycleAction } from "@civic/shared";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Context } from "hono";
import { currentUser } from "../auth/auth.middleware";
import { reportFollowers, reportPhotos, reports } from "../db/schema";
import type { AppDeps } from "../deps";
import type { AppEnv } from "../platform/context";
import { conflict, notFound, validationFailed } from "../platform/errors";
import { guardedInsert } from "../platform/guarded-insert";
import type { AppRouteHandler } from "../platform/router";
import { commitAsSeen, loadAsSeen, versionTag } from "./expected-version";
import type * as routes from "./moderation.routes";
import { reportPhotoStatements } from "./photos";
import { type ReportRow, reportsRepo } from "./reports.repo";
import { checkUploadsUsable } from "./reports.service";
import { assertNothingHeld } from "./review.handlers";
import { audienceOf, decideOrThrow, type StepInput } from "./transitions";
import { reportDetail } from "./views";

/* The bureau's side of the closed loop: lifecycle actions and moderation edits (the queue: queue.handlers.ts). */

async function loadReport(deps: AppDeps, id: string): Promise<ReportRow> {
  const report = await reportsRepo(deps.db).byId(id);
  if (!report) throw notFound("report");
  return report;
}

async function staffAnswer(c: Context<AppEnv>, id: string) {
  const deps = c.get("deps");
  const report = await loadReport(deps, id);
  c.header("ETag", versionTag(report.version));
  return c.json(await reportDetail(deps, report, "staff", c.get("user")), 200);
}

export const staffReportHandler: AppRouteHandler<typeof routes.staffReport> = async (c) => staffAnswer(c, c.req.valid("param").id);

/** A lifecycle action: decide, then commit the step with its columns, notifications and audit row. */
async function lifecycle(
  c: Context<AppEnv>,
  id: string,
  action: LifecycleAction,
  build: (report: ReportRow) => Promise<Partial<StepInput>>,
) {
  const deps = c.get("deps");
  const user = currentUser(c);
  const report = await loadAsSeen(c, id);
  const d = decideOrThrow(report, action, user, deps.clock());
  const extra = await build(report);
  await commitAsSeen(c, {
    report,
    actor: user,
    action: d.action,
    to: d.to,
    audit: true,
    notify: await audienceOf(deps, report),
    ...extra,
  });
  return staffAnswer(c, id);
}

const nowPlusHours = (deps: AppDeps, hours: number) => new Date(deps.clock().getTime() + hours * 3_600_000).toISOString();

export const acceptHandler: AppRouteHandler<typeof routes.accept> = async (c) => {
  const { note, reply } = c.req.valid("json");
  const deps = c.get("deps");
  return lifecycle(c, c.req.valid("param").id, { type: "accept", note }, async (r) => {
    // Nothing held may become public: 立案 waits until the moderator has passed or hidden it (409 otherwise).
    await assertNothingHeld(deps, r);
    return acceptStep(deps, r, note, reply);
  });
};

function acceptStep(deps: AppDeps, r: ReportRow, note: string | undefined, reply: string | undefined): Partial<StepInput> {
  return {
    note: note ?? null,
    reply: reply ?? null,
    // 立案 starts the SLA clock.
    set: { acceptedAt: deps.clock().toISOString(), slaDueAt: nowPlusHours(deps, r.slaHours) },
  };
}

export const rejectHandler: AppRouteHandler<typeof routes.reject> = async (c) => {
  const { reason, note, reply } = c.req.valid("json");
  return lifecycle(c, c.req.valid("param").id, { type: "reject", reason, note }, async (r) => ({
    note: note ?? null,
    reply: reply ?? null,
    detail: { reason },
    set: { rejectReason: reason },
    notify: r.reporterId && !isErasedUser(r.reporterId) ? [r.reporterId] : [],
  }));
};

export const mergeHandler: AppRouteHandler<typeof routes.merge> = async (c) => {
  const deps = c.get("deps");
  const { into, note, reply } = c.req.valid("json");
  const id = c.req.valid("param").id;
  if (into === id) throw validationFailed("a report cannot be merged into itself", [{ path: "into", message: "same report" }]);
  const original = await reportsRepo(deps.db).byId(into);
  if (!original) throw validationFailed("the original report does not exist", [{ path: "into", message: "no such report" }]);
  if (original.status === "rejected") throw conflict("the original was itself rejected; merge into an open case");
  return lifecycle(c, id, { type: "merge", into, note }, async (dup) => ({
    note: note ?? null,
    reply: reply ?? null,
    detail: { into },
    set: { rejectReason: "duplicate", duplicateOf: into },
    extra: (guard) => moveFollowers(deps, dup, original, guard),
  }));
};

/** The duplicate's followers and its reporter now follow the original; its count is recomputed from rows. */
function moveFollowers(deps: AppDeps, dup: ReportRow, original: ReportRow, guard: SQL) {
  const now = deps.clock().toISOString();
  const notOriginalReporter = sql`coalesce(${original.reporterId}, '')`;
  return [
    deps.db
      .insert(reportFollowers)
      .select(
        sql`select ${original.id}, f.user_id, ${now} from ${reportFollowers} f where f.report_id = ${dup.id} and f.user_id <> ${notOriginalReporter} and ${guard}`,
      )
      .onConflictDoNothing(),
    ...(dup.reporterId && !isErasedUser(dup.reporterId) && dup.reporterId !== original.reporterId
      ? [
          guardedInsert(
            deps.db,
            reportFollowers,
            { reportId: original.id, userId: dup.reporterId, createdAt: now },
            guard,
          ).onConflictDoNothing(),
        ]
      : []),
    deps.db
      .update(reports)
      .set({ followers: sql`(select count(*) from ${reportFollowers} where ${reportFollowers.reportId} = ${original.id})` })
      .where(and(eq(reports.id, original.id), guard)),
  ];
}

export const dispatchHandler: AppRouteHandler<typeof routes.dispatch> = async (c) => {
  const { department, note, reply } = c.req.valid("json");
  return lifecycle(c, c.req.valid("param").id, { type: "dispatch", department, note }, async () => ({
    note: note ?? null,
    reply: reply ?? null,
    detail: { department },
    set: { department },
  }));
};

export const resolveHandler: AppRouteHandler<typeof routes.resolve> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { note, reply, photoIds } = c.req.valid("json");
  await checkUploadsUsable(deps, user.id, photoIds);
  return lifecycle(c, c.req.valid("param").id, { type: "resolve", reply }, async (r) => {
    const now = deps.clock().toISOString();
    return {
      note: note ?? null,
      reply,
      detail: { photos: photoIds.length },
      // 处理结果 is public: the reply, never the internal note.
      set: { resolvedAt: now, everResolved: true, resolutionNote: reply },
      extra: (guard) => reportPhotoStatements(deps.db, { reportId: r.id, kind: "resolution", uploadIds: photoIds, userId: user.id, guard }),
    };
  });
};

export const closeHandler: AppRouteHandler<typeof routes.close> = async (c) => {
  const { note, reply } = c.req.valid("json");
  const deps = c.get("deps");
  return lifecycle(c, c.req.valid("param").id, { type: "close", note }, async () => ({
    note: note ?? null,
    reply: reply ?? null,
    set: { closedAt: deps.clock().toISOString() },
  }));
};

export const reopenHandler: AppRouteHandler<typeof routes.reopen> = async (c) => {
  const { reason } = c.req.valid("json");
  return lifecycle(c, c.req.valid("param").id, { type: "reopen", reason }, async (r) => ({
    note: reason,
    set: { reopenCount: r.reopenCount + 1, rating: null, ratingComment: null, closedAt: null },
  }));
};

export const redactHandler: AppRouteHandler<typeof routes.redact> = async (c) => {
  const user = currentUser(c);
  const id = c.req.valid("param").id;
  const { description, note } = c.req.valid("json");
  const report = await loadAsSeen(c, id);
  await commitAsSeen(c, {
    report,
    actor: user,
    action: "redact",
    to: report.status,
    note: note ?? null,
    // The text it replaces stays in history; the reporter's original is never changed.
    detail: { previous: report.publicDescription ?? report.description, next: description },
    // The moderator wrote the public text, so it no longer waits for review (shared/src/reports/review.ts).
    set: { publicDescription: description, textReviewedAt: report.textReviewedAt ?? c.get("deps").clock().toISOString() },
    audit: true,
  });
  return staffAnswer(c, id);
};

async function setPhotoHidden(c: Context<AppEnv>, id: string, photoId: string, hidden: boolean, reason: string | null) {
  const deps = c.get("deps");
  const user = currentUser(c);
  const report = await loadAsSeen(c, id);
  const photo = (await reportsRepo(deps.db).photosOf(id)).find((p) => p.uploadId === photoId);
  if (!photo) throw notFound("photo");
  if (photo.hidden === hidden) throw conflict(hidden ? "the photo is hidden already" : "the photo is not hidden");
  await commitAsSeen(c, {
    report,
    actor: user,
    action: hidden ? "hide_photo" : "show_photo",
    to: report.status,
    note: reason,
    detail: { photoId },
    audit: true,
    extra: (guard) => [
      deps.db
        .update(reportPhotos)
        .set({ hidden })
        .where(and(eq(reportPhotos.uploadId, photoId), eq(reportPhotos.reportId, id), guard)),
    ],
  });
  return staffAnswer(c, id);
}

export const hidePhotoHandler: AppRouteHandler<typeof routes.hidePhoto> = async (c) => {
  const { id, photoId } = c.req.valid("param");
  return setPhotoHidden(c, id, photoId, true, c.req.valid("json").reason);
};

export const showPhotoHandler: AppRouteHandler<typeof routes.showPhoto> = async (c) => {
  const { id, photoId } = c.req.valid("param");
  return setPhotoHidden(c, id, photoId, false, null);
};

import {
  COARSE_MAX_SHIFT_M,
  caseNumberOf,
  coarsen,
  DUPLICATE_RADIUS_M,
  DUPLICATE_WINDOW_HOURS,
  isStaff,
  PUBLIC_STATUSES,
  type ReportSummary,
} from "@civic/shared";
import { sql } from "drizzle-orm";
import { currentUser } from "../auth/auth.middleware";
import { reportFollowers, reports } from "../db/schema";
import { clientIp } from "../platform/client-ip";
import { conflict, forbidden, notFound } from "../platform/errors";
import { idempotencyRequest, idempotent } from "../platform/idempotency";
import { enforceRateLimit } from "../platform/rate-limit";
import type { AppRouteHandler } from "../platform/router";
import { signedPhotoUrl } from "../platform/uploads/photo-urls";
import { reportsRepo } from "./reports.repo";
import type * as routes from "./reports.routes";
import { callerOf, createReport, type NewReport, type Submitter } from "./reports.service";
import { audienceOf, commitStep, decideOrThrow } from "./transitions";
import { publicText, reportDetail, viewerOf } from "./views";

const HOUR = 3600;
/** Filing limits: generous for a resident, firm against a script. */
const CREATE_LIMITS = { perUser: 30, perIp: 120 };

export const createReportHandler: AppRouteHandler<typeof routes.createReport> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const body = c.req.valid("json");
  const key = c.req.valid("header")["idempotency-key"];
  const now = deps.clock();
  await enforceRateLimit(deps.db, { bucket: `report:user:${user.id}`, limit: CREATE_LIMITS.perUser, windowSeconds: HOUR, now });
  await enforceRateLimit(deps.db, { bucket: `report:ip:${clientIp(c)}`, limit: CREATE_LIMITS.perIp, windowSeconds: HOUR, now });
  const input: NewReport = {
    categoryCode: body.category,
    description: body.description,
    photoIds: body.photoIds,
    location: body.location,
    locationSource: body.locationSource,
    address: body.address,
    attributes: body.attributes,
    subscriptions: body.subscriptions,
  };
  const submitter: Submitter = { kind: "user", user };
  const answer = await idempotent(deps, await idempotencyRequest("report.create", callerOf(submitter), key, input), {
    run: async (claim) => {
      const report = await createReport(deps, submitter, input, claim);
      return report && { status: 201, body: await reportDetail(deps, report, "reporter", user) };
    },
    // A retry sees the report as it is now (its photo URLs are signed afresh), as a 200.
    replay: async (id) => {
      const report = await reportsRepo(deps.db).byId(id);
      if (!report || report.reporterId !== user.id) return null;
      return { status: 200, body: await reportDetail(deps, report, "reporter", user) };
    },
  });
  return answer.status === 201 ? c.json(answer.body, 201) : c.json(answer.body, 200);
};

export const duplicatesHandler: AppRouteHandler<typeof routes.duplicates> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const q = c.req.valid("query");
  const since = new Date(deps.clock().getTime() - DUPLICATE_WINDOW_HOURS * HOUR * 1000).toISOString();
  const repo = reportsRepo(deps.db);
  const rows = await repo.openNear(q.category, q.lat, q.lng, DUPLICATE_RADIUS_M, since);
  const staff = isStaff(user);
  // Someone else's case (often not yet accepted, so not public at all) is found and measured only by its
  // coarsened point (see publicDistanceM); repeated searches around it can then never narrow it below its ~100 m
  // cell. The caller's own reports, and staff, keep the exact figure.
  const measured = rows
    .map((r) => {
      const exact = staff || r.report.reporterId === user.id;
      const near = exact ? r.exactM <= DUPLICATE_RADIUS_M : r.coarseM <= DUPLICATE_RADIUS_M + COARSE_MAX_SHIFT_M;
      return { ...r, near, distanceM: exact ? Math.round(r.exactM) : r.coarseM };
    })
    .filter((r) => r.near)
    .sort((a, b) => a.distanceM - b.distanceM || (a.report.createdAt < b.report.createdAt ? -1 : 1));
  const candidates = await Promise.all(
    measured.slice(0, 10).map(async ({ report, categoryName, distanceM }) => ({
      id: report.id,
      caseNumber: caseNumberOf(report),
      categoryName,
      status: report.status,
      // A case no moderator has seen yet shows no text to other residents.
      description: PUBLIC_STATUSES.includes(report.status) ? publicText(report) : null,
      distanceM,
      followers: report.followers,
      following: await repo.isFollower(report.id, user.id),
      mine: report.reporterId === user.id,
      createdAt: report.createdAt,
    })),
  );
  return c.json({ candidates }, 200);
};

export const myReportsHandler: AppRouteHandler<typeof routes.myReports> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const repo = reportsRepo(deps.db);
  const rows = await repo.mine(user.id);
  const isOwn = (r: (typeof rows)[number]) => r.report.reporterId === user.id;
  // A followed case shows its content only once accepted, and then only what the public may see.
  const contentVisible = (r: (typeof rows)[number]) => isOwn(r) || PUBLIC_STATUSES.includes(r.report.status);
  const [ownThumbs, followedThumbs] = await Promise.all([
    repo.thumbnails(
      rows.filter(isOwn).map((r) => r.report.id),
      true,
    ),
    repo.thumbnails(
      rows.filter((r) => !isOwn(r) && contentVisible(r)).map((r) => r.report.id),
      false,
    ),
  ]);
  const now = deps.clock();
  const out: ReportSummary[] = await Promise.all(
    rows.map(async (row) => {
      const { report, categoryName } = row;
      const mine = isOwn(row);
      const thumb = (mine ? ownThumbs : followedThumbs).get(report.id);
      return {
        id: report.id,
        caseNumber: caseNumberOf(report),
        categoryCode: report.categoryCode,
        categoryName,
        status: report.status,
        description: mine ? report.description : contentVisible(row) ? (publicText(report) ?? "") : "",
        address: mine ? report.address : report.district,
        district: report.district,
        thumbnailUrl: thumb ? await signedPhotoUrl(deps.config.media, thumb, now) : null,
        followers: report.followers,
        relation: mine ? ("reporter" as const) : ("follower" as const),
        createdAt: report.createdAt,
        updatedAt: report.updatedAt,
      };
    }),
  );
  return c.json({ reports: out }, 200);
};

export const publicReportsHandler: AppRouteHandler<typeof routes.publicReports> = async (c) => {
  const deps = c.get("deps");
  const q = c.req.valid("query");
  const repo = reportsRepo(deps.db);
  const rows = await repo.publicNear(q.lat, q.lng, q.radius, q.limit);
  const photos = await repo.publicPhotoIds(rows.map((r) => r.report.id));
  const now = deps.clock();
  const out = await Promise.all(
    rows.map(async ({ report, categoryName }) => ({
      id: report.id,
      caseNumber: caseNumberOf(report),
      categoryCode: report.categoryCode,
      categoryName,
      status: report.status,
      description: publicText(report) ?? "",
      location: coarsen(report),
      district: report.district,
      photoUrls: await Promise.all((photos.get(report.id) ?? []).map((p) => signedPhotoUrl(deps.config.media, p, now))),
      followers: report.followers,
      createdAt: report.createdAt,
    })),
  );
  return c.json({ reports: out }, 200);
};

export const reportByIdHandler: AppRouteHandler<typeof routes.reportById> = async (c) => {
  const deps = c.get("deps");
  const { id } = c.req.valid("param");
  const report = await reportsRepo(deps.db).byId(id);
  const viewer = report ? await viewerOf(deps, report, c.get("user")) : null;
  if (!report || !viewer) throw notFound("report");
  return c.json(await reportDetail(deps, report, viewer, c.get("user")), 200);
};

export const followReportHandler: AppRouteHandler<typeof routes.followReport> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { id } = c.req.valid("param");
  const repo = reportsRepo(deps.db);
  const report = await repo.byId(id);
  // Followable: anything offered as a duplicate (open) or public; a rejected case is neither.
  const visible = report && (report.status === "submitted" || PUBLIC_STATUSES.includes(report.status) || isStaff(user));
  if (!report || !visible) throw notFound("report");
  if (report.reporterId === user.id) throw conflict("you filed this report; you hear about it already");
  if (report.status === "closed" || report.status === "rejected") throw conflict(`a ${report.status} report cannot be followed`);
  const now = deps.clock().toISOString();
  const inserted = await deps.db
    .insert(reportFollowers)
    .values({ reportId: id, userId: user.id, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (inserted.length > 0) {
    // The count is recomputed from the rows, so parallel follows can never drift from them.
    await deps.db
      .update(reports)
      .set({ followers: sql`(select count(*) from ${reportFollowers} where ${reportFollowers.reportId} = ${id})` })
      .where(sql`${reports.id} = ${id}`);
  }
  const after = await repo.byId(id);
  return c.json({ id, followers: after?.followers ?? report.followers, following: true }, 200);
};

export const rateReportHandler: AppRouteHandler<typeof routes.rateReport> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const report = await reportsRepo(deps.db).byId(id);
  if (!report || !(await viewerOf(deps, report, user))) throw notFound("report");
  const d = decideOrThrow(report, { type: "rate", rating: body.rating, comment: body.comment }, user, deps.clock());
  await commitStep(deps, {
    report,
    actor: user,
    action: "rate",
    to: d.to,
    note: body.comment || null,
    detail: { rating: body.rating },
    set: { rating: body.rating, ratingComment: body.comment || null },
  });
  const after = await reportsRepo(deps.db).byId(id);
  return c.json(await reportDetail(deps, after ?? report, "reporter", user), 200);
};

export const reopenReportHandler: AppRouteHandler<typeof routes.reopenReport> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { id } = c.req.valid("param");
  const { reason } = c.req.valid("json");
  const report = await reportsRepo(deps.db).byId(id);
  const viewer = report ? await viewerOf(deps, report, user) : null;
  if (!report || !viewer) throw notFound("report");
  if (viewer !== "reporter") throw forbidden("only the reporter reopens here; staff use the moderation route");
  const d = decideOrThrow(report, { type: "reopen", reason }, user, deps.clock());
  await commitStep(deps, {
    report,
    actor: user,
    action: "reopen",
    to: d.to,
    note: reason,
    set: { reopenCount: report.reopenCount + 1, rating: null, ratingComment: null, closedAt: null },
    notify: await audienceOf(deps, report),
    audit: true,
  });
  const after = await reportsRepo(deps.db).byId(id);
  return c.json(await reportDetail(deps, after ?? report, "reporter", user), 200);
};

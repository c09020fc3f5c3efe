import {
  type AttributeValues,
  type ContentCheck,
  caseNumberOf,
  categoryGroupName,
  coarsen,
  decide,
  isErasedUser,
  isPhotoHeld,
  isPhotoPublic,
  isStaff,
  isTextHeld,
  OPEN_STATUSES,
  PUBLIC_STATUSES,
  REOPEN_WINDOW_DAYS,
  type RejectReason,
  type ReportDetail,
  type TimelineEntry,
  type User,
} from "@civic/shared";
import type { AppDeps } from "../deps";
import { signedPhotoUrl } from "../platform/uploads/photo-urls";
import { categoriesRepo } from "./categories.repo";
import { type ReportRow, reportsRepo } from "./reports.repo";

/*
 * What each viewer sees of a report. Staff see everything; the reporter sees their own words, exact
 * place and their own words; followers and the public see the moderated text, a place coarsened to ~100 m,
 * visible photos only, and never who reported it. Held text and photos (review.ts) are shown to no one else,
 * and internal notes to no resident: the timeline gives others only the bureau's replies (答复市民).
 */
export type Viewer = ReportDetail["viewer"];

/** How `user` may see the report, or null when they may not (answer 404). */
export async function viewerOf(deps: AppDeps, report: ReportRow, user: User | null | undefined): Promise<Viewer | null> {
  if (isStaff(user)) return "staff";
  if (user && report.reporterId === user.id) return "reporter";
  if (user && (await reportsRepo(deps.db).isFollower(report.id, user.id))) return "follower";
  if (PUBLIC_STATUSES.includes(report.status)) return "public";
  return null;
}

export const isOverdue = (r: Pick<ReportRow, "slaDueAt" | "status">, now: Date) =>
  r.slaDueAt !== null && OPEN_STATUSES.includes(r.status) && r.slaDueAt < now.toISOString();

export function reopenUntil(r: Pick<ReportRow, "resolvedAt" | "status">): string | null {
  if (!r.resolvedAt || (r.status !== "resolved" && r.status !== "closed")) return null;
  return new Date(Date.parse(r.resolvedAt) + REOPEN_WINDOW_DAYS * 86_400_000).toISOString();
}

/** The text others may read: the moderated text, or null while it is held for review. */
export const publicText = (r: Pick<ReportRow, "textCheck" | "textReviewedAt" | "publicDescription" | "description">): string | null =>
  isTextHeld(r) ? null : (r.publicDescription ?? r.description);

export async function reportDetail(deps: AppDeps, report: ReportRow, viewer: Viewer, user: User | null | undefined): Promise<ReportDetail> {
  const repo = reportsRepo(deps.db);
  const now = deps.clock();
  const [category, photos, history, following] = await Promise.all([
    categoriesRepo(deps.db).byCode(report.categoryCode),
    repo.photosOf(report.id),
    repo.historyOf(report.id),
    user ? repo.isFollower(report.id, user.id) : Promise.resolve(false),
  ]);
  const staff = viewer === "staff";
  const close = staff || viewer === "reporter";
  // A follower of a case no moderator has accepted yet hears its progress but sees none of its content.
  const contentVisible = close || PUBLIC_STATUSES.includes(report.status);
  // Nothing held is shown to anyone but staff and the reporter (shared/src/reports/review.ts).
  const shownPhotos = photos.filter((p) => close || (contentVisible && isPhotoPublic(p)));
  const photoViews = await Promise.all(
    shownPhotos.map(async (p) => ({
      id: p.uploadId,
      url: await signedPhotoUrl(deps.config.media, p.uploadId, now),
      kind: p.kind as "report" | "resolution",
      hidden: p.hidden,
    })),
  );
  const timeline: TimelineEntry[] = history.map((h) => ({
    seq: h.seq,
    action: h.action as TimelineEntry["action"],
    from: h.fromStatus,
    to: h.toStatus,
    // Internal notes are staff-only; a resident still sees the words they wrote themselves (a reopen reason).
    note: staff || (viewer === "reporter" && h.actorId !== null && h.actorId === user?.id) ? h.note : null,
    reply: h.reply,
    at: h.at,
    actor: h.actorKind as TimelineEntry["actor"],
    ...(staff ? { actorId: h.actorId } : {}),
  }));
  const lifecycle = {
    status: report.status,
    reporterId: report.reporterId,
    resolvedAt: report.resolvedAt,
    rating: report.rating,
  };
  const actor = user ? { id: user.id, roles: user.roles } : { id: "", roles: [] };
  const canRate = viewer === "reporter" && decide(lifecycle, { type: "rate", rating: 5 }, actor, now).ok;
  const canReopen = viewer === "reporter" && decide(lifecycle, { type: "reopen", reason: "-" }, actor, now).ok;
  const detail: ReportDetail = {
    id: report.id,
    caseNumber: caseNumberOf(report),
    category: {
      code: report.categoryCode,
      name: category?.name ?? report.categoryCode,
      groupName: categoryGroupName(category?.groupCode ?? "other"),
    },
    description:
      viewer === "reporter"
        ? report.description
        : staff
          ? (report.publicDescription ?? report.description)
          : contentVisible
            ? (publicText(report) ?? "")
            : "",
    status: report.status,
    // The typed address can be exact (a door number): others get the district, like the coarsened point.
    address: close ? report.address : report.district,
    location: close ? { lat: report.lat, lng: report.lng } : coarsen(report),
    district: report.district,
    attributes: contentVisible ? (JSON.parse(report.attributes) as AttributeValues) : {},
    photos: photoViews,
    followers: report.followers,
    following,
    viewer,
    department: report.department,
    rejectReason: report.rejectReason as RejectReason | null,
    duplicateOf: report.duplicateOf,
    resolutionNote: report.resolutionNote,
    rating: report.rating,
    ratingComment: close ? report.ratingComment : null,
    canRate,
    canReopen,
    reopenUntil: viewer === "reporter" ? reopenUntil(report) : null,
    slaDueAt: report.slaDueAt,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    timeline,
  };
  if (!staff) return detail;
  // An unlinked report shows staff no reporter at all, not the shared erased-user row.
  const reporter = report.reporterId && !isErasedUser(report.reporterId) ? await repo.reporterOf(report.reporterId) : undefined;
  return {
    ...detail,
    version: report.version,
    originalDescription: report.description,
    reporter: reporter ? { id: reporter.id, nickname: reporter.nickname } : null,
    source: report.source as "app" | "open311",
    textCheck: report.textCheck as ContentCheck,
    textHeld: isTextHeld(report),
    photoChecks: photos.map((p) => ({
      id: p.uploadId,
      check: p.contentCheck as ContentCheck,
      reviewed: p.reviewedAt !== null,
      held: isPhotoHeld(p),
    })),
    held: isTextHeld(report) || photos.some(isPhotoHeld),
    overdue: isOverdue(report, now),
  };
}

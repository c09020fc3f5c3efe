import { type AccountExport, PRIVACY_POLICY_VERSION, Role } from "@civic/shared";
import type { AppDeps } from "../deps";
import { notFound } from "../platform/errors";
import { signedPhotoUrl } from "../platform/uploads/photo-urls";
import { meRepo } from "./me.repo";

/** Everything the service holds about `userId` (PIPL right of access), photos as short-lived signed URLs. */
export async function exportAccount(deps: AppDeps, userId: string): Promise<AccountExport> {
  const repo = meRepo(deps.db);
  const now = deps.clock();
  const [profile, roles, sessions, reports, photos, follows, inbox, notifications, toiletFeedback, consents, idempotencyKeys, audit] =
    await Promise.all([
      repo.profile(userId),
      repo.roles(userId),
      repo.sessions(userId),
      repo.reports(userId),
      repo.photos(userId),
      repo.follows(userId),
      repo.inbox(userId),
      repo.notifications(userId),
      repo.toiletFeedback(userId),
      repo.consents(userId),
      repo.idempotencyKeys(userId),
      repo.audit(userId),
    ]);
  if (!profile) throw notFound("user");
  const withUrl = async (p: (typeof photos)[number]) => ({
    id: p.id,
    kind: p.kind ?? "unattached",
    url: await signedPhotoUrl(deps.config.media, p.id, now),
  });
  const signed = await Promise.all(photos.map(async (p) => ({ ...(await withUrl(p)), reportId: p.reportId, createdAt: p.createdAt })));
  const doc: Omit<AccountExport, "counts"> = {
    exportedAt: now.toISOString(),
    policyVersion: PRIVACY_POLICY_VERSION,
    profile: {
      id: profile.id,
      openid: profile.openid,
      unionid: profile.unionid,
      nickname: profile.nickname,
      createdAt: profile.createdAt,
      sessionKeyHeld: profile.sessionKey !== null,
    },
    roles: [
      { role: "resident" as const, grantedAt: profile.createdAt },
      ...roles.map((r) => ({ role: Role.parse(r.role), grantedAt: r.grantedAt })),
    ],
    sessions,
    reports: reports.map((r) => ({
      id: r.id,
      categoryCode: r.categoryCode,
      description: r.description,
      address: r.address,
      location: { lat: r.lat, lng: r.lng },
      district: r.district,
      attributes: JSON.parse(r.attributes) as Record<string, unknown>,
      status: r.status,
      rating: r.rating,
      ratingComment: r.ratingComment,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      closedAt: r.closedAt,
      photos: signed.filter((p) => p.reportId === r.id).map(({ id, kind, url }) => ({ id, kind, url })),
    })),
    follows,
    ratings: reports.flatMap((r) => (r.rating === null ? [] : [{ reportId: r.id, rating: r.rating, comment: r.ratingComment }])),
    unattachedPhotos: signed.filter((p) => p.reportId === null).map(({ id, kind, url, createdAt }) => ({ id, kind, url, createdAt })),
    inbox,
    notifications,
    toiletFeedback,
    consents,
    idempotencyKeys,
    audit: audit.map((a) => ({
      action: a.action,
      targetType: a.targetType,
      targetId: a.targetId,
      at: a.at,
      as: a.actorId === userId ? ("actor" as const) : ("target" as const),
    })),
  };
  const counts = Object.fromEntries(
    Object.entries(doc)
      .filter(([, v]) => Array.isArray(v))
      .map(([k, v]) => [k, (v as unknown[]).length]),
  );
  return { ...doc, counts };
}

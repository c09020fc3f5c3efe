import type { AdminCommunity, CommunityDetail, CommunityMonthFigures, MonthDraft, MonthDraftRow } from "@civic/shared";
import { cityMonthEnded, rateCommunityMonth } from "@civic/shared";
import type { AppDeps } from "../deps";
import { type CommunityRow, communitiesRepo, toAdminBinRoom } from "./communities.repo";
import { type RatingRow, ratingsRepo } from "./ratings.repo";

/* The shapes answered about communities and months, built from the repos (shared by the handlers). */

export const toFigures = (r: RatingRow): CommunityMonthFigures => ({
  month: r.month,
  participation: r.participation,
  accuracy: r.accuracy,
  inspection: r.inspection ?? 0,
  score: r.score ?? 0,
  stars: r.stars ?? 1,
});

export async function publicDetail(deps: AppDeps, c: CommunityRow): Promise<CommunityDetail> {
  const repo = communitiesRepo(deps.db);
  const [rooms, trend] = await Promise.all([repo.binRoomsOf(c.id, true), ratingsRepo(deps.db).trend(c.id, 12)]);
  const latest = trend.at(-1);
  return {
    id: c.id,
    name: c.name,
    district: c.district,
    street: c.street,
    latestStars: latest ? { month: latest.month, stars: latest.stars ?? 1, score: latest.score ?? 0 } : null,
    binRooms: rooms.map((r) => ({ id: r.id, name: r.name })),
    trend: trend.map(toFigures),
  };
}

export async function adminDetail(deps: AppDeps, c: CommunityRow): Promise<AdminCommunity> {
  const repo = communitiesRepo(deps.db);
  const [rooms, volunteers, households] = await Promise.all([
    repo.binRoomsOf(c.id, false),
    repo.volunteersOf(c.id),
    repo.householdCounts(),
  ]);
  return {
    id: c.id,
    name: c.name,
    district: c.district,
    street: c.street,
    lat: c.lat,
    lng: c.lng,
    active: c.active,
    version: c.version,
    households: households.get(c.id) ?? 0,
    binRooms: rooms.map(toAdminBinRoom),
    volunteers,
  };
}

const draftRowOf = (c: CommunityRow, r: RatingRow): MonthDraftRow => ({
  communityId: c.id,
  name: c.name,
  district: c.district,
  street: c.street,
  households: r.households,
  checkedHouseholds: r.checkedHouseholds,
  checks: r.checks,
  correctChecks: r.correctChecks,
  participation: r.participation,
  accuracy: r.accuracy,
  inspection: r.inspection,
  score: r.score,
  stars: r.stars,
  unratable: (r.unratable as MonthDraftRow["unratable"]) ?? null,
});

/**
 * The month for the bureau: once published, the frozen figures; before, every active community's live
 * figures rated by the one formula (shared/src/sorting/stars.ts).
 */
export async function monthView(deps: AppDeps, month: string): Promise<MonthDraft> {
  const ratings = ratingsRepo(deps.db);
  const all = await communitiesRepo(deps.db).listAll();
  const ended = cityMonthEnded(month, deps.clock(), deps.config.cityZone);
  const published = await ratings.publishedMonth(month);
  if (published) {
    const byId = new Map(all.map((c) => [c.id, c]));
    const rows = (await ratings.ratingsOfMonth(month)).flatMap((r) => {
      const c = byId.get(r.communityId);
      return c ? [draftRowOf(c, r)] : [];
    });
    return { month, ended, publishedAt: published.publishedAt, rows: sortRows(rows) };
  }
  const [figures, inspections] = await Promise.all([ratings.liveFigures(month), ratings.inspections(month)]);
  const rows = all
    .filter((c) => c.active)
    .map((c): MonthDraftRow => {
      const f = { households: 0, checkedHouseholds: 0, checks: 0, correctChecks: 0, ...figures.get(c.id) };
      const inspection = inspections.get(c.id)?.score ?? null;
      const rating = rateCommunityMonth({ ...f, inspection });
      return {
        communityId: c.id,
        name: c.name,
        district: c.district,
        street: c.street,
        ...f,
        participation: rating.participation,
        accuracy: rating.accuracy,
        inspection,
        score: rating.ratable ? rating.score : null,
        stars: rating.ratable ? rating.stars : null,
        unratable: rating.ratable ? null : rating.reason,
      };
    });
  return { month, ended, publishedAt: null, rows: sortRows(rows) };
}

const sortRows = (rows: MonthDraftRow[]) =>
  rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || byCodePoint(a.name, b.name) || byCodePoint(a.communityId, b.communityId));

/** The order SQLite's default collation gives, so the draft and the published ranking order ties alike. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

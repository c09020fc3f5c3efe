import { COMMUNITY_CHANGE_DAYS, type MyCommunity, type RankingEntry } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { conflict, notFound } from "../platform/errors";
import type { AppRouteHandler } from "../platform/router";
import { communitiesRepo } from "./communities.repo";
import type { communityById, communityRanking, listCommunities, myCommunity, setMyCommunity } from "./communities.routes";
import { publicDetail, toFigures } from "./community-views";
import { ratingsRepo } from "./ratings.repo";

const DAY_MS = 86_400_000;

export const listCommunitiesHandler: AppRouteHandler<typeof listCommunities> = async (c) => {
  const repo = communitiesRepo(c.get("deps").db);
  const rows = await repo.listActive(c.req.valid("query"));
  const stars = await repo.latestStars(rows.map((r) => r.id));
  return c.json(
    {
      communities: rows.map((r) => ({
        id: r.id,
        name: r.name,
        district: r.district,
        street: r.street,
        latestStars: stars.get(r.id) ?? null,
      })),
    },
    200,
  );
};

export const communityByIdHandler: AppRouteHandler<typeof communityById> = async (c) => {
  const deps = c.get("deps");
  const row = await communitiesRepo(deps.db).byId(c.req.valid("param").id);
  if (!row?.active) throw notFound("community");
  return c.json(await publicDetail(deps, row), 200);
};

export const communityRankingHandler: AppRouteHandler<typeof communityRanking> = async (c) => {
  const deps = c.get("deps");
  const { month: asked, district, street } = c.req.valid("query");
  const ratings = ratingsRepo(deps.db);
  const publishedMonths = await ratings.publishedMonths(24);
  const month = asked ?? publishedMonths[0] ?? null;
  if (asked && !(await ratings.publishedMonth(asked))) throw notFound("published month");
  if (!month) return c.json({ month: null, publishedMonths, entries: [] }, 200);
  const rows = await ratings.ranking(month, { district, street });
  const entries: RankingEntry[] = [];
  rows.forEach((r, i) => {
    const previous = entries[i - 1];
    // Equal scores share a rank (1, 1, 3); the order among them is by name.
    const rank = previous && previous.score === r.rating.score ? previous.rank : i + 1;
    entries.push({ ...toFigures(r.rating), rank, communityId: r.rating.communityId, name: r.name, district: r.district, street: r.street });
  });
  return c.json({ month, publishedMonths, entries }, 200);
};

async function mine(deps: AppDeps, accountId: string): Promise<MyCommunity> {
  const repo = communitiesRepo(deps.db);
  const member = await repo.membershipOf(accountId);
  if (!member) return { community: null, joinedAt: null, nextChangeAt: null };
  const row = await repo.byId(member.communityId);
  const next = new Date(new Date(member.joinedAt).getTime() + COMMUNITY_CHANGE_DAYS * DAY_MS);
  return {
    community: row?.active ? await publicDetail(deps, row) : null,
    joinedAt: member.joinedAt,
    // A retired community frees the household to choose again at once.
    nextChangeAt: row?.active && next > deps.clock() ? next.toISOString() : null,
  };
}

export const myCommunityHandler: AppRouteHandler<typeof myCommunity> = async (c) => {
  c.header("Cache-Control", "no-store");
  return c.json(await mine(c.get("deps"), currentUser(c).id), 200);
};

export const setMyCommunityHandler: AppRouteHandler<typeof setMyCommunity> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { communityId } = c.req.valid("json");
  const repo = communitiesRepo(deps.db);
  const target = await repo.byId(communityId);
  if (!target?.active) throw notFound("community");
  const now = deps.clock();
  const before = await repo.membershipOf(user.id);
  const previous = before ? await repo.byId(before.communityId) : undefined;
  // Leaving a retired community is not a change the household chose: it may register at once.
  const cutoff = previous && !previous.active ? now.toISOString() : new Date(now.getTime() - COMMUNITY_CHANGE_DAYS * DAY_MS).toISOString();
  await deps.atomic([repo.registerStatement(user.id, communityId, now.toISOString(), cutoff)]);
  const after = await repo.membershipOf(user.id);
  c.header("Cache-Control", "no-store");
  if (after?.communityId !== communityId) {
    const current = await mine(deps, user.id);
    throw conflict(`a household may change its community once every ${COMMUNITY_CHANGE_DAYS} days`, {
      reason: "change_too_soon",
      nextChangeAt: current.nextChangeAt,
    });
  }
  return c.json(await mine(deps, user.id), 200);
};

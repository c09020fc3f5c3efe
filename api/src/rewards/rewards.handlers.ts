import { cityClock, normalizePickupCode, PICKUP_CODE_PATTERN, REDEEM_REFUSAL_LABELS } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { conflict, notFound } from "../platform/errors";
import { newId } from "../platform/ids";
import { notifyStatement } from "../platform/notifications/outbox";
import type { AppRouteHandler } from "../platform/router";
import { balanceOf } from "../points/ledger";
import { issueResidentCode } from "../points/resident-code";
import { cancelRedemption, redeem } from "./redeem";
import { isActiveOn, type RedemptionRow, type RewardRow, rewardsRepo } from "./rewards.repo";
import type {
  cancelRedemption as cancelRoute,
  deskCollect,
  deskLookup,
  listRewards,
  myRedemptions,
  redeemReward,
  rewardById,
} from "./rewards.routes";
import { toDeskRedemption, toRedemption, toReward } from "./views";

/* Residents' side (list, detail, redeem, mine, cancel) and the pickup desk (look up, collect). */

const today = (deps: AppDeps) => cityClock(deps.clock(), deps.config.cityZone).date;

/** A reward a resident may see: on offer today; anything else is 404. */
async function offered(deps: AppDeps, id: string): Promise<RewardRow> {
  const reward = await rewardsRepo(deps.db).byId(id);
  if (!reward || !isActiveOn(reward, today(deps))) throw notFound("reward");
  return reward;
}

export const listRewardsHandler: AppRouteHandler<typeof listRewards> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const rows = await rewardsRepo(deps.db).activeOn(today(deps));
  const rewards = await Promise.all(rows.map((r) => toReward(deps, r)));
  return c.json({ rewards, balance: await balanceOf(deps.db, user.id) }, 200);
};

export const rewardByIdHandler: AppRouteHandler<typeof rewardById> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const reward = await offered(deps, c.req.valid("param").id);
  return c.json({ ...(await toReward(deps, reward)), balance: await balanceOf(deps.db, user.id) }, 200);
};

export const redeemRewardHandler: AppRouteHandler<typeof redeemReward> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { redemptionId } = c.req.valid("json");
  const repo = rewardsRepo(deps.db);
  // A retry of a redemption already made answers it, even if the reward has since left the shelf.
  const earlier = await repo.redemption(redemptionId);
  // Outside its dates or retired is a 409 not_active (the resident saw it on offer), an unknown id 404.
  const reward = await repo.byId(earlier?.accountId === user.id ? earlier.rewardId : c.req.valid("param").id);
  if (!reward) throw notFound("reward");
  const result =
    earlier?.accountId === user.id ? { status: "replayed" as const, redemption: earlier } : await redeem(deps, user, reward, redemptionId);
  if (result.status === "refused") {
    throw conflict(REDEEM_REFUSAL_LABELS[result.reason], { reason: result.reason });
  }
  // The desk shows the household's label: make sure the household has its reference.
  if (result.status === "created") await issueResidentCode(deps, user.id);
  return c.json(toRedemption(result.redemption, reward), 201);
};

async function withRewards(deps: AppDeps, rows: RedemptionRow[]) {
  const rewards = await rewardsRepo(deps.db).rewardsOf(rows.map((r) => r.rewardId));
  return rows.flatMap((r) => {
    const reward = rewards.get(r.rewardId);
    return reward ? [toRedemption(r, reward)] : [];
  });
}

export const myRedemptionsHandler: AppRouteHandler<typeof myRedemptions> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  return c.json({ redemptions: await withRewards(deps, await rewardsRepo(deps.db).mine(user.id)) }, 200);
};

export const cancelRedemptionHandler: AppRouteHandler<typeof cancelRoute> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const repo = rewardsRepo(deps.db);
  const row = await repo.redemption(c.req.valid("param").id);
  if (!row || row.accountId !== user.id) throw notFound("redemption");
  const reward = await repo.byId(row.rewardId);
  if (!reward) throw notFound("redemption");
  const refuse = (status: string) => conflict(status === "collected" ? "已领取，不能取消" : "已取消", { reason: "not_reserved", status });
  if (row.status !== "reserved") throw refuse(row.status);
  if (!(await cancelRedemption(deps, user, row, reward.name))) {
    throw refuse((await repo.redemption(row.id))?.status ?? row.status);
  }
  const after = await repo.redemption(row.id);
  if (!after) throw notFound("redemption");
  return c.json(toRedemption(after, reward), 200);
};

/** The redemption behind a typed or scanned code, with its reward; an unknown or malformed code is 404. */
async function atDesk(deps: AppDeps, raw: string): Promise<{ row: RedemptionRow; reward: RewardRow }> {
  const code = normalizePickupCode(raw);
  const repo = rewardsRepo(deps.db);
  const row = PICKUP_CODE_PATTERN.test(code) ? await repo.byCode(code) : undefined;
  const reward = row ? await repo.byId(row.rewardId) : undefined;
  if (!row || !reward) throw notFound("pickup code");
  return { row, reward };
}

const labelOf = async (deps: AppDeps, accountId: string) => (await issueResidentCode(deps, accountId)).householdLabel;

export const deskLookupHandler: AppRouteHandler<typeof deskLookup> = async (c) => {
  const deps = c.get("deps");
  const { row, reward } = await atDesk(deps, c.req.valid("param").pickupCode);
  return c.json(await toDeskRedemption(deps, row, reward, await labelOf(deps, row.accountId)), 200);
};

export const deskCollectHandler: AppRouteHandler<typeof deskCollect> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { row, reward } = await atDesk(deps, c.req.valid("param").pickupCode);
  const refuse = (status: string) => conflict(status === "collected" ? "该兑换已领取" : "该兑换已取消", { reason: "not_reserved", status });
  if (row.status !== "reserved") throw refuse(row.status);
  const repo = rewardsRepo(deps.db);
  const claimId = newId();
  const at = deps.clock().toISOString();
  await deps.atomic([
    repo.collectStatement(row.id, user.id, at, claimId),
    notifyStatement(deps.db, {
      userId: row.accountId,
      subject: { type: "reward_redemption", id: row.id },
      payload: {
        title: "礼品已领取",
        body: `您兑换的「${reward.name}」已在${reward.placeName}领取。感谢参与垃圾分类！`,
        status: "已领取",
        subject: reward.name.slice(0, 20),
        page: "packages/rewards/mine",
      },
      now: at,
      guard: repo.collectedBy(claimId),
    }),
  ]);
  const after = await repo.redemption(row.id);
  if (!after || after.claimId !== claimId) throw refuse(after?.status ?? row.status);
  return c.json(await toDeskRedemption(deps, after, reward, await labelOf(deps, after.accountId)), 200);
};

import { cityClock, pickupCodeFrom, type RedeemRefusal } from "@civic/shared";
import { and, eq, sql } from "drizzle-orm";
import { rewardRedemptions, rewards } from "../db/schema";
import type { AppDeps } from "../deps";
import { isUniqueViolation } from "../platform/db-errors";
import { conflict } from "../platform/errors";
import { newId } from "../platform/ids";
import { balanceOf, entryWritten, reversalStatement, settle, spendStatement } from "../points/ledger";
import { activeOn, isActiveOn, type RedemptionRow, type RewardRow, rewardsRepo } from "./rewards.repo";

/*
 * Redeeming and cancelling, each ONE atomic group with no read between its statements:
 *  redeem: the spend (guarded: reward active today, in stock, at the price the resident saw) → one more
 *          taken (guarded by the spend's entry) → the redemption row with its pickup code (same guard);
 *  cancel: the reversal of the spend (guarded: the redemption still reserved) → the redemption cancelled
 *          and one item back (both guarded by the reversal's entry), so a second cancel refunds nothing.
 * What happened is read after (settle), never assumed.
 */

const newPickupCode = () => pickupCodeFrom(crypto.getRandomValues(new Uint8Array(8)));

export type RedeemResult = { status: "created" | "replayed"; redemption: RedemptionRow } | { status: "refused"; reason: RedeemRefusal };

export async function redeem(deps: AppDeps, user: { id: string }, reward: RewardRow, redemptionId: string): Promise<RedeemResult> {
  const now = deps.clock();
  const at = now.toISOString();
  const day = cityClock(now, deps.config.cityZone).date;
  const repo = rewardsRepo(deps.db);
  const sourceKey = `redeem:${redemptionId}`;
  // A replay never reaches the group (nor a code collision's retry); the group's guards cover the race.
  for (let attempt = 0; ; attempt++) {
    const entryId = newId();
    const guard = sql`exists (select 1 from ${rewards} where ${and(
      eq(rewards.id, reward.id),
      activeOn(day),
      sql`${rewards.taken} < ${rewards.stock}`,
      eq(rewards.price, reward.price),
    )})`;
    const written = entryWritten(entryId);
    try {
      await deps.atomic([
        spendStatement(deps.db, {
          id: entryId,
          accountId: user.id,
          kind: "redemption",
          sourceKey,
          cost: reward.price,
          rule: `reward ${reward.id} at ${reward.price}`,
          day,
          at,
          reason: `兑换 ${reward.name}`,
          guard,
        }),
        repo.takeStatement(reward.id, written),
        repo.redemptionStatement(
          {
            id: redemptionId,
            rewardId: reward.id,
            accountId: user.id,
            entryId,
            price: reward.price,
            pickupCode: newPickupCode(),
            status: "reserved",
            createdAt: at,
            collectedAt: null,
            collectedBy: null,
            cancelledAt: null,
            refundEntryId: null,
            claimId: null,
          },
          written,
        ),
      ]);
    } catch (err) {
      // Two redemptions drew the same pickup code (or reused a redemption id): the whole group was undone.
      if (isUniqueViolation(err) && attempt < 3) continue;
      throw err;
    }
    const settled = await settle(deps.db, sourceKey, entryId);
    if (settled.status === "refused") return { status: "refused", reason: await refusalReason(deps, reward, user.id, day) };
    if (settled.entry.accountId !== user.id) {
      throw conflict("this redemption id is already used; make a new one", { reason: "redemption_id_taken" });
    }
    const row = await repo.redemption(redemptionId);
    if (!row) throw new Error("redemption row missing after its spend");
    return { status: settled.status, redemption: row };
  }
}

/** Why a redemption was refused, read after the group: dates first, then stock, then the balance. */
async function refusalReason(deps: AppDeps, seen: RewardRow, accountId: string, day: string): Promise<RedeemRefusal> {
  const now = await rewardsRepo(deps.db).byId(seen.id);
  if (!now || !isActiveOn(now, day)) return "not_active";
  if (now.taken >= now.stock) return "out_of_stock";
  if (now.price !== seen.price) return "price_changed";
  if ((await balanceOf(deps.db, accountId)) < now.price) return "insufficient_points";
  // Nothing explains it any more (stock came back meanwhile): say what the resident can act on.
  return "out_of_stock";
}

/** Cancels a reserved redemption: true if this call did it. */
export async function cancelRedemption(deps: AppDeps, user: { id: string }, row: RedemptionRow, rewardName: string): Promise<boolean> {
  const now = deps.clock();
  const at = now.toISOString();
  const repo = rewardsRepo(deps.db);
  const refundId = newId();
  const refunded = entryWritten(refundId);
  const stillReserved = sql`exists (select 1 from ${rewardRedemptions} where ${rewardRedemptions.id} = ${row.id} and ${rewardRedemptions.status} = 'reserved')`;
  await deps.atomic([
    reversalStatement(deps.db, {
      id: refundId,
      entryId: row.entryId,
      rule: `cancel redemption ${row.id}`,
      actorId: user.id,
      day: cityClock(now, deps.config.cityZone).date,
      at,
      reason: `取消兑换 ${rewardName}，积分退回`,
      guard: stillReserved,
    }),
    repo.cancelStatement(row.id, at, refundId, refunded),
    repo.giveBackStatement(row.rewardId, refunded),
  ]);
  const after = await repo.redemption(row.id);
  return after?.refundEntryId === refundId;
}

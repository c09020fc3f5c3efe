import type { AdminReward, DeskRedemption, Redemption, RedemptionStatus, Reward, RewardPicture } from "@civic/shared";
import { inArray } from "drizzle-orm";
import { pointsCodes } from "../db/schema";
import type { AppDeps } from "../deps";
import { signedPhotoUrl } from "../platform/uploads/photo-urls";
import { householdLabel } from "../points/resident-code";
import type { RedemptionRow, RewardRow } from "./rewards.repo";

/* Rows → wire shapes. Pictures are served by signed photo URLs; the desk sees a household label only. */

type Deps = Pick<AppDeps, "db" | "config" | "clock">;

export async function pictureOf(deps: Deps, r: RewardRow): Promise<RewardPicture | null> {
  if (!r.pictureId) return null;
  return { id: r.pictureId, url: await signedPhotoUrl(deps.config.media, r.pictureId, deps.clock()) };
}

export const placeOf = (r: RewardRow) => ({ name: r.placeName, address: r.placeAddress, hours: r.placeHours });

export async function toReward(deps: Deps, r: RewardRow): Promise<Reward> {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    picture: await pictureOf(deps, r),
    price: r.price,
    stockLeft: Math.max(0, r.stock - r.taken),
    place: placeOf(r),
    activeFrom: r.activeFrom,
    activeTo: r.activeTo,
  };
}

export async function toAdminReward(deps: Deps, r: RewardRow, collected: number): Promise<AdminReward> {
  return {
    ...(await toReward(deps, r)),
    stock: r.stock,
    taken: r.taken,
    collected,
    retired: r.retiredAt !== null,
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

export function toRedemption(row: RedemptionRow, reward: RewardRow): Redemption {
  return {
    id: row.id,
    rewardId: row.rewardId,
    rewardName: reward.name,
    price: row.price,
    pickupCode: row.pickupCode,
    status: row.status as RedemptionStatus,
    place: placeOf(reward),
    createdAt: row.createdAt,
    collectedAt: row.collectedAt,
    cancelledAt: row.cancelledAt,
  };
}

/** Household labels of accounts (from their points-code reference); an account without one gets a neutral label. */
export async function householdLabels(deps: Deps, accountIds: readonly string[]): Promise<Map<string, string>> {
  if (accountIds.length === 0) return new Map();
  const rows = await deps.db
    .select({ accountId: pointsCodes.accountId, ref: pointsCodes.ref })
    .from(pointsCodes)
    .where(inArray(pointsCodes.accountId, [...new Set(accountIds)]));
  return new Map(rows.map((r) => [r.accountId, householdLabel(r.ref)]));
}

export async function toDeskRedemption(deps: Deps, row: RedemptionRow, reward: RewardRow, label: string): Promise<DeskRedemption> {
  return {
    id: row.id,
    pickupCode: row.pickupCode,
    rewardId: reward.id,
    rewardName: reward.name,
    picture: await pictureOf(deps, reward),
    place: placeOf(reward),
    householdLabel: label,
    status: row.status as RedemptionStatus,
    createdAt: row.createdAt,
    collectedAt: row.collectedAt,
  };
}

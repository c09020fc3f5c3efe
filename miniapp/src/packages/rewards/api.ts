import { Redemption, RedemptionList, RewardDetail, RewardList } from "@civic/shared";
import { newIdempotencyKey } from "../../services/idempotencyKey";
import { apiRequest } from "../../services/request";

/* Rewards (积分兑换), the resident's side: what is on offer, redeeming, my redemptions and cancelling one. */

export const rewardsOnOffer = () => apiRequest(RewardList, { path: "/api/v1/rewards" });

export const rewardById = (id: string) => apiRequest(RewardDetail, { path: `/api/v1/rewards/${encodeURIComponent(id)}` });

/** A redemption id made on the phone (a UUID), kept across retries of one confirm so the server answers once. */
export function newRedemptionId(): string {
  const hex = newIdempotencyKey("r").slice(2);
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const redeemReward = (rewardId: string, redemptionId: string) =>
  apiRequest(Redemption, { method: "POST", path: `/api/v1/rewards/${encodeURIComponent(rewardId)}/redeem`, body: { redemptionId } });

export const myRedemptions = () => apiRequest(RedemptionList, { path: "/api/v1/rewards/redemptions/mine" });

export const cancelRedemption = (id: string) =>
  apiRequest(Redemption, { method: "POST", path: `/api/v1/rewards/redemptions/${encodeURIComponent(id)}/cancel` });

import { AdminReward, AdminRewardList, DeskRedemption, type RewardCreate, type RewardPatch, RewardRedemptions } from "@civic/shared";
import { apiRequest } from "../../services/request";

/* The bureau's side of rewards: the catalogue (admin) and the pickup desk (staff). */

const rewardPath = (id: string) => `/api/v1/admin/rewards/${encodeURIComponent(id)}`;
const deskPath = (code: string) => `/api/v1/rewards/desk/${encodeURIComponent(code)}`;

export const adminRewards = () => apiRequest(AdminRewardList, { path: "/api/v1/admin/rewards" });
export const createReward = (body: RewardCreate) => apiRequest(AdminReward, { method: "POST", path: "/api/v1/admin/rewards", body });
export const updateReward = (id: string, body: RewardPatch) => apiRequest(AdminReward, { method: "PATCH", path: rewardPath(id), body });
export const rewardRedemptions = (id: string) => apiRequest(RewardRedemptions, { path: `${rewardPath(id)}/redemptions` });

export const deskLookup = (code: string) => apiRequest(DeskRedemption, { path: deskPath(code) });
export const deskCollect = (code: string) => apiRequest(DeskRedemption, { method: "POST", path: `${deskPath(code)}/collect` });

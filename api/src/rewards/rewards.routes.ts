import {
  AdminReward,
  AdminRewardList,
  DeskRedemption,
  RedeemRequest,
  Redemption,
  RedemptionList,
  RewardCreate,
  RewardDetail,
  RewardList,
  RewardPatch,
  RewardRedemptions,
} from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin, requireStaff, requireUser } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* Rewards: residents' list, detail, redeem and their redemptions; the pickup desk; the admin's catalogue. */

const tags = ["rewards"];
const adminTags = ["admin", "rewards"];
const IdParam = z.object({ id: z.string().min(1).max(64) });
const CodeParam = z.object({ pickupCode: z.string().min(1).max(32) });

export const listRewards = createRoute({
  method: "get",
  path: "/api/v1/rewards",
  tags,
  summary: "Rewards on offer today (city date) with the stock left, and the caller's points balance",
  security: bearerAuth,
  middleware: [requireUser],
  responses: { 200: jsonContent(RewardList, "Rewards"), ...errorResponses(401) },
});

export const rewardById = createRoute({
  method: "get",
  path: "/api/v1/rewards/{id}",
  tags,
  summary: "One reward on offer today, with the caller's balance (404 for one retired or outside its dates)",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam },
  responses: { 200: jsonContent(RewardDetail, "The reward"), ...errorResponses(401, 404) },
});

export const redeemReward = createRoute({
  method: "post",
  path: "/api/v1/rewards/{id}/redeem",
  tags,
  summary:
    "Redeem: the points (ledger source redeem:<redemptionId>), one item of stock and the redemption with its pickup code in one atomic step; 201 with the code; a retry with the same redemptionId answers the first result; 409 out_of_stock | insufficient_points | not_active | price_changed",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam, body: jsonBody(RedeemRequest) },
  responses: { 201: jsonContent(Redemption, "Redeemed (or the first answer of a retry)"), ...errorResponses(401, 404, 409, 415, 422) },
});

export const myRedemptions = createRoute({
  method: "get",
  path: "/api/v1/rewards/redemptions/mine",
  tags,
  summary: "The caller's redemptions, newest first",
  security: bearerAuth,
  middleware: [requireUser],
  responses: { 200: jsonContent(RedemptionList, "Redemptions"), ...errorResponses(401) },
});

export const cancelRedemption = createRoute({
  method: "post",
  path: "/api/v1/rewards/redemptions/{id}/cancel",
  tags,
  summary:
    "Cancel one's own redemption before it is collected: the points come back by a reversing entry and the item goes back to stock, once (409 not_reserved otherwise); someone else's is 404",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam },
  responses: { 200: jsonContent(Redemption, "Cancelled and refunded"), ...errorResponses(401, 404, 409) },
});

export const deskLookup = createRoute({
  method: "get",
  path: "/api/v1/rewards/desk/{pickupCode}",
  tags,
  summary:
    "The pickup desk (staff: moderators and admins, the bureau's people at the pickup place) looks a code up: the reward, the household's short label (never the resident's name or phone) and the status",
  security: bearerAuth,
  middleware: [requireStaff],
  request: { params: CodeParam },
  responses: { 200: jsonContent(DeskRedemption, "The redemption"), ...errorResponses(401, 403, 404) },
});

export const deskCollect = createRoute({
  method: "post",
  path: "/api/v1/rewards/desk/{pickupCode}/collect",
  tags,
  summary: "Mark a redemption collected, once (a second or a cancelled one: 409); the resident gets an inbox notice",
  security: bearerAuth,
  middleware: [requireStaff],
  request: { params: CodeParam },
  responses: { 200: jsonContent(DeskRedemption, "Collected"), ...errorResponses(401, 403, 404, 409) },
});

export const adminListRewards = createRoute({
  method: "get",
  path: "/api/v1/admin/rewards",
  tags: adminTags,
  summary: "Every reward (retired last) with stock, taken and collected counts and its version",
  security: bearerAuth,
  middleware: [requireAdmin],
  responses: { 200: jsonContent(AdminRewardList, "Rewards"), ...errorResponses(401, 403) },
});

export const adminCreateReward = createRoute({
  method: "post",
  path: "/api/v1/admin/rewards",
  tags: adminTags,
  summary: "Create a reward (picture: one of the admin's uploads)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { body: jsonBody(RewardCreate) },
  responses: { 201: jsonContent(AdminReward, "Created"), ...errorResponses(401, 403, 415, 422) },
});

export const adminRewardById = createRoute({
  method: "get",
  path: "/api/v1/admin/rewards/{id}",
  tags: adminTags,
  summary: "One reward as the admin edits it, with its version",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { params: IdParam },
  responses: { 200: jsonContent(AdminReward, "The reward"), ...errorResponses(401, 403, 404) },
});

export const adminPatchReward = createRoute({
  method: "patch",
  path: "/api/v1/admin/rewards/{id}",
  tags: adminTags,
  summary:
    "Edit or retire a reward at the version the admin saw (409 stale_version with the current reward); the stock never below what is reserved or collected (409 stock_below_taken)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { params: IdParam, body: jsonBody(RewardPatch) },
  responses: { 200: jsonContent(AdminReward, "Edited"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const adminRewardRedemptions = createRoute({
  method: "get",
  path: "/api/v1/admin/rewards/{id}/redemptions",
  tags: adminTags,
  summary: "One reward's redemptions (household labels only) with counts per status",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { params: IdParam },
  responses: { 200: jsonContent(RewardRedemptions, "Redemptions"), ...errorResponses(401, 403, 404) },
});

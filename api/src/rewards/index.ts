/**
 * rewards: spending recycling points (积分兑换). Residents list the rewards on offer today (city date) with
 * the stock left and their balance, redeem one (points, stock and a redemption with a pickup code in ONE
 * atomic group: the last item redeemed by many at once goes to exactly one; a client-made redemption id
 * makes a retry answer the first result), list their redemptions and cancel one before collection (a
 * reversing entry refunds it, the item goes back, once). The pickup desk — staff, i.e. moderators and
 * admins (isStaff): the bureau's people who hand rewards out; no separate desk role exists — looks a code
 * up (seeing the household's short label only) and marks it collected, once; the resident gets an inbox
 * notice. Admins manage the catalogue (versioned edits, stock never below what is taken) and read each
 * reward's redemptions with counts.
 * Tables: rewards, reward_redemptions; the ledger (points_entries) holds the spends and refunds; pictures
 * are uploads attached to the reward (owner type "reward"), readable by any signed-in user.
 */
import type { createRouter } from "../platform/router";
import { whoMayReadUploads } from "../platform/uploads/readers";
import * as admin from "./admin.handlers";
import { devGrantPoints, devGrantPointsHandler } from "./dev-grant";
import * as handlers from "./rewards.handlers";
import * as routes from "./rewards.routes";

export function registerRewards(app: ReturnType<typeof createRouter>, opts: { devLogin: boolean }) {
  // A reward's picture is shown to every resident.
  whoMayReadUploads(admin.REWARD_PICTURES, async () => true);
  app.openapi(routes.listRewards, handlers.listRewardsHandler);
  // Before /{id}, so "redemptions" and "desk" are not read as ids.
  app.openapi(routes.myRedemptions, handlers.myRedemptionsHandler);
  app.openapi(routes.cancelRedemption, handlers.cancelRedemptionHandler);
  app.openapi(routes.deskLookup, handlers.deskLookupHandler);
  app.openapi(routes.deskCollect, handlers.deskCollectHandler);
  app.openapi(routes.rewardById, handlers.rewardByIdHandler);
  app.openapi(routes.redeemReward, handlers.redeemRewardHandler);
  app.openapi(routes.adminListRewards, admin.adminListRewardsHandler);
  app.openapi(routes.adminCreateReward, admin.adminCreateRewardHandler);
  app.openapi(routes.adminRewardById, admin.adminRewardByIdHandler);
  app.openapi(routes.adminPatchReward, admin.adminPatchRewardHandler);
  app.openapi(routes.adminRewardRedemptions, admin.adminRewardRedemptionsHandler);
  if (opts.devLogin) app.openapi(devGrantPoints, devGrantPointsHandler);
}

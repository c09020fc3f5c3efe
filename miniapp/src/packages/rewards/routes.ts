/* The rewards subpackage's pages (registered in app.config.ts under packages/rewards). */
export const REWARDS_PAGE = "/packages/rewards/list/index";
export const REWARD_PAGE = "/packages/rewards/detail/index";
export const MY_REDEMPTIONS_PAGE = "/packages/rewards/mine/index";

export const rewardUrl = (id: string) => `${REWARD_PAGE}?id=${encodeURIComponent(id)}`;

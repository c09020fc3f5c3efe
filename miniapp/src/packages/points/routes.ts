/* The points subpackage's pages (registered in app.config.ts under packages/points) and the pages it links to. */
export const POINTS_HOME = "/packages/points/index/index";
export const POINTS_HISTORY = "/packages/points/history/index";
export const POINTS_CODE = "/packages/points/code/index";
// Built by the rewards, guide and communities subpackages.
export const REWARDS_LIST = "/packages/rewards/list/index";
export const GUIDE_SEARCH = "/packages/guide/search/index";
export const GUIDE_QUIZ = "/packages/guide/quiz/index";
export const MY_COMMUNITY = "/packages/communities/mine/index";

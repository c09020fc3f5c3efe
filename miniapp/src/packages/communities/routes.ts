/* The communities subpackage's pages (registered in app.config.ts under packages/communities). */
export const MY_COMMUNITY_PAGE = "/packages/communities/mine/index";
export const COMMUNITY_RANKING_PAGE = "/packages/communities/ranking/index";
export const COMMUNITY_PAGE = "/packages/communities/community/index";

export const communityUrl = (id: string) => `${COMMUNITY_PAGE}?id=${encodeURIComponent(id)}`;

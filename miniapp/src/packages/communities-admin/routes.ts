/* The bureau's 星级小区 pages (registered in app.config.ts under packages/communities-admin). */
export const ADMIN_COMMUNITIES_PAGE = "/packages/communities-admin/communities/index";
export const ADMIN_COMMUNITY_MONTH_PAGE = "/packages/communities-admin/month/index";

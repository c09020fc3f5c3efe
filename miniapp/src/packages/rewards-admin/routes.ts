/* The bureau's rewards pages (registered in app.config.ts under packages/rewards-admin). */
export const REWARDS_ADMIN_PAGE = "/packages/rewards-admin/list/index";
export const REWARDS_DESK_PAGE = "/packages/rewards-admin/desk/index";

/* The admin subpackage's pages (registered in app.config.ts under packages/admin). */
export const ADMIN_HOME = "/packages/admin/home/index";
export const USERS_PAGE = "/packages/admin/users/index";
export const CATEGORIES_PAGE = "/packages/admin/categories/index";
export const TOILETS_PAGE = "/packages/admin/toilets/index";
export const TOILET_EDIT_PAGE = "/packages/admin/toilets/edit";
export const TOILET_IMPORT_PAGE = "/packages/admin/toilet-import/index";
export const OPEN311_KEYS_PAGE = "/packages/admin/open311-keys/index";
export const AUDIT_PAGE = "/packages/admin/audit/index";
export const TOILET_FEEDBACK_PAGE = "/packages/admin/toilet-feedback/index";

export const toiletEditUrl = (id: string) => `${TOILET_EDIT_PAGE}?id=${encodeURIComponent(id)}`;

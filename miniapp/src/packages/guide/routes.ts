/* The sorting guide subpackage's pages (registered in app.config.ts under packages/guide). The lead wires entries. */
export const GUIDE_SEARCH_PAGE = "/packages/guide/search/index";
export const GUIDE_ITEM_PAGE = "/packages/guide/item/index";
export const GUIDE_CLASSES_PAGE = "/packages/guide/classes/index";
export const GUIDE_QUIZ_PAGE = "/packages/guide/quiz/index";
export const GUIDE_SUGGEST_PAGE = "/packages/guide/suggest/index";
/** The bureau's review of residents' suggestions (packages/guide-admin, admin only). */
export const GUIDE_ADMIN_SUGGESTIONS_PAGE = "/packages/guide-admin/suggestions/index";

export const guideItemUrl = (id: string) => `${GUIDE_ITEM_PAGE}?id=${encodeURIComponent(id)}`;
export const guideClassUrl = (cls: string) => `${GUIDE_CLASSES_PAGE}?class=${encodeURIComponent(cls)}`;
export const guideSuggestUrl = (name: string) => `${GUIDE_SUGGEST_PAGE}?name=${encodeURIComponent(name)}`;

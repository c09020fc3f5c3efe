import { ADMIN_ONLY, type Rows } from "./table";

/** The sorting guide: search, the daily quiz and residents' suggestions. */
export const GUIDE_ROWS: Rows = {
  "GET /api/v1/guide/items": { access: "public", path: () => "/api/v1/guide/items" },
  "GET /api/v1/guide/search": { access: "public", path: () => `/api/v1/guide/search?q=${encodeURIComponent("瓶")}` },
  "POST /api/v1/guide/suggestions": {
    access: "signed-in",
    path: () => "/api/v1/guide/suggestions",
    body: () => ({ name: "矩阵物品", guessedClass: "other" }),
  },
  "GET /api/v1/guide/quiz": { access: "signed-in", path: () => "/api/v1/guide/quiz" },
  // Yesterday's quiz: everyone signed in gets past the checks to a 409 (nothing is scored).
  "POST /api/v1/guide/quiz": {
    access: "signed-in",
    path: () => "/api/v1/guide/quiz",
    body: () => ({ date: "2000-01-01", answers: [{ itemId: "rec-plastic-bottle", answer: "recyclable" }] }),
  },
  "GET /api/v1/admin/guide/suggestions": { access: ADMIN_ONLY, path: () => "/api/v1/admin/guide/suggestions" },
  // A stale version: the admin gets a 409 and the fixture suggestion stays pending.
  "POST /api/v1/admin/guide/suggestions/{id}/resolve": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/guide/suggestions/${f.guideSuggestionId}/resolve`,
    body: () => ({ decision: "decline", version: 99, reason: "矩阵" }),
  },
};

import {
  GuideItemList,
  GuideQuiz,
  GuideSearchQuery,
  GuideSearchResult,
  GuideSuggestion,
  GuideSuggestionCreate,
  GuideSuggestionList,
  GuideSuggestionResolve,
  GuideSuggestionsQuery,
  QuizResult,
  QuizSubmission,
} from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin, requireUser } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* The sorting guide: the dataset and its search (public), suggestions, the admin's review and the daily quiz. */

const tags = ["guide"];
const adminTags = ["admin", "guide"];
const IdParam = z.object({ id: z.string().min(1).max(64) });

export const guideItems = createRoute({
  method: "get",
  path: "/api/v1/guide/items",
  tags,
  summary: "The whole sorting guide with its version; the ETag carries the version, If-None-Match answers 304",
  request: { headers: z.object({ "if-none-match": z.string().max(200).optional() }) },
  responses: {
    200: jsonContent(GuideItemList, "The guide"),
    304: { description: "The caller's copy is current" },
  },
});

export const guideSearch = createRoute({
  method: "get",
  path: "/api/v1/guide/search",
  tags,
  summary: "Search by 汉字, pinyin or initials over names and synonyms (exact name > synonym > prefix > pinyin)",
  request: { query: GuideSearchQuery },
  responses: { 200: jsonContent(GuideSearchResult, "Ranked hits"), ...errorResponses(400, 422) },
});

export const createSuggestion = createRoute({
  method: "post",
  path: "/api/v1/guide/suggestions",
  tags,
  summary: "Not in the guide: suggest an item (a few a day per user; the same pending name twice is 409 duplicate_pending)",
  security: bearerAuth,
  middleware: [requireUser],
  request: { body: jsonBody(GuideSuggestionCreate) },
  responses: { 201: jsonContent(GuideSuggestion, "Suggested"), ...errorResponses(400, 401, 409, 415, 422, 429) },
});

export const adminSuggestions = createRoute({
  method: "get",
  path: "/api/v1/admin/guide/suggestions",
  tags: adminTags,
  summary: "Residents' suggestions by status (pending first-come first)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { query: GuideSuggestionsQuery },
  responses: { 200: jsonContent(GuideSuggestionList, "Suggestions"), ...errorResponses(401, 403, 422) },
});

export const resolveSuggestion = createRoute({
  method: "post",
  path: "/api/v1/admin/guide/suggestions/{id}/resolve",
  tags: adminTags,
  summary:
    "Accept (adds the item to the guide, whose version changes) or decline with a reason; the suggester gets a notice either way (409 stale / name_exists)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { params: IdParam, body: jsonBody(GuideSuggestionResolve) },
  responses: { 200: jsonContent(GuideSuggestion, "Resolved"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const getQuiz = createRoute({
  method: "get",
  path: "/api/v1/guide/quiz",
  tags,
  summary: "Today's five questions for the caller (city date; no answers), and today's result once answered",
  security: bearerAuth,
  middleware: [requireUser],
  responses: { 200: jsonContent(GuideQuiz, "Quiz"), ...errorResponses(401) },
});

export const submitQuiz = createRoute({
  method: "post",
  path: "/api/v1/guide/quiz",
  tags,
  summary:
    "Answer today's quiz: score, right answers with explanations, points once a city day (a repeat returns the first result; yesterday's quiz is 409 quiz_changed)",
  security: bearerAuth,
  middleware: [requireUser],
  request: { body: jsonBody(QuizSubmission) },
  responses: { 200: jsonContent(QuizResult, "Result"), ...errorResponses(400, 401, 409, 415, 422) },
});

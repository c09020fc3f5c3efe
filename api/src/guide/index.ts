/**
 * guide: the sorting guide (垃圾分类指南) and the daily quiz. Anyone reads the dataset (versioned, ETag/304,
 * public cache) and searches it; signed-in residents suggest missing items (rate-limited per day, one pending
 * per name) and take the day's five-question quiz (one result and one ledger award per city day); admins
 * accept a suggestion (the item joins the guide) or decline it, and the suggester gets an inbox notice.
 * Tables: guide_suggestions, guide_added_items, guide_quiz_results; the points go to the ledger (api/src/points).
 */
import type { createRouter } from "../platform/router";
import * as handlers from "./guide.handlers";
import * as routes from "./guide.routes";
import * as admin from "./guide-admin.handlers";
import * as quiz from "./quiz.handlers";

export function registerGuide(app: ReturnType<typeof createRouter>) {
  app.openapi(routes.guideItems, handlers.guideItemsHandler);
  app.openapi(routes.guideSearch, handlers.guideSearchHandler);
  app.openapi(routes.createSuggestion, handlers.createSuggestionHandler);
  app.openapi(routes.getQuiz, quiz.getQuizHandler);
  app.openapi(routes.submitQuiz, quiz.submitQuizHandler);
  app.openapi(routes.adminSuggestions, admin.adminSuggestionsHandler);
  app.openapi(routes.resolveSuggestion, admin.resolveSuggestionHandler);
}

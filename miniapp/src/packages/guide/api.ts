import { GuideItemList, GuideQuiz, GuideSuggestion, type GuideSuggestionCreate, QuizResult, type QuizSubmission } from "@civic/shared";
import { type ApiResult, apiRequest } from "../../services/request";

/* The sorting guide's requests: the dataset (revalidated by version), suggestions and the daily quiz. */

/** The guide, or `null` when the server says the copy of `version` is still current (304). */
export async function fetchGuide(version: string | null): Promise<ApiResult<GuideItemList | null>> {
  const res = await apiRequest(GuideItemList, {
    path: "/api/v1/guide/items",
    headers: version ? { "If-None-Match": `"guide-${version}"` } : undefined,
  });
  if (!res.ok && res.kind === "http" && res.status === 304) return { ok: true, data: null, status: 304 };
  return res;
}

export const suggestItem = (body: GuideSuggestionCreate) =>
  apiRequest(GuideSuggestion, { method: "POST", path: "/api/v1/guide/suggestions", body });

export const todaysQuiz = () => apiRequest(GuideQuiz, { path: "/api/v1/guide/quiz" });

export const submitQuiz = (body: QuizSubmission) => apiRequest(QuizResult, { method: "POST", path: "/api/v1/guide/quiz", body });

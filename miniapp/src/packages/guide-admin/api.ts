import { GuideSuggestion, GuideSuggestionList, type GuideSuggestionResolve } from "@civic/shared";
import { apiRequest } from "../../services/request";

/* The bureau's review of residents' suggestions for the sorting guide (admin only). */

export const pendingSuggestions = () =>
  apiRequest(GuideSuggestionList, { path: "/api/v1/admin/guide/suggestions", query: { status: "pending" } });

export const resolveSuggestion = (id: string, body: GuideSuggestionResolve) =>
  apiRequest(GuideSuggestion, { method: "POST", path: `/api/v1/admin/guide/suggestions/${encodeURIComponent(id)}/resolve`, body });

import { hasRole, type SessionResponse } from "@civic/shared";
import type { ApiFailure } from "../../services/request";

/* Who may use the collector pages: holders of the collector role (the API answers 403 to anyone else). */
export const FORBIDDEN_MESSAGE = "此页面仅限回收员使用，请联系城管局开通";

export const isCollector = (session: SessionResponse | null): boolean => (session ? hasRole(session.user, "collector") : false);

/** The error a collector page shows: the 403 text for non-collectors, else the request's failure. */
export function pageError(session: SessionResponse | null, failure: ApiFailure | null): ApiFailure | string | null {
  if (session && !isCollector(session)) return FORBIDDEN_MESSAGE;
  if (failure?.status === 403) return FORBIDDEN_MESSAGE;
  return failure;
}

export const canRetry = (error: ApiFailure | string | null): boolean => error !== null && error !== FORBIDDEN_MESSAGE;

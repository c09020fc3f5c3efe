import { hasRole, type SessionResponse } from "@civic/shared";
import type { ApiFailure } from "../../services/request";

/* Who may use the volunteer pages: holders of the volunteer role (the API answers 403 to anyone else). */
export const FORBIDDEN_MESSAGE = "此页面仅限小蜜蜂志愿者使用，请联系社区或城管局开通";

export const isVolunteer = (session: SessionResponse | null): boolean => (session ? hasRole(session.user, "volunteer") : false);

export function pageError(session: SessionResponse | null, failure: ApiFailure | null): ApiFailure | string | null {
  if (session && !isVolunteer(session)) return FORBIDDEN_MESSAGE;
  if (failure?.status === 403) return FORBIDDEN_MESSAGE;
  return failure;
}

export const canRetry = (error: ApiFailure | string | null): boolean => error !== null && error !== FORBIDDEN_MESSAGE;

import { canAdminister, type SessionResponse } from "@civic/shared";
import type { ApiFailure } from "../../services/request";

/* Who may open the bureau's parking pages: admins, by shared's check (the one the API answers 403 by). */
export const ADMIN_ONLY_MESSAGE = "此页面仅限系统管理员使用";

export const isAdmin = (session: SessionResponse | null): boolean => canAdminister(session?.user);

/** The refusal for a non-admin (without asking the server), else the failure. */
export function pageError(session: SessionResponse | null, failure: ApiFailure | null): ApiFailure | string | null {
  if (session && !isAdmin(session)) return ADMIN_ONLY_MESSAGE;
  if (failure?.status === 403) return ADMIN_ONLY_MESSAGE;
  return failure;
}

export const canRetry = (error: ApiFailure | string | null): boolean => error !== null && error !== ADMIN_ONLY_MESSAGE;

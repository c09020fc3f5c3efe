import { canAdminister, type SessionResponse } from "@civic/shared";
import type { ApiFailure } from "../../services/request";

/* Who may use the admin console: shared/src/auth's check, the same one the API answers 403 by. */
export const FORBIDDEN_MESSAGE = "此页面仅限系统管理员使用";

export const isAdmin = (session: SessionResponse | null): boolean => canAdminister(session?.user);

/** The error an admin page shows: the 403 text for non-admins (without asking the server), else the failure. */
export function pageError(session: SessionResponse | null, failure: ApiFailure | null): ApiFailure | string | null {
  if (session && !isAdmin(session)) return FORBIDDEN_MESSAGE;
  if (failure?.status === 403) return FORBIDDEN_MESSAGE;
  return failure;
}

/** Retrying cannot help a 403. */
export const canRetry = (error: ApiFailure | string | null): boolean => error !== null && error !== FORBIDDEN_MESSAGE;

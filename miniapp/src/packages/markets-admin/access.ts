import { canAdminister, type SessionResponse } from "@civic/shared";
import type { ApiFailure } from "../../services/request";

/* The night-markets administration is for admins (the API's canAdminister). */
export const ADMIN_ONLY = "此页面仅限系统管理员使用";

export function adminPageError(session: SessionResponse | null, failure: ApiFailure | null): ApiFailure | string | null {
  if ((session && !canAdminister(session.user)) || failure?.status === 403) return ADMIN_ONLY;
  return failure;
}

export const mayOpen = (session: SessionResponse | null): boolean => !!session && canAdminister(session.user);

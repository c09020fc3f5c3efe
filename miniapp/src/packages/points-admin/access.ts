import { canAdminister, type SessionResponse } from "@civic/shared";
import type { ApiFailure } from "../../services/request";

/* The points settings are admin-only (the API answers 403 by the same shared check). */
export const ADMIN_ONLY_MESSAGE = "此页面仅限系统管理员使用";

export const mayOpen = (session: SessionResponse | null): boolean => canAdminister(session?.user);

export function pageError(session: SessionResponse | null, failure: ApiFailure | null): ApiFailure | string | null {
  if (session && !mayOpen(session)) return ADMIN_ONLY_MESSAGE;
  if (failure?.status === 403) return ADMIN_ONLY_MESSAGE;
  return failure;
}

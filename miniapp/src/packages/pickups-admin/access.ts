import { canAdminister, canModerate, type SessionResponse } from "@civic/shared";
import type { ApiFailure } from "../../services/request";

/*
 * Who may open the bureau's pickups pages: the catalogue, slots, blackouts and collectors' areas are
 * admin-only; the day overview and KPIs are for staff (moderator or admin). The same shared checks the
 * API answers 403 by.
 */
export const ADMIN_ONLY_MESSAGE = "此页面仅限系统管理员使用";
export const STAFF_ONLY_MESSAGE = "此页面仅限城管局工作人员使用";

export type Audience = "admin" | "staff";

export const mayOpen = (audience: Audience, session: SessionResponse | null): boolean =>
  audience === "admin" ? canAdminister(session?.user) : canModerate(session?.user);

const refusal = (audience: Audience) => (audience === "admin" ? ADMIN_ONLY_MESSAGE : STAFF_ONLY_MESSAGE);

/** The error a page shows: the refusal for the wrong role (without asking the server), else the failure. */
export function pageError(audience: Audience, session: SessionResponse | null, failure: ApiFailure | null): ApiFailure | string | null {
  if (session && !mayOpen(audience, session)) return refusal(audience);
  if (failure?.status === 403) return refusal(audience);
  return failure;
}

/** Retrying cannot help a refusal. */
export const canRetry = (error: ApiFailure | string | null): boolean =>
  error !== null && error !== ADMIN_ONLY_MESSAGE && error !== STAFF_ONLY_MESSAGE;

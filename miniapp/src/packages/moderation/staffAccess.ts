import { canModerate, type SessionResponse } from "@civic/shared";
import type { ApiFailure } from "../../services/request";
import { FORBIDDEN_MESSAGE } from "./api";

/* Who may use the moderation pages: shared/src/auth's check, the same one the API answers 403 by. */
export const isStaff = (session: SessionResponse | null): boolean => canModerate(session?.user);

/** The error a moderation page shows: the 403 text for non-staff, else the request's failure. */
export function pageError(session: SessionResponse | null, failure: ApiFailure | null): ApiFailure | string | null {
  if (session && !isStaff(session)) return FORBIDDEN_MESSAGE;
  if (failure?.status === 403) return FORBIDDEN_MESSAGE;
  return failure;
}

/** Retrying cannot help a 403. */
export const canRetry = (error: ApiFailure | string | null): boolean => error !== null && error !== FORBIDDEN_MESSAGE;

/*
 * The privacy policy's identity and the account tombstone, shared by the API (consent records, erasure,
 * retention) and the mini-program (the policy page, the consent it records).
 */

/** Bump whenever the policy text changes: users are asked to accept the new version. */
export const PRIVACY_POLICY_VERSION = "2026-12-01";

/** Default days after a report is closed before its reporter is unlinked (RETENTION_DAYS on the server). */
export const DEFAULT_RETENTION_DAYS = 365;

/**
 * The one user row that unlinked reports, photos and feedback point to once their person is gone (an
 * erased account or an expired retention period). It can never sign in: no real or dev openid has the
 * `erased:` prefix, and it never receives notifications.
 */
export const ERASED_USER_ID = "00000000-0000-7000-8000-000000000000";

/** The confirmation a client must send to delete an account; typed by the user, not implied by a tap. */
export const DELETE_ACCOUNT_CONFIRMATION = "DELETE";

/** True for a reporter id that no longer names a person. */
export const isErasedUser = (userId: string | null | undefined) => userId === ERASED_USER_ID;

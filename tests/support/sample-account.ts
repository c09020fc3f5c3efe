import { AccountExport, PRIVACY_POLICY_VERSION } from "@civic/shared";

/* A resident's data export for the mini-program's 隐私与数据 tests (jsdom and weapp): empty lists, given counts. */
export const sampleAccountExport = (counts: Record<string, number>, sessionKeyHeld = false) =>
  AccountExport.parse({
    exportedAt: "2026-11-30T02:00:00.000Z",
    policyVersion: PRIVACY_POLICY_VERSION,
    profile: { id: "u1", openid: "o1", unionid: null, nickname: null, createdAt: "2026-09-01T00:00:00.000Z", sessionKeyHeld },
    roles: [{ role: "resident", grantedAt: "2026-09-01T00:00:00.000Z" }],
    sessions: [],
    reports: [],
    follows: [],
    ratings: [],
    unattachedPhotos: [],
    inbox: [],
    notifications: [],
    toiletFeedback: [],
    consents: [],
    idempotencyKeys: [],
    audit: [],
    counts,
  });

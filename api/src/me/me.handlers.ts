import { PRIVACY_POLICY_VERSION, type PrivacyStatus } from "@civic/shared";
import { invalidateUser } from "../auth";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { ApiError, conflict, validationFailed } from "../platform/errors";
import { enforceRateLimit } from "../platform/rate-limit";
import type { AppRouteHandler } from "../platform/router";
import { WechatError } from "../platform/wechat";
import { eraseAccount } from "./account-erasure";
import { exportAccount } from "./account-export";
import { meRepo } from "./me.repo";
import type { deleteMyAccount, exchangePhoneNumber, exportMyData, privacyStatus, recordConsent } from "./me.routes";

/** Every answer here is about one person: never stored by a browser or a proxy. */
const PRIVATE = { "Cache-Control": "no-store" };

async function statusOf(deps: AppDeps, userId: string): Promise<PrivacyStatus> {
  const consent = await meRepo(deps.db).latestConsent(userId);
  return {
    policyVersion: PRIVACY_POLICY_VERSION,
    retentionDays: deps.config.retentionDays,
    consent,
    upToDate: consent?.policyVersion === PRIVACY_POLICY_VERSION,
  };
}

export const privacyStatusHandler: AppRouteHandler<typeof privacyStatus> = async (c) =>
  c.json(await statusOf(c.get("deps"), currentUser(c).id), 200, PRIVATE);

export const recordConsentHandler: AppRouteHandler<typeof recordConsent> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { policyVersion } = c.req.valid("json");
  // Accepting an outdated text is not consent to the one in force: the client shows the current policy again.
  if (policyVersion !== PRIVACY_POLICY_VERSION) {
    throw conflict("the privacy policy has changed; read and accept the current version", { currentVersion: PRIVACY_POLICY_VERSION });
  }
  await meRepo(deps.db).recordConsent(user.id, policyVersion, deps.clock().toISOString());
  return c.json(await statusOf(deps, user.id), 200, PRIVATE);
};

export const exportMyDataHandler: AppRouteHandler<typeof exportMyData> = async (c) =>
  c.json(await exportAccount(c.get("deps"), currentUser(c).id), 200, PRIVATE);

export const deleteMyAccountHandler: AppRouteHandler<typeof deleteMyAccount> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const result = await eraseAccount(deps, user.id);
  afterAccountDeleted(deps, user.id);
  return c.json(result, 200, PRIVATE);
};

/**
 * The one place that runs after an account is erased: the revoked sessions stop working on this instance
 * at once (other instances within SESSION_CACHE_MS).
 */
export function afterAccountDeleted(deps: AppDeps, userId: string): void {
  invalidateUser(deps, userId);
  deps.log.info("account deleted", { userId });
}

/** Phone-number exchanges per user: a form needs one or two, a script no more. */
export const PHONE_NUMBER_LIMIT = { limit: 10, windowSeconds: 60 };

/** The phone-number button's code → the number, through WeChat; the number is answered, never stored. */
export const exchangePhoneNumberHandler: AppRouteHandler<typeof exchangePhoneNumber> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { code } = c.req.valid("json");
  await enforceRateLimit(deps.db, { bucket: `phone-number:user:${user.id}`, ...PHONE_NUMBER_LIMIT, now: deps.clock() });
  try {
    const info = await deps.wechat.getPhoneNumber(code);
    return c.json({ phone: info.purePhoneNumber, countryCode: info.countryCode }, 200, PRIVATE);
  } catch (err) {
    if (err instanceof WechatError && (err.errcode === 40029 || err.errcode === 47001)) {
      throw validationFailed("the phone-number code is invalid, expired or already used; tap the button again", [
        { path: "code", message: "invalid, expired or used" },
      ]);
    }
    if (err instanceof WechatError && err.errcode === 45011) {
      throw new ApiError(429, "rate_limited", "WeChat is limiting these requests; try again in a minute", undefined, {
        "Retry-After": "60",
      });
    }
    deps.log.warn("getuserphonenumber failed", {
      requestId: c.get("requestId"),
      errcode: err instanceof WechatError ? err.errcode : "unknown",
    });
    throw new ApiError(502, "upstream_unavailable", "WeChat is unavailable right now; type the number instead");
  }
};

import { clientIp } from "../platform/client-ip";
import { ApiError, notFound } from "../platform/errors";
import { enforceRateLimit } from "../platform/rate-limit";
import type { AppRouteHandler } from "../platform/router";
import { WechatError } from "../platform/wechat";
import { currentUser } from "./auth.middleware";
import { authRepo } from "./auth.repo";
import type { devLogin, logout, me, wechatLogin } from "./auth.routes";
import { invalidateSession } from "./session-cache";
import { openSession } from "./sessions";

export const wechatLoginHandler: AppRouteHandler<typeof wechatLogin> = async (c) => {
  const deps = c.get("deps");
  const { code } = c.req.valid("json");
  let identity: Awaited<ReturnType<typeof deps.wechat.code2session>>;
  try {
    identity = await deps.wechat.code2session(code);
  } catch (err) {
    if (err instanceof WechatError && err.isBadCode) {
      throw new ApiError(401, "unauthorized", "the login code is invalid, expired or already used; call wx.login again");
    }
    if (err instanceof WechatError && err.errcode === 45011) {
      throw new ApiError(429, "rate_limited", "WeChat is limiting logins; try again in a minute", undefined, { "Retry-After": "60" });
    }
    deps.log.warn("code2session failed", { requestId: c.get("requestId"), errcode: err instanceof WechatError ? err.errcode : "unknown" });
    throw new ApiError(502, "upstream_unavailable", "WeChat sign-in is unavailable right now; try again shortly");
  }
  return c.json(await openSession(deps, identity), 200);
};

/** Generous for a demo's role picker and a test suite, firm against a script. */
export const DEV_LOGIN_LIMIT = { limit: 60, windowSeconds: 60 };

export const devLoginHandler: AppRouteHandler<typeof devLogin> = async (c) => {
  const deps = c.get("deps");
  // Checked again here (the route is also unmounted) so no wiring mistake can open it in production.
  if (!deps.config.devLogin) throw notFound("route");
  // Each call can mint a user: per caller's address, so a script cannot fill the users table.
  await enforceRateLimit(deps.db, { bucket: `dev-login:ip:${clientIp(c)}`, ...DEV_LOGIN_LIMIT, now: deps.clock() });
  const { openid, role } = c.req.valid("json");
  return c.json(await openSession(deps, { openid: `dev:${openid}`, ...(role ? { grantRole: role } : {}) }), 200);
};

export const logoutHandler: AppRouteHandler<typeof logout> = async (c) => {
  const deps = c.get("deps");
  const sessionId = c.get("sessionId");
  if (sessionId) {
    await authRepo(deps.db).revokeSession(sessionId, deps.clock().toISOString());
    invalidateSession(deps, sessionId);
  }
  return c.body(null, 204);
};

export const meHandler: AppRouteHandler<typeof me> = async (c) => c.json(currentUser(c), 200);

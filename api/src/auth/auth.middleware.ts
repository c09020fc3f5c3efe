import { canAdminister, isStaff, type Role, type User } from "@civic/shared";
import type { Context, MiddlewareHandler, Next } from "hono";
import type { AppEnv } from "../platform/context";
import { forbidden, unauthorized } from "../platform/errors";
import { findSession, type LiveSession } from "./session-cache";

/**
 * Reads a Bearer token if present; never rejects (a malformed or unknown token leaves the caller anonymous).
 * Routes then demand what they need.
 */
export const identify: MiddlewareHandler<AppEnv> = (c, next) => {
  const header = c.req.header("authorization");
  const token = header ? /^Bearer\s+([A-Za-z0-9_-]{20,128})$/.exec(header)?.[1] : undefined;
  return token ? identifyBy(token, c, next) : next();
};

function identifyBy(token: string, c: Context<AppEnv>, next: Next) {
  const found = findSession(c.get("deps"), token);
  // A session this instance read recently answers synchronously: no extra await on the hot path.
  if (!(found instanceof Promise)) return signIn(c, found, next);
  return found.then((session) => signIn(c, session, next));
}

function signIn(c: Context<AppEnv>, session: LiveSession | null, next: Next) {
  if (session) {
    c.set("user", session.user);
    c.set("sessionId", session.sessionId);
  }
  return next();
}

/** Signed in, with any of the given roles (every signed-in user is a resident). */
export const requireRole =
  (...roles: Role[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const user = c.get("user");
    if (!user) throw unauthorized();
    if (roles.length > 0 && !roles.some((r) => user.roles.includes(r))) throw forbidden();
    await next();
  };

export const requireUser = requireRole();

/** Signed in and passing one of shared/src/auth's staff checks (the mini-program asks the same ones). */
const requireCheck =
  (allowed: (user: User) => boolean): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const user = c.get("user");
    if (!user) throw unauthorized();
    if (!allowed(user)) throw forbidden();
    await next();
  };

export const requireStaff = requireCheck(isStaff);
export const requireAdmin = requireCheck(canAdminister);

/** The signed-in user; only call behind requireRole/requireUser. */
export function currentUser(c: { get: (key: "user") => AppEnv["Variables"]["user"] }) {
  const user = c.get("user");
  if (!user) throw unauthorized();
  return user;
}

import type { Role, SessionResponse } from "@civic/shared";
import type { AppDeps } from "../deps";
import { hashToken, newToken } from "../platform/ids";
import { authRepo } from "./auth.repo";
import { invalidateUser } from "./session-cache";

/** Upserts the user for an openid, optionally grants a role, and opens a fresh session. */
export async function openSession(
  deps: AppDeps,
  who: { openid: string; unionid?: string; sessionKey?: string; grantRole?: Role },
): Promise<SessionResponse> {
  const repo = authRepo(deps.db);
  const now = deps.clock();
  const nowIso = now.toISOString();
  const userId = await repo.upsertByOpenid({ ...who, now: nowIso });
  if (who.grantRole && who.grantRole !== "resident") {
    await repo.grantRoleStatement(userId, who.grantRole, null, nowIso);
    invalidateUser(deps, userId);
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000).toISOString();
  await repo.createSession({ userId, tokenHash: await hashToken(token), now: nowIso, expiresAt });
  const user = await repo.findUser(userId);
  if (!user) throw new Error("user vanished after upsert");
  return { token, expiresAt, user };
}

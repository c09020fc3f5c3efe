import { eq, sql } from "drizzle-orm";
import { pointsCodes } from "../db/schema";
import type { AppDeps } from "../deps";
import { hmacBase64Url, timingSafeEqual } from "../platform/hmac";
import { newToken } from "../platform/ids";

/*
 * The resident's code (我的积分码): `civic-pts:1.<ref>.<exp>.<sig>`, shown as a QR code in 我的积分 and
 * re-issued before it expires (POINTS_CODE_TTL_SECONDS). <ref> is an opaque per-account reference
 * (points_codes), <exp> the expiry in Unix seconds, <sig> an HMAC of both under POINTS_CODE_SECRET. A
 * collector or volunteer who scans it learns the household's short label, never the resident's name,
 * phone or address; a screenshot stops working at <exp>.
 */

const PREFIX = "civic-pts:1.";

export interface IssuedCode {
  code: string;
  expiresAt: string;
  /** The short label a scanner sees, e.g. "住户 7QF2". */
  householdLabel: string;
}

/** The account's reference: read, and written only the first time (the code page asks every few minutes). */
async function refOf(deps: AppDeps, accountId: string, now: Date): Promise<string> {
  const read = async () =>
    (await deps.db.select({ ref: pointsCodes.ref }).from(pointsCodes).where(eq(pointsCodes.accountId, accountId)))[0]?.ref;
  const existing = await read();
  if (existing) return existing;
  await deps.db
    .insert(pointsCodes)
    .values({ accountId, ref: newToken().slice(0, 22), createdAt: now.toISOString() })
    .onConflictDoNothing();
  const ref = await read();
  if (!ref) throw new Error("points code reference missing");
  return ref;
}

export const householdLabel = (ref: string) => `住户 ${ref.slice(-4).toUpperCase()}`;

export async function issueResidentCode(deps: AppDeps, accountId: string): Promise<IssuedCode> {
  const now = deps.clock();
  const ref = await refOf(deps, accountId, now);
  const exp = Math.floor(now.getTime() / 1000) + deps.config.points.codeTtlSeconds;
  const sig = await hmacBase64Url(deps.config.points.codeSecret, `${ref}.${exp}`);
  return { code: `${PREFIX}${ref}.${exp}.${sig}`, expiresAt: new Date(exp * 1000).toISOString(), householdLabel: householdLabel(ref) };
}

export type ResolvedCode =
  | { ok: true; accountId: string; householdLabel: string }
  | { ok: false; reason: "not_a_points_code" | "code_expired" | "unknown_household" };

/** How far past its expiry a code still counts when judged at an earlier instant (`at`): phones' clocks drift. */
export const CODE_AT_GRACE_SECONDS = 120;

/**
 * The account behind a scanned code, if the code is genuine and unexpired — now, or, with `at` (a check
 * recorded offline and synced later), at that instant (never later than now) with CODE_AT_GRACE_SECONDS of grace.
 */
export async function resolveResidentCode(deps: AppDeps, code: string, opts: { at?: Date } = {}): Promise<ResolvedCode> {
  const parts = code.startsWith(PREFIX) ? code.slice(PREFIX.length).split(".") : [];
  const [ref, expText, sig] = parts;
  if (parts.length !== 3 || !ref || !expText || !sig || !/^\d{1,12}$/.test(expText)) return { ok: false, reason: "not_a_points_code" };
  const expected = await hmacBase64Url(deps.config.points.codeSecret, `${ref}.${expText}`);
  if (!timingSafeEqual(expected, sig)) return { ok: false, reason: "not_a_points_code" };
  const now = deps.clock().getTime();
  const judgedAt = opts.at ? Math.min(opts.at.getTime(), now) : now;
  const grace = opts.at ? CODE_AT_GRACE_SECONDS * 1000 : 0;
  const exp = Number(expText) * 1000;
  // Valid at `judgedAt`: not after its expiry, and (with `at`) not before it was issued (exp - ttl).
  if (exp + grace < judgedAt) return { ok: false, reason: "code_expired" };
  if (opts.at && exp - deps.config.points.codeTtlSeconds * 1000 - grace > judgedAt) return { ok: false, reason: "code_expired" };
  const [row] = await deps.db.select({ accountId: pointsCodes.accountId }).from(pointsCodes).where(sql`${pointsCodes.ref} = ${ref}`);
  if (!row) return { ok: false, reason: "unknown_household" };
  return { ok: true, accountId: row.accountId, householdLabel: householdLabel(ref) };
}

import { z } from "zod";

/*
 * Recycling points' settings (POINTS_*). POINTS_CODE_SECRET signs the residents' rotating codes: a secret,
 * required (16+ characters) unless DEV_LOGIN=1, where a demo secret everyone can read is used.
 */
export const POINTS_CONFIG_SHAPE = {
  /** Earned points expire this many months after they were earned (oldest first), by an expiry entry. */
  POINTS_EXPIRY_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  /** HMAC key of the resident's code (我的积分码). */
  POINTS_CODE_SECRET: z.string().default(""),
  /** How long one shown code may be scanned, in seconds: a screenshot is useless after this. */
  POINTS_CODE_TTL_SECONDS: z.coerce.number().int().min(30).max(1800).default(300),
};

export const POINTS_SETTING_NAMES = Object.keys(POINTS_CONFIG_SHAPE) as (keyof typeof POINTS_CONFIG_SHAPE)[];

export interface PointsConfig {
  expiryMonths: number;
  codeSecret: string;
  codeTtlSeconds: number;
}

type Parsed = { [K in keyof typeof POINTS_CONFIG_SHAPE]: z.output<(typeof POINTS_CONFIG_SHAPE)[K]> };

/** Only for demos and tests (DEV_LOGIN=1). */
const DEV_CODE_SECRET = "civic-dev-points-code-secret";

export const pointsConfigOf = (e: Parsed): PointsConfig => ({
  expiryMonths: e.POINTS_EXPIRY_MONTHS,
  codeSecret: e.POINTS_CODE_SECRET || DEV_CODE_SECRET,
  codeTtlSeconds: e.POINTS_CODE_TTL_SECONDS,
});

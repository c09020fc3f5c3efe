import { DEFAULT_CITY_ZONE, DEFAULT_RETENTION_DAYS, isValidZone, type PickupSettings } from "@civic/shared";
import { z } from "zod";
import { PICKUP_CONFIG_SHAPE, pickupSettingsOf } from "./pickups/pickup-config";
import type { TrustProxy } from "./platform/client-ip";
import { SMS_CONFIG_SHAPE, type SmsConfig, smsConfigOf } from "./platform/sms/sms-config";
import { POINTS_CONFIG_SHAPE, type PointsConfig, pointsConfigOf } from "./points/points-config";

/*
 * Settings common to both hosts. Each host's config module reads its own environment (process.env on
 * Node, bindings on Workers) into this shape; nothing else reads the environment.
 */
const Flag = z
  .enum(["0", "1", "true", "false", ""])
  .default("0")
  .transform((v) => v === "1" || v === "true");

export const AppConfigInput = z.object({
  DEV_LOGIN: Flag,
  CITY_ZONE: z.string().default(DEFAULT_CITY_ZONE).refine(isValidZone, { message: "not a time zone this runtime knows" }),
  WECHAT_API_BASE: z.url().default("https://api.weixin.qq.com"),
  WECHAT_APPID: z.string().default(""),
  WECHAT_SECRET: z.string().default(""),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(5000),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 30),
  /** How long an instance trusts its cached copy of a session (ms, at most 5 s; 0 = no cache). */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(5000).default(5000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** Where /docs loads Swagger UI's assets from; the Node host serves its own copy so /docs works offline. */
  DOCS_ASSETS_BASE: z.string().min(1).default("https://cdn.jsdelivr.net/npm"),
  /** Serve nearby search from an in-memory k-d tree kept current by a version counter (Node host). */
  NEARBY_IN_MEMORY: Flag,
  /** Signs the short-lived photo URLs (HMAC); required unless DEV_LOGIN=1, and the same on every instance. */
  MEDIA_URL_SECRET: z.string().default(""),
  /** Minutes a signed photo URL stays valid. */
  MEDIA_URL_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** This service's public origin (https://...), so WeChat's mediaCheckAsync can fetch a photo; empty = relative URLs. */
  PUBLIC_BASE_URL: z.string().default(""),
  /** The token configured for WeChat's message push (signature check on the media-check callback). */
  WECHAT_CALLBACK_TOKEN: z.string().default(""),
  /** The subscribe-message template for report status changes. */
  WECHAT_REPORT_TEMPLATE_ID: z.string().default("civic-report-status"),
  /** The subscribe-message template for bulky-waste pickups (accepted, reminders, collected). */
  WECHAT_PICKUP_TEMPLATE_ID: z.string().default("civic-pickup-status"),
  /** Night-market notices (a suspension, a suspension called off) to the zone's subscribers. */
  WECHAT_MARKET_TEMPLATE_ID: z.string().default("civic-market-notice"),
  /** formal | trial | developer: which mini-program build a subscribe message opens. */
  WECHAT_MINIPROGRAM_STATE: z.enum(["formal", "trial", "developer"]).default("formal"),
  /** Days after a report closes before the retention job unlinks its reporter (PIPL: keep no longer than needed). */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS),
  /** Whose word about the caller's address to believe: none (the socket), cloudflare, or N proxy hops. */
  TRUST_PROXY: z
    .string()
    .regex(/^(none|cloudflare|[1-9])$/, "none, cloudflare or a number of proxy hops (1-9)")
    .default("none")
    .transform((v): TrustProxy => (v === "none" || v === "cloudflare" ? v : Number(v))),
  /** Derives parking operators' feed signing secrets (parking/feed-signature.ts); required unless DEV_LOGIN=1. */
  FEED_KEY_SECRET: z.string().default(""),
  ...PICKUP_CONFIG_SHAPE,
  ...POINTS_CONFIG_SHAPE,
  ...SMS_CONFIG_SHAPE,
});

export interface AppConfig {
  devLogin: boolean;
  cityZone: string;
  wechat: { apiBase: string; appId: string; secret: string; timeoutMs: number };
  sessionTtlHours: number;
  sessionCacheMs: number;
  logLevel: z.infer<typeof AppConfigInput>["LOG_LEVEL"];
  nearbyInMemory: boolean;
  docsAssetsBase: string;
  media: { urlSecret: string; urlTtlMinutes: number; publicBaseUrl: string };
  notifications: {
    reportTemplateId: string;
    pickupTemplateId: string;
    marketTemplateId: string;
    miniprogramState: "formal" | "trial" | "developer";
    callbackToken: string;
  };
  retentionDays: number;
  trustProxy: TrustProxy;
  pickups: PickupSettings;
  points: PointsConfig;
  sms: SmsConfig;
  parking: { feedKeySecret: string };
}

/** Only for demos and tests (DEV_LOGIN=1): photo URLs signed with a secret everyone can read. */
const DEV_MEDIA_SECRET = "civic-dev-media-url-secret";
/** Only for demos and tests (DEV_LOGIN=1): parking feed secrets derived from a secret everyone can read. */
const DEV_FEED_KEY_SECRET = "civic-dev-parking-feed-key-secret";

export interface SettingIssue {
  setting: string;
  problem: string;
}

/** A bad or missing setting; carries each one so hosts can report them (start-up message, 500 envelope). */
export class ConfigError extends Error {
  constructor(readonly issues: SettingIssue[]) {
    super(`Invalid settings:\n${issues.map((i) => `  ${i.setting}: ${i.problem}`).join("\n")}`);
  }
}

export const issuesOf = (error: z.ZodError): SettingIssue[] => error.issues.map((i) => ({ setting: i.path.join("."), problem: i.message }));

/** Throws a ConfigError naming every bad or missing setting. */
export function parseAppConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = AppConfigInput.safeParse(env);
  if (!parsed.success) throw new ConfigError(issuesOf(parsed.error));
  const e = parsed.data;
  if (!e.DEV_LOGIN && (!e.WECHAT_APPID || !e.WECHAT_SECRET)) {
    throw new ConfigError([{ setting: "WECHAT_APPID, WECHAT_SECRET", problem: "required unless DEV_LOGIN=1 (no one could sign in)" }]);
  }
  if (!e.DEV_LOGIN && e.POINTS_CODE_SECRET.length < 16) {
    throw new ConfigError([{ setting: "POINTS_CODE_SECRET", problem: "at least 16 characters, required unless DEV_LOGIN=1" }]);
  }
  if (!e.DEV_LOGIN && e.MEDIA_URL_SECRET.length < 16) {
    throw new ConfigError([{ setting: "MEDIA_URL_SECRET", problem: "at least 16 characters, required unless DEV_LOGIN=1" }]);
  }
  if (!e.DEV_LOGIN && e.FEED_KEY_SECRET.length < 16) {
    throw new ConfigError([{ setting: "FEED_KEY_SECRET", problem: "at least 16 characters, required unless DEV_LOGIN=1" }]);
  }
  return {
    devLogin: e.DEV_LOGIN,
    cityZone: e.CITY_ZONE,
    wechat: {
      apiBase: e.WECHAT_API_BASE.replace(/\/$/, ""),
      appId: e.WECHAT_APPID,
      secret: e.WECHAT_SECRET,
      timeoutMs: e.WECHAT_TIMEOUT_MS,
    },
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionCacheMs: e.SESSION_CACHE_MS,
    logLevel: e.LOG_LEVEL,
    nearbyInMemory: e.NEARBY_IN_MEMORY,
    docsAssetsBase: e.DOCS_ASSETS_BASE,
    media: {
      urlSecret: e.MEDIA_URL_SECRET || DEV_MEDIA_SECRET,
      urlTtlMinutes: e.MEDIA_URL_TTL_MINUTES,
      publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ""),
    },
    notifications: {
      reportTemplateId: e.WECHAT_REPORT_TEMPLATE_ID,
      pickupTemplateId: e.WECHAT_PICKUP_TEMPLATE_ID,
      marketTemplateId: e.WECHAT_MARKET_TEMPLATE_ID,
      miniprogramState: e.WECHAT_MINIPROGRAM_STATE,
      callbackToken: e.WECHAT_CALLBACK_TOKEN,
    },
    retentionDays: e.RETENTION_DAYS,
    trustProxy: e.TRUST_PROXY,
    pickups: pickupSettingsOf(e),
    points: pointsConfigOf(e),
    sms: smsConfigOf(e),
    parking: { feedKeySecret: e.FEED_KEY_SECRET || DEV_FEED_KEY_SECRET },
  };
}

import { type AppConfig, parseAppConfig } from "../../config";
import { PICKUP_SETTING_NAMES } from "../../pickups/pickup-config";
import { SMS_SETTING_NAMES } from "../../platform/sms/sms-config";
import { POINTS_SETTING_NAMES } from "../../points/points-config";

/**
 * The Worker's bindings. Non-secret settings come from [vars] in wrangler.toml; WECHAT_APPID and
 * WECHAT_SECRET, MEDIA_URL_SECRET, FEED_KEY_SECRET, WECHAT_CALLBACK_TOKEN, POINTS_CODE_SECRET, SMS_SECRET_ID and SMS_SECRET_KEY are secrets (`wrangler secret put`, or .dev.vars locally).
 */
export interface WorkerEnv {
  DB: D1Database;
  BLOBS: R2Bucket;
  DEV_LOGIN?: string;
  CITY_ZONE?: string;
  WECHAT_API_BASE?: string;
  WECHAT_APPID?: string;
  WECHAT_SECRET?: string;
  WECHAT_TIMEOUT_MS?: string;
  SESSION_TTL_HOURS?: string;
  SESSION_CACHE_MS?: string;
  LOG_LEVEL?: string;
  MEDIA_URL_SECRET?: string;
  MEDIA_URL_TTL_MINUTES?: string;
  FEED_KEY_SECRET?: string;
  PUBLIC_BASE_URL?: string;
  WECHAT_CALLBACK_TOKEN?: string;
  WECHAT_REPORT_TEMPLATE_ID?: string;
  WECHAT_PICKUP_TEMPLATE_ID?: string;
  WECHAT_MARKET_TEMPLATE_ID?: string;
  WECHAT_MINIPROGRAM_STATE?: string;
  RETENTION_DAYS?: string;
  TRUST_PROXY?: string;
  PICKUP_MAX_ITEMS?: string;
  PICKUP_WINDOW_DAYS?: string;
  PICKUP_CUTOFF?: string;
  PICKUP_AMEND_CUTOFF?: string;
  PICKUP_YEARLY_QUOTA?: string;
  POINTS_EXPIRY_MONTHS?: string;
  POINTS_CODE_SECRET?: string;
  POINTS_CODE_TTL_SECONDS?: string;
  SMS_ENDPOINT?: string;
  SMS_REGION?: string;
  SMS_SECRET_ID?: string;
  SMS_SECRET_KEY?: string;
  SMS_SDK_APP_ID?: string;
  SMS_SIGN_NAME?: string;
  SMS_TEMPLATE_PICKUP_REMINDER?: string;
}

const SETTING_NAMES = [
  "DEV_LOGIN",
  "CITY_ZONE",
  "WECHAT_API_BASE",
  "WECHAT_APPID",
  "WECHAT_SECRET",
  "WECHAT_TIMEOUT_MS",
  "SESSION_TTL_HOURS",
  "SESSION_CACHE_MS",
  "LOG_LEVEL",
  "MEDIA_URL_SECRET",
  "MEDIA_URL_TTL_MINUTES",
  "FEED_KEY_SECRET",
  "PUBLIC_BASE_URL",
  "WECHAT_CALLBACK_TOKEN",
  "WECHAT_REPORT_TEMPLATE_ID",
  "WECHAT_PICKUP_TEMPLATE_ID",
  "WECHAT_MARKET_TEMPLATE_ID",
  "WECHAT_MINIPROGRAM_STATE",
  "RETENTION_DAYS",
  "TRUST_PROXY",
  ...PICKUP_SETTING_NAMES,
  ...POINTS_SETTING_NAMES,
  ...SMS_SETTING_NAMES,
] as const;

/** The only place on the Worker host that reads the env: string settings in, AppConfig out (or ConfigError). */
export function readWorkerConfig(env: WorkerEnv): AppConfig {
  const settings: Record<string, string | undefined> = {};
  for (const name of SETTING_NAMES) {
    const value: unknown = env[name];
    // wrangler turns a non-string [vars] value (e.g. DEV_LOGIN = 1) into JSON; settings are strings.
    settings[name] = value === undefined || value === null ? undefined : String(value);
  }
  // Behind Cloudflare the socket is Cloudflare's; its CF-Connecting-IP names the caller.
  settings.TRUST_PROXY ??= "cloudflare";
  return parseAppConfig(settings);
}

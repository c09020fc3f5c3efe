import { z } from "zod";

/*
 * The SMS channel's settings (Tencent Cloud SMS, API 3.0). All empty by default (the demo): then messages
 * stay pending in sms_outbox and the dispatcher says "SMS is not configured" instead of sending.
 * SMS_SECRET_ID and SMS_SECRET_KEY are secrets.
 */
export const SMS_CONFIG_SHAPE = {
  /** Tencent Cloud SMS endpoint (a loopback fake in tests). */
  SMS_ENDPOINT: z.url().default("https://sms.tencentcloudapi.com"),
  /** The X-TC-Region of the requests. */
  SMS_REGION: z.string().min(1).default("ap-guangzhou"),
  SMS_SECRET_ID: z.string().default(""),
  SMS_SECRET_KEY: z.string().default(""),
  /** The SMS application's SdkAppId (console → 应用管理). */
  SMS_SDK_APP_ID: z.string().default(""),
  /** The approved signature (短信签名), e.g. 苏州城管. */
  SMS_SIGN_NAME: z.string().default(""),
  /** Template id of the pickup reminder; parameters {1} date, {2} window, {3} booking number. */
  SMS_TEMPLATE_PICKUP_REMINDER: z.string().default(""),
};

export const SMS_SETTING_NAMES = Object.keys(SMS_CONFIG_SHAPE) as (keyof typeof SMS_CONFIG_SHAPE)[];

/** The templates a domain may name in an sms_outbox row. */
export type SmsTemplate = "pickup_reminder";

export interface SmsConfig {
  endpoint: string;
  region: string;
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templates: Record<SmsTemplate, string>;
}

type Parsed = { [K in keyof typeof SMS_CONFIG_SHAPE]: z.output<(typeof SMS_CONFIG_SHAPE)[K]> };

export const smsConfigOf = (e: Parsed): SmsConfig => ({
  endpoint: e.SMS_ENDPOINT.replace(/\/$/, ""),
  region: e.SMS_REGION,
  secretId: e.SMS_SECRET_ID,
  secretKey: e.SMS_SECRET_KEY,
  sdkAppId: e.SMS_SDK_APP_ID,
  signName: e.SMS_SIGN_NAME,
  templates: { pickup_reminder: e.SMS_TEMPLATE_PICKUP_REMINDER },
});

/** The settings still missing before anything can be sent (empty: configured). */
export function missingSmsSettings(c: SmsConfig): string[] {
  const missing: string[] = [];
  if (!c.secretId) missing.push("SMS_SECRET_ID");
  if (!c.secretKey) missing.push("SMS_SECRET_KEY");
  if (!c.sdkAppId) missing.push("SMS_SDK_APP_ID");
  if (!c.signName) missing.push("SMS_SIGN_NAME");
  return missing;
}

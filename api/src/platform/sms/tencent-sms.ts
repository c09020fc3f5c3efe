import type { SmsConfig } from "./sms-config";

/*
 * The one client for Tencent Cloud SMS (API 3.0, action SendSms, version 2021-01-11), signed with
 * TC3-HMAC-SHA256 over Web Crypto (the same code on Node and Workers):
 *   POST / on SMS_ENDPOINT, Content-Type: application/json; charset=utf-8,
 *   X-TC-Action: SendSms, X-TC-Version: 2021-01-11, X-TC-Timestamp: <unix s>, X-TC-Region,
 *   Authorization: TC3-HMAC-SHA256 Credential=<SecretId>/<UTC date>/sms/tc3_request,
 *                  SignedHeaders=content-type;host;x-tc-action, Signature=<hex>
 *   body {PhoneNumberSet: ["+86..."], SmsSdkAppId, SignName, TemplateId, TemplateParamSet: [...], SessionContext}
 * Answers {Response: {SendStatusSet: [{SerialNo, PhoneNumber, Code: "Ok" | ..., Message}], RequestId}}, or
 * {Response: {Error: {Code, Message}, RequestId}} when the whole request failed (e.g. AuthFailure.SignatureFailure).
 * Every failure is an SmsError; its message never carries the phone number.
 */

export const SMS_API_VERSION = "2021-01-11";
const SERVICE = "sms";
const SIGNED_HEADERS = "content-type;host;x-tc-action";
const CONTENT_TYPE = "application/json; charset=utf-8";

export class SmsError extends Error {
  constructor(
    /** Tencent's code (e.g. LimitExceeded.PhoneNumberDailyLimit), or timeout / network / bad_response. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface SmsMessage {
  /** E.164, e.g. +8613812341234. */
  phone: string;
  templateId: string;
  params: readonly string[];
  /** Echoed back by Tencent (our outbox id): no personal data. */
  sessionContext?: string;
}

export interface SmsClient {
  /** Sends one message; answers the provider's serial number. */
  send(message: SmsMessage): Promise<{ serialNo: string }>;
}

const encoder = new TextEncoder();
const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");

async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

async function hmac(key: ArrayBuffer | Uint8Array<ArrayBuffer>, text: string): Promise<ArrayBuffer> {
  const k = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return crypto.subtle.sign("HMAC", k, encoder.encode(text));
}

/** The Authorization header of a TC3-HMAC-SHA256 request (exported for the fake's own check in tests). */
export async function tc3Authorization(input: {
  secretId: string;
  secretKey: string;
  host: string;
  action: string;
  timestamp: number;
  payload: string;
}): Promise<string> {
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const canonicalHeaders = `content-type:${CONTENT_TYPE}\nhost:${input.host}\nx-tc-action:${input.action.toLowerCase()}\n`;
  const canonicalRequest = ["POST", "/", "", canonicalHeaders, SIGNED_HEADERS, await sha256Hex(input.payload)].join("\n");
  const scope = `${date}/${SERVICE}/tc3_request`;
  const stringToSign = ["TC3-HMAC-SHA256", String(input.timestamp), scope, await sha256Hex(canonicalRequest)].join("\n");
  const secretDate = await hmac(encoder.encode(`TC3${input.secretKey}`), date);
  const secretService = await hmac(secretDate, SERVICE);
  const secretSigning = await hmac(secretService, "tc3_request");
  const signature = hex(await hmac(secretSigning, stringToSign));
  return `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`;
}

interface SendSmsAnswer {
  Response?: {
    Error?: { Code?: string; Message?: string };
    SendStatusSet?: { SerialNo?: string; Code?: string; Message?: string }[];
  };
}

export function createTencentSmsClient(config: SmsConfig, opts: { timeoutMs?: number; fetch?: typeof fetch } = {}): SmsClient {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const host = new URL(config.endpoint).host;
  return {
    async send(message) {
      const payload = JSON.stringify({
        PhoneNumberSet: [message.phone],
        SmsSdkAppId: config.sdkAppId,
        SignName: config.signName,
        TemplateId: message.templateId,
        TemplateParamSet: message.params,
        SessionContext: message.sessionContext ?? "",
      });
      // Real time, not the app's clock: Tencent refuses a signature more than 5 minutes off its own.
      const timestamp = Math.floor(Date.now() / 1000);
      const authorization = await tc3Authorization({
        secretId: config.secretId,
        secretKey: config.secretKey,
        host,
        action: "SendSms",
        timestamp,
        payload,
      });
      let res: Response;
      try {
        res = await doFetch(`${config.endpoint}/`, {
          method: "POST",
          headers: {
            Authorization: authorization,
            "Content-Type": CONTENT_TYPE,
            "X-TC-Action": "SendSms",
            "X-TC-Version": SMS_API_VERSION,
            "X-TC-Timestamp": String(timestamp),
            "X-TC-Region": config.region,
          },
          body: payload,
          signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
        });
      } catch (err) {
        const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
        throw new SmsError(
          timedOut ? "timeout" : "network",
          timedOut ? "Tencent Cloud SMS did not answer in time" : "Tencent Cloud SMS unreachable",
        );
      }
      let body: SendSmsAnswer;
      try {
        body = (await res.json()) as SendSmsAnswer;
      } catch {
        throw new SmsError("bad_response", `Tencent Cloud SMS answered ${res.status} without JSON`);
      }
      const error = body.Response?.Error;
      if (error) throw new SmsError(error.Code ?? "unknown", error.Message ?? "");
      const status = body.Response?.SendStatusSet?.[0];
      if (!status) throw new SmsError("bad_response", `Tencent Cloud SMS answered ${res.status} without a send status`);
      if (status.Code !== "Ok") throw new SmsError(status.Code ?? "unknown", status.Message ?? "");
      return { serialNo: status.SerialNo ?? "" };
    },
  };
}

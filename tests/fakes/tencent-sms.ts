/**
 * A fake of Tencent Cloud SMS (API 3.0) on a loopback ephemeral port, built to the documented behaviour of
 * POST / with X-TC-Action: SendSms, X-TC-Version: 2021-01-11, X-TC-Timestamp, X-TC-Region and a
 * TC3-HMAC-SHA256 Authorization header, body {PhoneNumberSet, SmsSdkAppId, SignName, TemplateId,
 * TemplateParamSet, SessionContext}:
 *   -> {Response: {SendStatusSet: [{SerialNo, PhoneNumber, Fee, SessionContext, Code: "Ok", Message, IsoCode}], RequestId}}
 *   -> {Response: {Error: {Code, Message}, RequestId}}: AuthFailure.SecretIdNotFound (unknown SecretId),
 *      AuthFailure.SignatureFailure (signature does not match: computed here independently with node:crypto),
 *      AuthFailure.SignatureExpire (timestamp more than 5 minutes off), InvalidParameterValue.* (bad body).
 * Test controls (not Tencent's), also over HTTP for tests running inside workerd:
 *   POST /__test/fail {times, code?, whole?}  the next `times` sends fail: per number (SendStatusSet Code,
 *        default LimitExceeded.PhoneNumberDailyLimit), or with whole: true the request's Response.Error
 *        (default InternalError.Timeout)
 *   POST /__test/reset   records emptied, failures cleared
 *   GET  /__test/sent -> {sent: [{phone, templateId, params, signName, sdkAppId, sessionContext}], rejected: [codes]}
 */
import { createHash, createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_SMS_SECRET_ID = "AKIDfakeCivicSmsSecretId";
export const FAKE_SMS_SECRET_KEY = "fake-civic-sms-secret-key";
export const FAKE_SMS_SDK_APP_ID = "1400000000";
export const FAKE_SMS_SIGN_NAME = "苏州城管";
export const FAKE_SMS_TEMPLATE_ID = "2000001";

export interface SentSms {
  phone: string;
  templateId: string;
  params: string[];
  signName: string;
  sdkAppId: string;
  sessionContext: string;
}

export interface FakeTencentSms {
  url: string;
  sent: SentSms[];
  /** Codes of requests refused or failed (signature, failures on demand). */
  rejected: string[];
  failNext(times: number, opts?: { code?: string; whole?: boolean }): void;
  reset(): void;
  close(): Promise<void>;
  /** The settings an app needs to send through this fake. */
  env(): Record<string, string>;
}

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const hmac = (key: Buffer | string, s: string) => createHmac("sha256", key).update(s, "utf8").digest();

/** Tencent's documented TC3 signature of a request, from its own headers (independent of the app's code). */
function expectedSignature(req: IncomingMessage, payload: string, signedHeaders: string, timestamp: string, secretKey: string) {
  const names = signedHeaders.split(";");
  const canonicalHeaders = names
    .map((n) => {
      const v = String(req.headers[n] ?? "").trim();
      return `${n}:${n === "x-tc-action" ? v.toLowerCase() : v}\n`;
    })
    .join("");
  const canonicalRequest = `POST\n/\n\n${canonicalHeaders}\n${signedHeaders}\n${sha256(payload)}`;
  const date = new Date(Number(timestamp) * 1000).toISOString().slice(0, 10);
  const scope = `${date}/sms/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonicalRequest)}`;
  const signing = hmac(hmac(hmac(`TC3${secretKey}`, date), "sms"), "tc3_request");
  return { scope, signature: hmac(signing, stringToSign).toString("hex") };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeTencentSms(): Promise<FakeTencentSms> {
  const sent: SentSms[] = [];
  const rejected: string[] = [];
  let failures: { times: number; code: string; whole: boolean } = { times: 0, code: "", whole: false };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const tcError = (res: ServerResponse, code: string, message: string) => {
    rejected.push(code);
    json(res, 200, { Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } });
  };

  function failNext(times: number, opts: { code?: string; whole?: boolean } = {}) {
    const whole = opts.whole ?? false;
    failures = { times, whole, code: opts.code ?? (whole ? "InternalError.Timeout" : "LimitExceeded.PhoneNumberDailyLimit") };
  }
  function reset() {
    sent.length = 0;
    rejected.length = 0;
    failures = { times: 0, code: "", whole: false };
  }

  async function sendSms(req: IncomingMessage, res: ServerResponse, payload: string) {
    const auth = String(req.headers.authorization ?? "");
    const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
    if (!m) return tcError(res, "AuthFailure.InvalidAuthorization", "Authorization is not TC3-HMAC-SHA256");
    const [, secretId, scope, signedHeaders, signature] = m as unknown as [string, string, string, string, string];
    if (secretId !== FAKE_SMS_SECRET_ID) return tcError(res, "AuthFailure.SecretIdNotFound", "unknown SecretId");
    if (!signedHeaders.split(";").includes("content-type") || !signedHeaders.split(";").includes("host")) {
      return tcError(res, "AuthFailure.InvalidAuthorization", "content-type and host must be signed");
    }
    const timestamp = String(req.headers["x-tc-timestamp"] ?? "");
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) {
      return tcError(res, "AuthFailure.SignatureExpire", "timestamp more than 5 minutes off");
    }
    const expected = expectedSignature(req, payload, signedHeaders, timestamp, FAKE_SMS_SECRET_KEY);
    if (scope !== expected.scope || signature !== expected.signature)
      return tcError(res, "AuthFailure.SignatureFailure", "signature mismatch");
    if (req.headers["x-tc-version"] !== "2021-01-11" || !req.headers["x-tc-region"]) {
      return tcError(res, "InvalidParameter", "X-TC-Version 2021-01-11 and X-TC-Region are required");
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(payload) as Record<string, unknown>;
    } catch {
      return tcError(res, "InvalidParameter", "body is not JSON");
    }
    const phones = body.PhoneNumberSet;
    const params = body.TemplateParamSet ?? [];
    if (!Array.isArray(phones) || phones.length === 0 || !phones.every((p) => typeof p === "string" && /^\+\d{8,15}$/.test(p))) {
      return tcError(res, "InvalidParameterValue.IncorrectPhoneNumber", "PhoneNumberSet");
    }
    if (!Array.isArray(params) || !params.every((p) => typeof p === "string")) {
      return tcError(res, "InvalidParameterValue.TemplateParameterFormatError", "TemplateParamSet");
    }
    if (body.SmsSdkAppId !== FAKE_SMS_SDK_APP_ID) return tcError(res, "InvalidParameterValue.SdkAppIdNotExist", "SmsSdkAppId");
    if (body.SignName !== FAKE_SMS_SIGN_NAME) return tcError(res, "FailedOperation.SignatureIncorrectOrUnapproved", "SignName");
    if (body.TemplateId !== FAKE_SMS_TEMPLATE_ID) return tcError(res, "FailedOperation.TemplateIncorrectOrUnapproved", "TemplateId");
    if (failures.times > 0) {
      failures.times--;
      if (failures.whole) return tcError(res, failures.code, "failure on demand");
      rejected.push(failures.code);
      return json(res, 200, {
        Response: {
          SendStatusSet: phones.map((p) => ({
            SerialNo: "",
            PhoneNumber: p,
            Fee: 0,
            SessionContext: body.SessionContext ?? "",
            Code: failures.code,
            Message: "failure on demand",
            IsoCode: "CN",
          })),
          RequestId: randomUUID(),
        },
      });
    }
    const statuses = phones.map((p: string) => {
      sent.push({
        phone: p,
        templateId: String(body.TemplateId),
        params: params as string[],
        signName: String(body.SignName),
        sdkAppId: String(body.SmsSdkAppId),
        sessionContext: String(body.SessionContext ?? ""),
      });
      return {
        SerialNo: randomUUID(),
        PhoneNumber: p,
        Fee: 1,
        SessionContext: body.SessionContext ?? "",
        Code: "Ok",
        Message: "send success",
        IsoCode: "CN",
      };
    });
    json(res, 200, { Response: { SendStatusSet: statuses, RequestId: randomUUID() } });
  }

  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? "/", "http://fake").pathname;
      const payload = await readBody(req);
      if (req.method === "GET" && path === "/__test/sent") return json(res, 200, { sent, rejected });
      if (req.method === "POST" && path === "/__test/reset") {
        reset();
        return json(res, 200, {});
      }
      if (req.method === "POST" && path === "/__test/fail") {
        const b = JSON.parse(payload || "{}") as { times?: number; code?: string; whole?: boolean };
        failNext(b.times ?? 1, { code: b.code, whole: b.whole });
        return json(res, 200, {});
      }
      if (req.method === "POST" && path === "/" && req.headers["x-tc-action"] === "SendSms") return await sendSms(req, res, payload);
      return tcError(res, "InvalidAction", `no such action ${String(req.headers["x-tc-action"] ?? "")}`);
    } catch (err) {
      json(res, 500, { error: String(err) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    sent,
    rejected,
    failNext,
    reset,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    env: () => ({
      SMS_ENDPOINT: url,
      SMS_SECRET_ID: FAKE_SMS_SECRET_ID,
      SMS_SECRET_KEY: FAKE_SMS_SECRET_KEY,
      SMS_SDK_APP_ID: FAKE_SMS_SDK_APP_ID,
      SMS_SIGN_NAME: FAKE_SMS_SIGN_NAME,
      SMS_TEMPLATE_PICKUP_REMINDER: FAKE_SMS_TEMPLATE_ID,
    }),
  };
}

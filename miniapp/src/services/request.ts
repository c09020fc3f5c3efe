import { type ErrorCode, ErrorEnvelope } from "@civic/shared";
import Taro from "@tarojs/taro";
import type { z } from "zod";
import { apiBase } from "../platform";
import { ERROR_MESSAGES_ZH, httpStatusMessageZh, INVALID_RESPONSE_MESSAGE_ZH, NETWORK_MESSAGE_ZH } from "./errorMessages";
import { goToLogin } from "./loginRedirect";
import { clearSession, getSession } from "./session";

/*
 * The one way the mini-program talks to the API. It never throws: every outcome is an ApiResult.
 * Failures are `network` (no answer) or `http` (an answer that is an error, or a 2xx whose body does not
 * match the shared schema: code "invalid_response"). A 401 clears the session and opens the login page.
 */
export type FailureCode = ErrorCode | "invalid_response";

export interface ApiFailure {
  ok: false;
  kind: "network" | "http";
  status?: number;
  code?: FailureCode;
  /** Chinese text fit to show to the user. */
  message: string;
  /** The server's own message (English), for logs and support. */
  serverMessage?: string;
  details?: unknown;
}
export type ApiResult<T> = { ok: true; data: T; status: number } | ApiFailure;

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path under the API origin, e.g. "/api/v1/toilets/nearby". */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** What a 401 does: "login" (default) opens the login page; "stay" only clears the session. */
  on401?: "login" | "stay";
  /** Extra request headers (e.g. `Idempotency-Key`); they cannot replace Authorization or Accept. */
  headers?: Record<string, string>;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return `${apiBase()}${path}${parts.length ? `?${parts.join("&")}` : ""}`;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
}

async function send(options: RequestOptions): Promise<RawResponse | ApiFailure> {
  const header: Record<string, string> = { ...options.headers, Accept: "application/json" };
  const session = getSession();
  if (session) header.Authorization = `Bearer ${session.token}`;
  if (options.body !== undefined) header["Content-Type"] = "application/json";
  try {
    const res = await Taro.request({
      url: buildUrl(options.path, options.query),
      method: options.method ?? "GET",
      header,
      data: options.body as Record<string, unknown> | undefined,
      dataType: "json",
      timeout: 15_000,
    });
    return { statusCode: res.statusCode, data: res.data };
  } catch (error) {
    const errMsg = (error as { errMsg?: string } | null)?.errMsg ?? String(error);
    return { ok: false, kind: "network", message: NETWORK_MESSAGE_ZH, serverMessage: errMsg };
  }
}

/** Some runtimes hand back the body as text when the server forgot its content type. */
function bodyOf(data: unknown): unknown {
  if (typeof data !== "string" || data === "") return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

function failureFrom(status: number, data: unknown, options: RequestOptions): ApiFailure {
  if (status === 401) {
    clearSession();
    if ((options.on401 ?? "login") === "login") goToLogin();
  }
  const envelope = ErrorEnvelope.safeParse(bodyOf(data), { jitless: true });
  if (!envelope.success) return { ok: false, kind: "http", status, message: httpStatusMessageZh(status) };
  const { code, message, details } = envelope.data.error;
  return { ok: false, kind: "http", status, code, message: ERROR_MESSAGES_ZH[code], serverMessage: message, details };
}

/** A request whose successful answer is JSON matching `schema`. */
export async function apiRequest<S extends z.ZodType>(schema: S, options: RequestOptions): Promise<ApiResult<z.output<S>>> {
  const res = await send(options);
  if ("ok" in res) return res;
  if (res.statusCode < 200 || res.statusCode >= 300) return failureFrom(res.statusCode, res.data, options);
  const parsed = schema.safeParse(bodyOf(res.data), { jitless: true });
  if (!parsed.success) {
    return {
      ok: false,
      kind: "http",
      status: res.statusCode,
      code: "invalid_response",
      message: INVALID_RESPONSE_MESSAGE_ZH,
      details: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  }
  return { ok: true, data: parsed.data, status: res.statusCode };
}

/** A request answered with 204 No Content (or any 2xx whose body does not matter). */
export async function apiRequestNoContent(options: RequestOptions): Promise<ApiResult<null>> {
  const res = await send(options);
  if ("ok" in res) return res;
  if (res.statusCode < 200 || res.statusCode >= 300) return failureFrom(res.statusCode, res.data, options);
  return { ok: true, data: null, status: res.statusCode };
}

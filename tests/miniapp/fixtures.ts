import {
  type NearbyToiletsResponse,
  type OpeningHours,
  SessionResponse,
  ToiletDetail,
  ToiletFeedback,
  type ToiletSummary,
  User,
} from "@civic/shared";
import { vi } from "vitest";
import { GUANQIAN_TOILETS } from "../support/sample-toilets";
import Taro from "./shims/taro";

/* Test data built through the shared schemas (a contract change breaks these tests too) and an API stub. */

export const GUSU = { lat: 31.3017, lng: 120.62 };

export const TOILETS: ToiletSummary[] = GUANQIAN_TOILETS;

export const nearbyBody = (toilets: ToiletSummary[], radius = 1000): NearbyToiletsResponse => ({ toilets, center: GUSU, radius });

const WEEKDAY = [{ open: "06:00", close: "22:00" }];
export const WEEKLY_HOURS: OpeningHours = {
  kind: "weekly",
  days: [WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, [{ open: "18:00", close: "02:00" }], []],
};

export const detailOf = (overrides: Partial<ToiletDetail> = {}): ToiletDetail =>
  ToiletDetail.parse({
    ...TOILETS[0],
    street: "观前街道",
    hours: WEEKLY_HOURS,
    feeNote: null,
    stalls: 12,
    managingUnit: "姑苏区环境卫生管理所",
    lastVerified: "2026-09-30",
    active: true,
    deactivatedReason: null,
    updatedAt: "2026-09-30T02:00:00.000Z",
    distanceM: undefined,
    ...overrides,
  });

export const userWith = (roles: User["roles"]): User =>
  User.parse({ id: "0190a1b2-0000-7000-8000-0000000000aa", nickname: "苏州市民", roles, createdAt: "2026-09-01T00:00:00.000Z" });

export const sessionFor = (roles: User["roles"] = ["resident"]): SessionResponse =>
  SessionResponse.parse({ token: `token-${roles.join("-")}`, expiresAt: "2099-01-01T00:00:00.000Z", user: userWith(roles) });

export const feedbackItem = (overrides: Partial<ToiletFeedback> = {}): ToiletFeedback =>
  ToiletFeedback.parse({
    id: "f-1",
    toiletId: "t-1",
    toiletName: "观前街醋坊桥公厕",
    kind: "closed",
    note: "晚上八点就锁门了",
    status: "open",
    resolutionNote: null,
    createdAt: "2026-11-20T02:30:00.000Z",
    ...overrides,
  });

/** One request as the page sent it: method, path, parsed query, body, headers. */
export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  header: Record<string, string>;
}

type Answer = { statusCode: number; data: unknown } | "network-error";

/** Replaces Taro.request with `answer`; returns the list of requests made, newest last. */
export function stubApi(answer: (req: SentRequest) => Answer | Promise<Answer>) {
  const sent: SentRequest[] = [];
  vi.spyOn(Taro, "request").mockImplementation(async (options) => {
    const url = new URL(options.url, "http://civic.test");
    const req: SentRequest = {
      method: options.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      body: options.data,
      header: options.header ?? {},
    };
    sent.push(req);
    const a = await answer(req);
    if (a === "network-error") throw { errMsg: "request:fail net::ERR_CONNECTION_REFUSED" };
    return a;
  });
  return sent;
}

export const ok = (data: unknown, statusCode = 200) => ({ statusCode, data });
export const apiError = (statusCode: number, code: string, message = "from the server") => ({
  statusCode,
  data: { error: { code, message } },
});

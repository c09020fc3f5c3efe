import {
  CategoryList,
  InboxResponse,
  KpiResponse,
  MyReportsResponse,
  QueueResponse,
  ReportDetail,
  SessionResponse,
  User,
} from "@civic/shared";
import { POSTERS, VENDING } from "../support/sample-reports";
import { HERE, RESIDENT, stubApi } from "./fixtures";
import type { RequestHandler, WxRequest, WxResponse } from "./harness/fake-wx";

/*
 * The report closed loop as the stubbed API answers it in the weapp smoke test: the resident's reports,
 * one resolved report (with its timeline, photos and sign-off), the inbox, and the bureau's side (queue,
 * one case before and after 立案, KPIs). Everything goes through the shared schemas, so a change of the
 * contract breaks these fixtures too.
 */

export const RESIDENT_SESSION = SessionResponse.parse({
  token: "fake-session-token",
  expiresAt: "2099-01-01T00:00:00.000Z",
  user: RESIDENT,
});

export const MODERATOR = User.parse({
  id: "0190a1b2-0000-7000-8000-0000000000bb",
  nickname: "姑苏城管",
  roles: ["resident", "moderator"],
  createdAt: "2026-09-01T00:00:00.000Z",
});
export const MODERATOR_SESSION = SessionResponse.parse({
  token: "fake-moderator-token",
  expiresAt: "2099-01-01T00:00:00.000Z",
  user: MODERATOR,
});

export { POSTERS, VENDING };
export const CATEGORIES = CategoryList.parse({ categories: [POSTERS, VENDING] });

/* The resident's side */

export const SUBMITTED_ID = "rep-submitted-0001";
export const RESOLVED_ID = "rep-resolved-0002";

export const MY_REPORTS = MyReportsResponse.parse({
  reports: [
    {
      id: SUBMITTED_ID,
      categoryCode: POSTERS.code,
      categoryName: POSTERS.name,
      status: "submitted",
      description: "电线杆上贴满了小广告",
      address: "观前街 128 号",
      district: "姑苏区",
      thumbnailUrl: "/api/v1/photos/p-sub/content?exp=1&sig=a",
      followers: 0,
      relation: "reporter",
      createdAt: "2026-11-26T02:00:00.000Z",
      updatedAt: "2026-11-26T02:00:00.000Z",
    },
    {
      id: RESOLVED_ID,
      categoryCode: VENDING.code,
      categoryName: VENDING.name,
      status: "resolved",
      description: "人行道上摆摊卖水果",
      address: "临顿路 55 号",
      district: "姑苏区",
      thumbnailUrl: null,
      followers: 3,
      relation: "follower",
      createdAt: "2026-11-20T01:30:00.000Z",
      updatedAt: "2026-11-25T08:00:00.000Z",
    },
  ],
});

const baseDetail = {
  category: { code: VENDING.code, name: VENDING.name, groupName: VENDING.groupName },
  description: "人行道上摆摊卖水果",
  address: "临顿路 55 号",
  location: { lat: HERE.latitude, lng: HERE.longitude },
  district: "姑苏区",
  attributes: {},
  followers: 3,
  following: false,
  viewer: "reporter" as const,
  rejectReason: null,
  duplicateOf: null,
  createdAt: "2026-11-20T01:30:00.000Z",
};

/** Given out of order on purpose: the page sorts by seq. */
const RESOLVED_TIMELINE = [
  {
    seq: 3,
    action: "dispatch",
    from: "accepted",
    to: "dispatched",
    note: "已派遣街面秩序科",
    at: "2026-11-21T02:00:00.000Z",
    actor: "bureau",
  },
  { seq: 1, action: "submit", from: null, to: "submitted", note: null, at: "2026-11-20T01:30:00.000Z", actor: "resident" },
  { seq: 4, action: "resolve", from: "dispatched", to: "resolved", note: "摊贩已劝离", at: "2026-11-25T08:00:00.000Z", actor: "bureau" },
  { seq: 2, action: "accept", from: "submitted", to: "accepted", note: null, at: "2026-11-20T03:00:00.000Z", actor: "bureau" },
] as const;

export const RESOLVED_DETAIL = ReportDetail.parse({
  ...baseDetail,
  id: RESOLVED_ID,
  status: "resolved",
  photos: [
    { id: "ph-1", url: "/api/v1/photos/ph-1/content?exp=1&sig=b", kind: "report", hidden: false },
    { id: "ph-2", url: "/api/v1/photos/ph-2/content?exp=1&sig=c", kind: "report", hidden: true },
    { id: "ph-3", url: "/api/v1/photos/ph-3/content?exp=1&sig=d", kind: "resolution", hidden: false },
  ],
  department: "街面秩序科",
  resolutionNote: "摊贩已劝离，现场已清理",
  rating: null,
  ratingComment: null,
  canRate: true,
  canReopen: true,
  reopenUntil: "2026-12-02T08:00:00.000Z",
  slaDueAt: "2026-11-22T03:00:00.000Z",
  updatedAt: "2026-11-25T08:00:00.000Z",
  timeline: RESOLVED_TIMELINE,
});

export const RATED_DETAIL = ReportDetail.parse({
  ...RESOLVED_DETAIL,
  rating: 4,
  ratingComment: "处理得很快",
  canRate: false,
  timeline: [
    ...RESOLVED_DETAIL.timeline,
    { seq: 5, action: "rate", from: "resolved", to: "resolved", note: "处理得很快", at: "2026-11-26T01:00:00.000Z", actor: "resident" },
  ],
});

export const REOPENED_DETAIL = ReportDetail.parse({
  ...RESOLVED_DETAIL,
  status: "reopened",
  canRate: false,
  canReopen: false,
  reopenUntil: null,
  timeline: [
    ...RESOLVED_DETAIL.timeline,
    {
      seq: 5,
      action: "reopen",
      from: "resolved",
      to: "reopened",
      note: "第二天又来摆摊了",
      at: "2026-11-26T01:00:00.000Z",
      actor: "resident",
    },
  ],
});

export const INBOX = InboxResponse.parse({
  messages: [
    {
      id: "msg-unread-1",
      reportId: RESOLVED_ID,
      title: "您反映的问题已处理",
      body: "占道经营：摊贩已劝离，现场已清理",
      createdAt: "2026-11-25T08:00:01.000Z",
      readAt: null,
    },
    {
      id: "msg-read-2",
      reportId: SUBMITTED_ID,
      title: "上报已收到",
      body: "乱贴小广告：等待城管受理",
      createdAt: "2026-11-26T02:00:01.000Z",
      readAt: "2026-11-26T03:00:00.000Z",
    },
  ],
  unread: 1,
});

/* The bureau's side */

export const CASE_ID = "case-0003";
export const OVERDUE_ID = "case-0004";

export const QUEUE = QueueResponse.parse({
  total: 2,
  reports: [
    {
      id: CASE_ID,
      categoryCode: POSTERS.code,
      categoryName: POSTERS.name,
      status: "submitted",
      description: "电线杆上贴满了小广告",
      address: "观前街 128 号",
      district: "姑苏区",
      department: null,
      held: true,
      overdue: false,
      slaDueAt: null,
      followers: 2,
      thumbnailUrl: "/api/v1/photos/q-1/content?exp=1&sig=e",
      createdAt: "2026-11-26T02:00:00.000Z",
      version: 3,
    },
    {
      id: OVERDUE_ID,
      categoryCode: VENDING.code,
      categoryName: VENDING.name,
      status: "dispatched",
      description: "人行道上摆摊卖水果",
      address: "临顿路 55 号",
      district: "姑苏区",
      department: "街面秩序科",
      held: false,
      overdue: true,
      slaDueAt: "2026-11-22T03:00:00.000Z",
      followers: 0,
      thumbnailUrl: null,
      createdAt: "2026-11-20T01:30:00.000Z",
      version: 7,
    },
  ],
});

export const CASE_SUBMITTED = ReportDetail.parse({
  ...baseDetail,
  id: CASE_ID,
  category: { code: POSTERS.code, name: POSTERS.name, groupName: POSTERS.groupName },
  description: "电线杆上贴满了小广告",
  address: "观前街 128 号",
  status: "submitted",
  followers: 2,
  viewer: "staff",
  photos: [{ id: "ph-9", url: "/api/v1/photos/ph-9/content?exp=1&sig=f", kind: "report", hidden: false }],
  department: null,
  resolutionNote: null,
  rating: null,
  ratingComment: null,
  canRate: false,
  canReopen: false,
  reopenUntil: null,
  slaDueAt: null,
  createdAt: "2026-11-26T02:00:00.000Z",
  updatedAt: "2026-11-26T02:00:00.000Z",
  timeline: [{ seq: 1, action: "submit", from: null, to: "submitted", note: null, at: "2026-11-26T02:00:00.000Z", actor: "resident" }],
  version: 3,
  originalDescription: "电线杆上贴满了小广告 电话 138xxxx",
  reporter: { id: RESIDENT.id, nickname: RESIDENT.nickname },
  source: "app",
  textCheck: "review",
  photoChecks: [{ id: "ph-9", check: "pass" }],
  held: true,
  overdue: false,
});

export const CASE_ACCEPTED = ReportDetail.parse({
  ...CASE_SUBMITTED,
  status: "accepted",
  held: false,
  slaDueAt: "2026-11-28T02:30:00.000Z",
  updatedAt: "2026-11-26T02:30:00.000Z",
  version: 4,
  timeline: [
    ...CASE_SUBMITTED.timeline,
    {
      seq: 2,
      action: "accept",
      from: "submitted",
      to: "accepted",
      note: "现场核实属实",
      at: "2026-11-26T02:30:00.000Z",
      actor: "bureau",
      actorId: MODERATOR.id,
    },
  ],
});

export const KPIS = KpiResponse.parse({
  from: "2026-10-28",
  to: "2026-11-26",
  groupBy: "none",
  overall: {
    cases: 8,
    closed: 6,
    closureRate: 0.75,
    closedOnTime: 4,
    onTimeRate: 4 / 6,
    medianHoursToClose: 20.5,
    rated: 0,
    satisfactionRate: null,
    resolved: 7,
    reopened: 1,
    reopenRate: 1 / 7,
  },
  groups: [],
  daily: [
    { date: "2026-11-24", cases: 4, closed: 1 },
    { date: "2026-11-25", cases: 2, closed: 2 },
    { date: "2026-11-26", cases: 0, closed: 0 },
  ],
});

/* A small router for the stub: "METHOD /path" → answer; anything else goes to the toilet finder's stub. */

export const json = (statusCode: number, data: unknown): WxResponse => ({
  statusCode,
  data,
  header: { "content-type": "application/json" },
});
export const errorJson = (statusCode: number, code: string, message: string): WxResponse => json(statusCode, { error: { code, message } });

export type Route = (req: WxRequest, url: URL) => WxResponse;

export function routes(table: Record<string, Route | WxResponse>): RequestHandler {
  const fallback = stubApi();
  return (req) => {
    const url = new URL(req.url);
    const handler = table[`${req.method} ${url.pathname}`];
    if (handler === undefined) return fallback(req);
    return typeof handler === "function" ? handler(req, url) : handler;
  };
}

/** The API base the build calls ("http://127.0.0.1:3000" unless CIVIC_API_BASE was set), read off a request. */
export const apiBaseOf = (req: WxRequest): string => req.url.slice(0, req.url.indexOf("/api/v1/"));

/** The requests that went to `path` (pathname, query ignored), as "METHOD path". */
export const requestsTo = (requests: readonly WxRequest[], path: string) => requests.filter((r) => new URL(r.url).pathname === path);

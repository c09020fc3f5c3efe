import { feedRequestHeaders } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { addBinRoom, createCommunity } from "./community-fixtures";
import { createToilets, GUANQIAN, toilet } from "./fixtures";
import { type ContractHarness, call, type GetHarness, loginAs } from "./harness";
import { createZone, square, zone } from "./market-fixtures";
import { createLot, createOperator, type FeedKey, lot, PARKING_CENTRE } from "./parking-fixtures";
import { bookingBody, createPickupItems, createPickupSlot, pickupStreet } from "./pickup-fixtures";
import { createCategories, fileReport, reportBody, SPOT } from "./report-fixtures";
import { createReward, grantPoints, redeemCall, rewardBody } from "./reward-fixtures";

/*
 * Who may call what, declared as a table. Every route the OpenAPI document lists must have a row, so a
 * new route without a decision fails this suite. "allowed" means the caller gets past the checks (any
 * status but 401/403/404); otherwise anonymous callers get 401 and signed-in callers without the role 403
 * — or, for an object the caller may not see (`hidden`), 404 for everyone turned away who is signed in
 * (and anonymous too on a route that needs no sign-in).
 * `owner` is the resident who filed the fixture reports and uploaded their photos; `resident` is another.
 */
const CALLERS = ["anonymous", "owner", "resident", "collector", "volunteer", "moderator", "admin"] as const;
type Caller = (typeof CALLERS)[number];
type Access = "public" | "signed-in" | Caller[];

interface Fixture {
  toiletId: string;
  userId: string;
  feedbackId: string;
  /** The owner's report, left submitted: visible to the owner and staff only. */
  privateReportId: string;
  /** The owner's report that the moderation rows act on. */
  caseReportId: string;
  /** The owner's photo on the private report. */
  photoId: string;
  /** An Open311 api_key issued by an admin. */
  open311Key: string;
  /** A pickup slot with room, and the owner's booking on it. */
  pickupSlotId: string;
  pickupId: string;
  /** An active night market, and a suspension on it that the admin row calls off. */
  marketId: string;
  marketSuspensionId: string;
  /** A weigh-in's ledger entry for the owner's household, and the weight flag it raised. */
  pointsEntryId: string;
  pointsFlagId: string;
  /** A reward on offer, and the owner's redemption of it with its pickup code. */
  rewardId: string;
  redemptionId: string;
  pickupCode: string;
  ownerId: string;
  /** The owner's pending suggestion for the sorting guide. */
  guideSuggestionId: string;
  /** A parking operator with a lot and two feed keys (one to sign with, one the revoke row revokes). */
  parkingOperatorId: string;
  parkingLotId: string;
  parkingKey: FeedKey;
  spareParkingKeyId: string;
  /** A community with a bin room, and the volunteer caller's user id. */
  communityId: string;
  binRoomId: string;
  volunteerId: string;
}

interface Row {
  access: Access;
  path: (f: Fixture) => string;
  body?: (f: Fixture, h: ContractHarness) => unknown;
  headers?: Record<string, string>;
  /** Turned-away callers get 404: the object is invisible to them. */
  hidden?: boolean;
  /** The route needs no sign-in (so a hidden object is 404 for anonymous callers too). */
  anonymousAllowedIn?: boolean;
  /** Turned away, but they may see the object: 403 rather than 404 (staff on the reporter's own actions). */
  visibleTo?: Caller[];
  /** Headers computed from the fixture and the body sent (a signed operator feed). */
  signed?: (f: Fixture, body: string) => Promise<Record<string, string>>;
}

const STAFF: Caller[] = ["moderator", "admin"];
const REPORTER_AND_STAFF: Caller[] = ["owner", "moderator", "admin"];
const staffAction = (action: string, body: unknown): Row => ({
  access: STAFF,
  path: (f) => `/api/v1/moderation/reports/${f.caseReportId}/${action}`,
  body: () => body,
});

const ADMIN_ONLY: Caller[] = ["admin"];

const PICKUP_STREET = pickupStreet(20);
const adminRow = (path: (f: Fixture) => string, body?: unknown): Row => ({
  access: ADMIN_ONLY,
  path,
  ...(body === undefined ? {} : { body: () => body }),
});

export const AUTHORIZATION: Record<string, Row> = {
  "GET /api/v1/communities": { access: "public", path: () => "/api/v1/communities" },
  "GET /api/v1/communities/ranking": { access: "public", path: () => "/api/v1/communities/ranking" },
  "GET /api/v1/communities/mine": { access: "signed-in", path: () => "/api/v1/communities/mine" },
  "PUT /api/v1/communities/mine": {
    access: "signed-in",
    path: () => "/api/v1/communities/mine",
    body: (f) => ({ communityId: f.communityId }),
  },
  "GET /api/v1/communities/{id}": { access: "public", path: (f) => `/api/v1/communities/${f.communityId}` },
  "GET /api/v1/admin/communities": adminRow(() => "/api/v1/admin/communities"),
  "POST /api/v1/admin/communities": adminRow(() => "/api/v1/admin/communities", {
    name: "矩阵小区",
    district: "虎丘区",
    street: "狮山街道",
    lat: 31.3,
    lng: 120.55,
  }),
  "GET /api/v1/admin/communities/{id}": adminRow((f) => `/api/v1/admin/communities/${f.communityId}`),
  "PATCH /api/v1/admin/communities/{id}": adminRow((f) => `/api/v1/admin/communities/${f.communityId}`, { version: 999, name: "矩阵花园" }),
  "POST /api/v1/admin/communities/{id}/retire": adminRow((f) => `/api/v1/admin/communities/${f.communityId}/retire`, { version: 999 }),
  "POST /api/v1/admin/communities/{id}/bin-rooms": adminRow((f) => `/api/v1/admin/communities/${f.communityId}/bin-rooms`, {
    name: "矩阵投放点",
  }),
  "PATCH /api/v1/admin/bin-rooms/{id}": adminRow((f) => `/api/v1/admin/bin-rooms/${f.binRoomId}`, { name: "矩阵投放点" }),
  "POST /api/v1/admin/bin-rooms/{id}/retire": adminRow((f) => `/api/v1/admin/bin-rooms/${f.binRoomId}/retire`),
  "PUT /api/v1/admin/communities/{id}/volunteers/{userId}": adminRow(
    (f) => `/api/v1/admin/communities/${f.communityId}/volunteers/${f.volunteerId}`,
  ),
  "DELETE /api/v1/admin/communities/{id}/volunteers/{userId}": adminRow(
    (f) => `/api/v1/admin/communities/${f.communityId}/volunteers/${f.volunteerId}`,
  ),
  "PUT /api/v1/admin/communities/{id}/inspections/{month}": adminRow(
    (f) => `/api/v1/admin/communities/${f.communityId}/inspections/2020-02`,
    { score: 80 },
  ),
  "GET /api/v1/admin/communities/months/{month}": adminRow(() => "/api/v1/admin/communities/months/2020-02"),
  "POST /api/v1/admin/communities/months/{month}/publish": adminRow(() => "/api/v1/admin/communities/months/2020-03/publish"),
  "GET /api/v1/pickups/items": { access: "public", path: () => "/api/v1/pickups/items" },
  "GET /api/v1/pickups/slots": { access: "public", path: () => `/api/v1/pickups/slots?street=${encodeURIComponent(PICKUP_STREET)}` },
  "POST /api/v1/pickups": { access: "signed-in", path: () => "/api/v1/pickups", body: (f) => bookingBody(f.pickupSlotId) },
  "GET /api/v1/pickups/mine": { access: "signed-in", path: () => "/api/v1/pickups/mine" },
  "GET /api/v1/pickups/{id}": { access: ["owner"], hidden: true, path: (f) => `/api/v1/pickups/${f.pickupId}` },
  "POST /api/v1/pickups/{id}/cancel": {
    access: ["owner"],
    hidden: true,
    path: (f) => `/api/v1/pickups/${f.pickupId}/cancel`,
    body: () => ({}),
  },
  "PATCH /api/v1/pickups/{id}": {
    access: ["owner"],
    hidden: true,
    path: (f) => `/api/v1/pickups/${f.pickupId}`,
    body: () => ({ version: 1, items: [{ code: "chair", qty: 1 }] }),
  },
  "POST /api/v1/pickups/{id}/missed": {
    access: ["owner"],
    hidden: true,
    path: (f) => `/api/v1/pickups/${f.pickupId}/missed`,
    body: () => ({}),
  },
  "POST /api/v1/pickups/{id}/rate": {
    access: ["owner"],
    hidden: true,
    path: (f) => `/api/v1/pickups/${f.pickupId}/rate`,
    body: () => ({ rating: 5 }),
  },
  "GET /api/v1/admin/pickups/items": { access: ADMIN_ONLY, path: () => "/api/v1/admin/pickups/items" },
  "POST /api/v1/admin/pickups/items": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/pickups/items",
    body: () => ({
      code: "matrix_tv",
      name: "电视机",
      category: "appliance",
      maxPerBooking: 1,
      recyclable: true,
      volumePoints: 1,
      note: null,
    }),
  },
  "PATCH /api/v1/admin/pickups/items/{code}": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/pickups/items/chair",
    body: () => ({ note: "请拆成件" }),
  },
  "POST /api/v1/admin/pickups/slots": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/pickups/slots",
    body: () => ({ streets: [PICKUP_STREET], from: "2027-06-01", to: "2027-06-02", windows: ["pm"], capacityPoints: 5 }),
  },
  "GET /api/v1/admin/pickups/slots": {
    access: ADMIN_ONLY,
    path: () => `/api/v1/admin/pickups/slots?street=${encodeURIComponent(PICKUP_STREET)}&from=2027-06-01&to=2027-06-02`,
  },
  "PATCH /api/v1/admin/pickups/slots/{id}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/pickups/slots/${f.pickupSlotId}`,
    body: () => ({ capacityPoints: 100 }),
  },
  "GET /api/v1/admin/pickups/blackouts": { access: ADMIN_ONLY, path: () => "/api/v1/admin/pickups/blackouts" },
  "POST /api/v1/admin/pickups/blackouts": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/pickups/blackouts",
    body: () => ({ date: "2099-02-01", reason: "矩阵" }),
  },
  "DELETE /api/v1/admin/pickups/blackouts/{date}": { access: ADMIN_ONLY, path: () => "/api/v1/admin/pickups/blackouts/2099-02-01" },
  "GET /api/v1/admin/pickups/overview": { access: STAFF, path: () => "/api/v1/admin/pickups/overview" },
  "GET /api/v1/admin/pickups/kpis": { access: STAFF, path: () => "/api/v1/admin/pickups/kpis" },
  "GET /api/v1/admin/pickups/collectors": { access: ADMIN_ONLY, path: () => "/api/v1/admin/pickups/collectors" },
  "PUT /api/v1/admin/pickups/collectors/{userId}/streets": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/pickups/collectors/${f.userId}/streets`,
    body: () => ({ streets: [PICKUP_STREET] }),
  },
  "GET /api/v1/guide/items": { access: "public", path: () => "/api/v1/guide/items" },
  "GET /api/v1/guide/search": { access: "public", path: () => `/api/v1/guide/search?q=${encodeURIComponent("瓶")}` },
  "POST /api/v1/guide/suggestions": {
    access: "signed-in",
    path: () => "/api/v1/guide/suggestions",
    body: () => ({ name: "矩阵物品", guessedClass: "other" }),
  },
  "GET /api/v1/guide/quiz": { access: "signed-in", path: () => "/api/v1/guide/quiz" },
  // Yesterday's quiz: everyone signed in gets past the checks to a 409 (nothing is scored).
  "POST /api/v1/guide/quiz": {
    access: "signed-in",
    path: () => "/api/v1/guide/quiz",
    body: () => ({ date: "2000-01-01", answers: [{ itemId: "rec-plastic-bottle", answer: "recyclable" }] }),
  },
  "GET /api/v1/admin/guide/suggestions": { access: ADMIN_ONLY, path: () => "/api/v1/admin/guide/suggestions" },
  // A stale version: the admin gets a 409 and the fixture suggestion stays pending.
  "POST /api/v1/admin/guide/suggestions/{id}/resolve": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/guide/suggestions/${f.guideSuggestionId}/resolve`,
    body: () => ({ decision: "decline", version: 99, reason: "矩阵" }),
  },
  "GET /api/v1/collector/jobs": { access: ["collector"], path: () => "/api/v1/collector/jobs" },
  // The matrix collector serves the fixture booking's street (see fixture()): 200 or, once taken or cancelled, 409.
  "POST /api/v1/collector/jobs/{id}/accept": { access: ["collector"], path: (f) => `/api/v1/collector/jobs/${f.pickupId}/accept` },
  "POST /api/v1/collector/jobs/{id}/release": {
    access: ["collector"],
    path: (f) => `/api/v1/collector/jobs/${f.pickupId}/release`,
    body: () => ({ reason: "矩阵" }),
  },
  // The collector's day: the matrix collector no longer holds the fixture job (released above), so 409 or 422.
  "GET /api/v1/collector/route": { access: ["collector"], path: () => "/api/v1/collector/route" },
  // 小蜜蜂 volunteers (sorting checks): an unknown room code is a 404 past the role check ("through").
  "GET /api/v1/volunteer/bin-rooms": { access: ["volunteer"], path: () => "/api/v1/volunteer/bin-rooms" },
  "GET /api/v1/volunteer/bin-rooms/by-code/{code}": { access: ["volunteer"], path: () => "/api/v1/volunteer/bin-rooms/by-code/none" },
  "GET /api/v1/volunteer/today": { access: ["volunteer"], path: () => "/api/v1/volunteer/today" },
  "POST /api/v1/volunteer/checks/batch": {
    access: ["volunteer"],
    path: () => "/api/v1/volunteer/checks/batch",
    body: () => ({ checks: [] }),
  },
  "POST /api/v1/collector/jobs/{id}/arrive": { access: ["collector"], path: (f) => `/api/v1/collector/jobs/${f.pickupId}/arrive` },
  "POST /api/v1/collector/jobs/{id}/complete": {
    access: ["collector"],
    path: (f) => `/api/v1/collector/jobs/${f.pickupId}/complete`,
    body: (f) => ({ taken: [{ code: "chair", qty: 1 }], photoIds: [f.photoId] }),
  },
  "POST /api/v1/collector/jobs/{id}/unable": {
    access: ["collector"],
    path: (f) => `/api/v1/collector/jobs/${f.pickupId}/unable`,
    body: (f) => ({ reason: "no_access", photoIds: [f.photoId] }),
  },
  "GET /api/v1/points/me": { access: "signed-in", path: () => "/api/v1/points/me" },
  "GET /api/v1/points/me/history": { access: "signed-in", path: () => "/api/v1/points/me/history" },
  "GET /api/v1/points/me/code": { access: "signed-in", path: () => "/api/v1/points/me/code" },
  // A code that is not one: the collector gets past the role check to a 422.
  "POST /api/v1/points/weigh-ins": {
    access: ["collector"],
    path: () => "/api/v1/points/weigh-ins",
    body: () => ({
      weighInId: "00000000-0000-4000-8000-00000000aaaa",
      code: "矩阵",
      lines: [{ class: "paper", kg: 1 }],
      where: "doorstep",
    }),
  },
  "GET /api/v1/points/weigh-ins/mine": { access: ["collector"], path: () => "/api/v1/points/weigh-ins/mine" },
  "GET /api/v1/admin/points/rates": { access: ADMIN_ONLY, path: () => "/api/v1/admin/points/rates" },
  "PUT /api/v1/admin/points/rates": { access: ADMIN_ONLY, path: () => "/api/v1/admin/points/rates", body: () => ({ rates: [] }) },
  "GET /api/v1/admin/points/caps": { access: ADMIN_ONLY, path: () => "/api/v1/admin/points/caps" },
  "PUT /api/v1/admin/points/caps": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/points/caps",
    body: () => ({ caps: [{ kind: "quiz", perAccountDay: 5, perActorDay: null }] }),
  },
  "GET /api/v1/admin/points/flags": { access: ADMIN_ONLY, path: () => "/api/v1/admin/points/flags" },
  "POST /api/v1/admin/points/flags/{id}/review": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/points/flags/${f.pointsFlagId}/review`,
    body: () => ({ decision: "dismiss" }),
  },
  "POST /api/v1/admin/points/entries/{id}/reverse": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/points/entries/${f.pointsEntryId}/reverse`,
    body: () => ({ reason: "矩阵" }),
  },
  "POST /api/v1/auth/wechat": {
    access: "public",
    path: () => "/api/v1/auth/wechat",
    body: async (_f, h) => ({ code: await h.wechat.issueCode("matrix-wechat") }),
  },
  "POST /api/v1/auth/dev-login": { access: "public", path: () => "/api/v1/auth/dev-login", body: () => ({ openid: "matrix-probe" }) },
  "POST /api/v1/auth/logout": { access: "signed-in", path: () => "/api/v1/auth/logout" },
  "GET /api/v1/me": { access: "signed-in", path: () => "/api/v1/me" },
  "GET /api/v1/me/privacy": { access: "signed-in", path: () => "/api/v1/me/privacy" },
  "POST /api/v1/me/consent": { access: "signed-in", path: () => "/api/v1/me/consent", body: () => ({ policyVersion: "matrix" }) },
  "GET /api/v1/me/export": { access: "signed-in", path: () => "/api/v1/me/export" },
  // Without the typed confirmation: every signed-in caller gets past the sign-in check to a 422 (no one is deleted).
  "DELETE /api/v1/me": { access: "signed-in", path: () => "/api/v1/me", body: () => ({}) },
  "POST /api/v1/me/phone-number": {
    access: "signed-in",
    path: () => "/api/v1/me/phone-number",
    body: async (_f, h) => ({ code: await h.wechat.controls.issuePhoneCode("13800000000") }),
  },
  "GET /api/v1/admin/users": { access: ADMIN_ONLY, path: () => "/api/v1/admin/users" },
  "POST /api/v1/admin/users/{id}/roles": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/users/${f.userId}/roles`,
    body: () => ({ role: "volunteer" }),
  },
  "DELETE /api/v1/admin/users/{id}/roles/{role}": { access: ADMIN_ONLY, path: (f) => `/api/v1/admin/users/${f.userId}/roles/collector` },
  "GET /api/v1/admin/audit": { access: ADMIN_ONLY, path: () => "/api/v1/admin/audit" },
  "GET /api/v1/toilets/nearby": { access: "public", path: () => `/api/v1/toilets/nearby?lat=${GUANQIAN.lat}&lng=${GUANQIAN.lng}` },
  "GET /api/v1/toilets/{id}": { access: "public", path: (f) => `/api/v1/toilets/${f.toiletId}` },
  "POST /api/v1/toilets/{id}/feedback": {
    access: "signed-in",
    path: (f) => `/api/v1/toilets/${f.toiletId}/feedback`,
    body: () => ({ kind: "dirty" }),
  },
  "GET /api/v1/admin/toilet-feedback": { access: ADMIN_ONLY, path: () => "/api/v1/admin/toilet-feedback" },
  "POST /api/v1/admin/toilet-feedback/{id}/resolve": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/toilet-feedback/${f.feedbackId}/resolve`,
    body: () => ({ note: "checked" }),
  },
  "POST /api/v1/admin/toilets": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/toilets",
    body: () => toilet({ name: "matrix", ...GUANQIAN }),
  },
  "PATCH /api/v1/admin/toilets/{id}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/toilets/${f.toiletId}`,
    body: () => ({ stalls: 9 }),
  },
  "POST /api/v1/admin/toilets/{id}/deactivate": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/toilets/${f.toiletId}/deactivate`,
    body: () => ({ reason: "matrix check" }),
  },
  // Past the role check an admin meets the date rule (422) or the toilet's state (409): "through" either way.
  "POST /api/v1/admin/toilets/{id}/temporary-closure": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/toilets/${f.toiletId}/temporary-closure`,
    body: () => ({ until: "2099-01-01", reason: "matrix check" }),
  },
  "DELETE /api/v1/admin/toilets/{id}/temporary-closure": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/toilets/${f.toiletId}/temporary-closure`,
  },
  "GET /api/v1/admin/toilets": { access: ADMIN_ONLY, path: () => "/api/v1/admin/toilets?q=x" },
  "POST /api/v1/admin/toilets/import/preview": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/toilets/import/preview",
    body: () => ({ format: "csv", content: "name\nx" }),
  },
  "POST /api/v1/admin/toilets/import": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/toilets/import",
    body: () => ({ format: "csv", content: "name\nx" }),
  },
  "GET /api/v1/night-markets/nearby": {
    access: "public",
    path: () => `/api/v1/night-markets/nearby?lat=${GUANQIAN.lat}&lng=${GUANQIAN.lng}`,
  },
  "GET /api/v1/night-markets/{id}": { access: "public", path: (f) => `/api/v1/night-markets/${f.marketId}` },
  "POST /api/v1/night-markets/{id}/subscription": { access: "signed-in", path: (f) => `/api/v1/night-markets/${f.marketId}/subscription` },
  "DELETE /api/v1/night-markets/{id}/subscription": {
    access: "signed-in",
    path: (f) => `/api/v1/night-markets/${f.marketId}/subscription`,
  },
  "GET /api/v1/admin/night-markets": { access: ADMIN_ONLY, path: () => "/api/v1/admin/night-markets" },
  "POST /api/v1/admin/night-markets": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/night-markets",
    body: () => zone({ name: "矩阵夜市", area: square(GUANQIAN) }),
  },
  // Past the role check an admin meets the version (409) or the date rule (422): "through" either way.
  "PATCH /api/v1/admin/night-markets/{id}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/night-markets/${f.marketId}`,
    body: () => ({ version: 999, stalls: 9 }),
  },
  "POST /api/v1/admin/night-markets/{id}/retire": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/night-markets/${f.marketId}/retire`,
    body: () => ({ version: 999, reason: "matrix check" }),
  },
  "POST /api/v1/admin/night-markets/{id}/suspensions": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/night-markets/${f.marketId}/suspensions`,
    body: () => ({ date: "2099-01-01", reason: "matrix check" }),
  },
  "DELETE /api/v1/admin/night-markets/{id}/suspensions/{suspensionId}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/night-markets/${f.marketId}/suspensions/${f.marketSuspensionId}`,
  },
  "GET /api/v1/report-categories": { access: "public", path: () => "/api/v1/report-categories" },
  "POST /api/v1/admin/report-categories": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/report-categories",
    body: () => ({ code: `matrix_${Math.random().toString(36).slice(2, 8)}`, name: "矩阵", group: "other", department: "d", slaHours: 24 }),
  },
  "PATCH /api/v1/admin/report-categories/{code}": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/report-categories/illegal_posters",
    body: () => ({ slaHours: 24 }),
  },
  "POST /api/v1/reports": {
    access: "signed-in",
    path: () => "/api/v1/reports",
    // A photo the caller does not own: every signed-in caller gets past the role check to a 422.
    body: (f) => reportBody([f.photoId]),
  },
  "GET /api/v1/reports/duplicates": {
    access: "signed-in",
    path: () => `/api/v1/reports/duplicates?category=illegal_posters&lat=${SPOT.lat}&lng=${SPOT.lng}`,
  },
  "GET /api/v1/reports/mine": { access: "signed-in", path: () => "/api/v1/reports/mine" },
  "GET /api/v1/reports/public": { access: "public", path: () => `/api/v1/reports/public?lat=${SPOT.lat}&lng=${SPOT.lng}` },
  "GET /api/v1/reports/{id}": {
    access: REPORTER_AND_STAFF,
    hidden: true,
    anonymousAllowedIn: true,
    path: (f) => `/api/v1/reports/${f.privateReportId}`,
  },
  "POST /api/v1/reports/{id}/follow": { access: "signed-in", path: (f) => `/api/v1/reports/${f.caseReportId}/follow` },
  "POST /api/v1/reports/{id}/rate": {
    access: ["owner"],
    hidden: true,
    visibleTo: STAFF,
    path: (f) => `/api/v1/reports/${f.privateReportId}/rate`,
    body: () => ({ rating: 5 }),
  },
  "POST /api/v1/reports/{id}/reopen": {
    access: ["owner"],
    hidden: true,
    visibleTo: STAFF,
    path: (f) => `/api/v1/reports/${f.privateReportId}/reopen`,
    body: () => ({ reason: "矩阵检查" }),
  },
  "GET /api/v1/moderation/reports": { access: STAFF, path: () => "/api/v1/moderation/reports" },
  "GET /api/v1/moderation/reports/{id}": { access: STAFF, path: (f) => `/api/v1/moderation/reports/${f.caseReportId}` },
  "POST /api/v1/moderation/reports/{id}/accept": staffAction("accept", {}),
  "POST /api/v1/moderation/reports/{id}/reject": staffAction("reject", { reason: "invalid" }),
  "POST /api/v1/moderation/reports/{id}/merge": staffAction("merge", { into: "0190f0f0-0000-7000-8000-000000000000" }),
  "POST /api/v1/moderation/reports/{id}/dispatch": staffAction("dispatch", { department: "市容管理科" }),
  "POST /api/v1/moderation/reports/{id}/resolve": staffAction("resolve", { reply: "矩阵" }),
  "POST /api/v1/moderation/reports/{id}/close": staffAction("close", {}),
  "POST /api/v1/moderation/reports/{id}/reopen": staffAction("reopen", { reason: "矩阵" }),
  "POST /api/v1/moderation/reports/{id}/redact": staffAction("redact", { description: "矩阵" }),
  "POST /api/v1/moderation/reports/{id}/photos/{photoId}/hide": {
    access: STAFF,
    path: (f) => `/api/v1/moderation/reports/${f.caseReportId}/photos/none/hide`,
    body: () => ({ reason: "矩阵" }),
  },
  "POST /api/v1/moderation/reports/{id}/photos/{photoId}/show": {
    access: STAFF,
    path: (f) => `/api/v1/moderation/reports/${f.caseReportId}/photos/none/show`,
  },
  "POST /api/v1/moderation/reports/{id}/text/pass": staffAction("text/pass", {}),
  "POST /api/v1/moderation/reports/{id}/photos/{photoId}/pass": {
    access: STAFF,
    path: (f) => `/api/v1/moderation/reports/${f.caseReportId}/photos/none/pass`,
    body: () => ({}),
  },
  "GET /api/v1/moderation/kpis": { access: STAFF, path: () => "/api/v1/moderation/kpis" },
  "GET /api/v1/rewards": { access: "signed-in", path: () => "/api/v1/rewards" },
  "GET /api/v1/rewards/{id}": { access: "signed-in", path: (f) => `/api/v1/rewards/${f.rewardId}` },
  // Callers without points get past the checks to a 409 insufficient_points.
  "POST /api/v1/rewards/{id}/redeem": {
    access: "signed-in",
    path: (f) => `/api/v1/rewards/${f.rewardId}/redeem`,
    body: () => ({ redemptionId: crypto.randomUUID() }),
  },
  "GET /api/v1/rewards/redemptions/mine": { access: "signed-in", path: () => "/api/v1/rewards/redemptions/mine" },
  "POST /api/v1/rewards/redemptions/{id}/cancel": {
    access: ["owner"],
    hidden: true,
    path: (f) => `/api/v1/rewards/redemptions/${f.redemptionId}/cancel`,
  },
  // The pickup desk is staff's (moderators and admins); the household is shown by its label only.
  "GET /api/v1/rewards/desk/{pickupCode}": { access: STAFF, path: (f) => `/api/v1/rewards/desk/${f.pickupCode}` },
  "POST /api/v1/rewards/desk/{pickupCode}/collect": { access: STAFF, path: (f) => `/api/v1/rewards/desk/${f.pickupCode}/collect` },
  "GET /api/v1/admin/rewards": { access: ADMIN_ONLY, path: () => "/api/v1/admin/rewards" },
  "POST /api/v1/admin/rewards": { access: ADMIN_ONLY, path: () => "/api/v1/admin/rewards", body: () => rewardBody({ name: "矩阵礼品" }) },
  "GET /api/v1/admin/rewards/{id}": { access: ADMIN_ONLY, path: (f) => `/api/v1/admin/rewards/${f.rewardId}` },
  "PATCH /api/v1/admin/rewards/{id}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/rewards/${f.rewardId}`,
    body: () => ({ version: 1, description: "矩阵" }),
  },
  "GET /api/v1/admin/rewards/{id}/redemptions": { access: ADMIN_ONLY, path: (f) => `/api/v1/admin/rewards/${f.rewardId}/redemptions` },
  // Demo hosts only (with dev-login).
  "POST /api/v1/dev/points/grant": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/dev/points/grant",
    body: (f) => ({ accountId: f.ownerId, points: 1 }),
  },
  // Without a body the sign-in check answers first (a JSON body would be a 415 before it).
  "POST /api/v1/uploads": { access: "signed-in", path: () => "/api/v1/uploads" },
  // Without a signature: the owner and staff only; everyone else cannot tell it exists.
  "GET /api/v1/uploads/{id}/content": {
    access: REPORTER_AND_STAFF,
    hidden: true,
    anonymousAllowedIn: true,
    path: (f) => `/api/v1/uploads/${f.photoId}/content`,
  },
  "GET /api/v1/inbox": { access: "signed-in", path: () => "/api/v1/inbox" },
  // Open311 works by api_key, not by user: bearer tokens change nothing there.
  "GET /open311/v2/discovery.json": { access: "public", path: () => "/open311/v2/discovery.json" },
  "GET /open311/v2/services.json": { access: "public", path: () => "/open311/v2/services.json" },
  "GET /open311/v2/services/{service_code}.json": { access: "public", path: () => "/open311/v2/services/street_light.json" },
  "GET /open311/v2/requests.json": { access: "public", path: () => "/open311/v2/requests.json" },
  "POST /open311/v2/requests.json": {
    access: "public",
    path: () => "/open311/v2/requests.json",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: (f) =>
      new URLSearchParams({
        api_key: f.open311Key,
        service_code: "illegal_posters",
        lat: "31.31",
        long: "120.61",
        description: "矩阵",
      }).toString(),
  },
  // Not accepted yet: no one without the filing key can see it, whatever their role.
  "GET /open311/v2/requests/{service_request_id}.json": {
    access: [],
    hidden: true,
    anonymousAllowedIn: true,
    path: (f) => `/open311/v2/requests/${f.privateReportId}.json`,
  },
  "POST /api/v1/inbox/{id}/read": { access: "signed-in", path: () => "/api/v1/inbox/0190f0f0-0000-7000-8000-000000000000/read" },
  "GET /api/v1/parking/nearby": {
    access: "public",
    path: () => `/api/v1/parking/nearby?lat=${PARKING_CENTRE.lat}&lng=${PARKING_CENTRE.lng}`,
  },
  "GET /api/v1/parking/lots/{id}": { access: "public", path: (f) => `/api/v1/parking/lots/${f.parkingLotId}` },
  // An operator's feed works by its signed key, not by user: bearer tokens change nothing there (a repeat is a 409 replay).
  "POST /api/v1/feeds/parking": {
    access: "public",
    path: () => "/api/v1/feeds/parking",
    body: (f) => ({ rows: [{ lotId: f.parkingLotId, free: 1, status: "open", observedAt: "2026-01-01T00:00:00.000Z" }] }),
    signed: (f, body) => feedRequestHeaders(f.parkingKey.keyId, f.parkingKey.secret, body, new Date()),
  },
  "GET /api/v1/admin/parking/operators": { access: ADMIN_ONLY, path: () => "/api/v1/admin/parking/operators" },
  "POST /api/v1/admin/parking/operators": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/parking/operators",
    body: () => ({ name: "矩阵停车" }),
  },
  "PATCH /api/v1/admin/parking/operators/{id}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/parking/operators/${f.parkingOperatorId}`,
    body: () => ({ contact: "0512-0000" }),
  },
  "GET /api/v1/admin/parking/operators/{id}/keys": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/parking/operators/${f.parkingOperatorId}/keys`,
  },
  "POST /api/v1/admin/parking/operators/{id}/keys": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/parking/operators/${f.parkingOperatorId}/keys`,
  },
  "POST /api/v1/admin/parking/operators/{id}/keys/{keyId}/revoke": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/parking/operators/${f.parkingOperatorId}/keys/${f.spareParkingKeyId}/revoke`,
  },
  "GET /api/v1/admin/parking/lots": { access: ADMIN_ONLY, path: () => "/api/v1/admin/parking/lots" },
  "GET /api/v1/admin/parking/lots/{id}": { access: ADMIN_ONLY, path: (f) => `/api/v1/admin/parking/lots/${f.parkingLotId}` },
  "POST /api/v1/admin/parking/lots": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/parking/lots",
    body: () => lot({ name: "矩阵停车场", ...PARKING_CENTRE }),
  },
  "PATCH /api/v1/admin/parking/lots/{id}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/parking/lots/${f.parkingLotId}`,
    body: () => ({ name: "矩阵停车场" }),
  },
  "GET /api/v1/admin/parking/sources": { access: ADMIN_ONLY, path: () => "/api/v1/admin/parking/sources" },
  "POST /api/v1/admin/open311/keys": { access: ADMIN_ONLY, path: () => "/api/v1/admin/open311/keys", body: () => ({ name: "矩阵" }) },
  "GET /api/v1/admin/open311/keys": { access: ADMIN_ONLY, path: () => "/api/v1/admin/open311/keys" },
  "POST /api/v1/admin/open311/keys/{id}/revoke": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/open311/keys/0190f0f0-0000-7000-8000-000000000000/revoke",
  },
};

function allowed(access: Access, caller: Caller): boolean {
  if (access === "public") return true;
  if (access === "signed-in") return caller !== "anonymous";
  return access.includes(caller);
}

async function fixture(h: ContractHarness): Promise<Fixture> {
  const [toiletId] = await createToilets(h, [toilet({ name: "权限矩阵公厕", ...GUANQIAN })]);
  const target = await loginAs(h, "matrix-target", "collector");
  const reporter = await loginAs(h, "matrix-reporter");
  const fb = await call(h, "POST", `/api/v1/toilets/${toiletId}/feedback`, { token: reporter.token, body: { kind: "closed" } });
  await createCategories(h);
  const owner = await loginAs(h, "matrix-owner");
  const privateReport = await fileReport(h, owner.token);
  const caseReport = await fileReport(h, owner.token);
  const admin = await loginAs(h, "matrix-key-admin", "admin");
  const key = await call(h, "POST", "/api/v1/admin/open311/keys", { token: admin.token, body: { name: "matrix client" } });
  await createPickupItems(h, admin.token);
  const { slotId: pickupSlotId } = await createPickupSlot(h, admin.token, PICKUP_STREET, 100);
  const pickup = await call(h, "POST", "/api/v1/pickups", {
    token: owner.token,
    body: bookingBody(pickupSlotId, { address: "矩阵路 1 号" }),
  });
  if (pickup.status !== 201) throw new Error(`pickup fixture: ${pickup.status} ${JSON.stringify(pickup.json)}`);
  const reward = await createReward(h, admin.token, { name: "矩阵礼品", stock: 100, activeFrom: "2020-01-01" });
  await grantPoints(h, admin.token, owner.user.id, 100);
  const redemption = await redeemCall(h, owner.token, reward.id);
  if (redemption.status !== 201) throw new Error(`redemption fixture: ${redemption.status} ${JSON.stringify(redemption.json)}`);
  const suggestion = await call(h, "POST", "/api/v1/guide/suggestions", {
    token: owner.token,
    body: { name: "矩阵建议", guessedClass: "unknown" },
  });
  if (suggestion.status !== 201) throw new Error(`guide fixture: ${suggestion.status} ${JSON.stringify(suggestion.json)}`);
  const collector = await loginAs(h, "matrix-collector", "collector");
  await call(h, "PUT", `/api/v1/admin/pickups/collectors/${collector.user.id}/streets`, {
    token: admin.token,
    body: { streets: [PICKUP_STREET] },
  });
  const market = await createZone(h, admin.token, zone({ name: "权限矩阵夜市", area: square(GUANQIAN) }));
  // A few days after the host's clock (the zone was stamped with it): within the year a suspension may be set.
  const soon = new Date(Date.parse((market as unknown as { updatedAt: string }).updatedAt) + 3 * 86_400_000).toISOString().slice(0, 10);
  const suspension = await call(h, "POST", `/api/v1/admin/night-markets/${market.id}/suspensions`, {
    token: admin.token,
    body: { date: soon, reason: "matrix" },
  });
  if (suspension.status !== 201) throw new Error(`market suspension fixture: ${suspension.status} ${JSON.stringify(suspension.json)}`);
  const ownerCode = (await call(h, "GET", "/api/v1/points/me/code", { token: owner.token })).json.code;
  const weighed = await call(h, "POST", "/api/v1/points/weigh-ins", {
    token: target.token,
    body: { weighInId: "00000000-0000-4000-8000-00000000bbbb", code: ownerCode, lines: [{ class: "paper", kg: 90 }], where: "doorstep" },
  });
  if (weighed.status !== 201) throw new Error(`weigh-in fixture: ${weighed.status} ${JSON.stringify(weighed.json)}`);
  const flags = (await call(h, "GET", "/api/v1/admin/points/flags?status=open", { token: admin.token })).json.items;
  const pointsFlag = flags.find((x: { subjectKey: string }) => x.subjectKey === `weigh:${weighed.json.id}`);
  const pointsEntry = (await call(h, "GET", "/api/v1/points/me/history", { token: owner.token })).json.items[0];
  const parking = await createOperator(h, admin.token, { name: "矩阵停车运营" });
  const spare = await call(h, "POST", `/api/v1/admin/parking/operators/${parking.operatorId}/keys`, { token: admin.token });
  const parkingLotId = await createLot(h, admin.token, lot({ name: "矩阵停车场", ...PARKING_CENTRE, operatorId: parking.operatorId }));
  const community = await createCommunity(h, admin.token, "权限矩阵小区");
  const binRoom = await addBinRoom(h, admin.token, community.id);
  const volunteer = await loginAs(h, "matrix-volunteer", "volunteer");
  return {
    marketId: market.id,
    marketSuspensionId: suspension.json.id,
    pointsEntryId: pointsEntry.id,
    pointsFlagId: pointsFlag.id,
    rewardId: reward.id,
    redemptionId: redemption.json.id,
    pickupCode: redemption.json.pickupCode,
    ownerId: owner.user.id,
    parkingOperatorId: parking.operatorId,
    parkingLotId,
    parkingKey: parking.key,
    spareParkingKeyId: spare.json.keyId,
    communityId: community.id,
    binRoomId: binRoom.id,
    volunteerId: volunteer.user.id,
    pickupSlotId,
    pickupId: pickup.json.id,
    guideSuggestionId: suggestion.json.id,
    open311Key: key.json.apiKey,
    toiletId: toiletId as string,
    userId: target.user.id,
    feedbackId: fb.json.id,
    privateReportId: privateReport.id,
    caseReportId: caseReport.id,
    photoId: privateReport.photos[0].id,
  };
}

function expectedFor(row: Row, caller: Caller): "through" | 401 | 403 | 404 {
  if (allowed(row.access, caller)) return "through";
  if (caller === "anonymous") return row.hidden && row.anonymousAllowedIn ? 404 : 401;
  return row.hidden && !row.visibleTo?.includes(caller) ? 404 : 403;
}

const callerToken = async (h: ContractHarness, caller: Caller) => {
  if (caller === "anonymous") return undefined;
  const role = caller === "owner" || caller === "resident" ? undefined : caller;
  return (await loginAs(h, `matrix-${caller}`, role)).token;
};

export function registerAuthorizationContract(getHarness: GetHarness) {
  describe("authorization matrix", () => {
    it("has a row for every route in the OpenAPI document, and no row for a route that is gone", async () => {
      const doc = (await call(getHarness(), "GET", "/openapi.json")).json as { paths: Record<string, Record<string, unknown>> };
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
      expect(routes.filter((r) => !(r in AUTHORIZATION))).toEqual([]);
      expect(Object.keys(AUTHORIZATION).filter((r) => !routes.includes(r))).toEqual([]);
    });

    it("lets each caller through exactly where the table says, with 401 for anonymous and 403 for a missing role", async () => {
      const h = getHarness();
      const f = await fixture(h);
      const failures: string[] = [];
      // One session per caller (dev-login is rate limited per address), a fresh one after a logout.
      let tokens = new Map<Caller, string | undefined>();
      for (const [route, row] of Object.entries(AUTHORIZATION)) {
        const method = route.split(" ")[0] as string;
        for (const caller of CALLERS) {
          if (!tokens.has(caller)) tokens.set(caller, await callerToken(h, caller));
          const token = tokens.get(caller);
          const body = row.body ? await row.body(f, h) : undefined;
          const text = body === undefined || typeof body === "string" ? body : JSON.stringify(body);
          const headers = { ...(row.headers ?? {}), ...(row.signed ? await row.signed(f, text ?? "") : {}) };
          const res = await call(h, method, row.path(f), {
            ...(token ? { token } : {}),
            ...(text !== undefined ? { body: text } : {}),
            headers,
          });
          const expected = expectedFor(row, caller);
          const denials = row.hidden ? [401, 403, 404] : [401, 403];
          const got = denials.includes(res.status) ? res.status : "through";
          if (got !== expected) failures.push(`${route} as ${caller}: expected ${expected}, got ${res.status}`);
          if (res.status >= 500) failures.push(`${route} as ${caller}: server error ${res.status}`);
        }
        if (route.includes("/auth/logout")) tokens = new Map();
      }
      expect(failures).toEqual([]);
      // Every route × seven callers, one request each, one after another: hundreds of requests, beyond the
      // default 20 s on a busy D1 or a loaded 2-core machine.
    }, 120_000);
  });
}

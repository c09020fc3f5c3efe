import { CheckBatchRequest, SessionResponse, User } from "@civic/shared";
import { afterEach, describe, expect, it } from "vitest";
import { bootWeapp } from "./boot";
import { stubApi } from "./fixtures";
import type { RequestHandler, WxRequest, WxResponse } from "./harness/fake-wx";
import type { MiniProgram } from "./harness/mini-runtime";
import { findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";

/*
 * 小蜜蜂 in the built weapp (packages/volunteer): my bin rooms, then a check at a room opened by its QR
 * path (?room=<code>): scan the resident's code, tap 正确, the check is queued and synced.
 */
const VOLUNTEER = User.parse({
  id: "0190a1b2-0000-7000-8000-0000000000f1",
  nickname: "小蜜蜂王阿姨",
  roles: ["resident", "volunteer"],
  createdAt: "2026-09-01T00:00:00.000Z",
});
const SESSION = SessionResponse.parse({ token: "fake-volunteer-token", expiresAt: "2099-01-01T00:00:00.000Z", user: VOLUNTEER });
const ROOM = { id: "r1", code: "demo-tj-north", name: "北门投放点", communityId: "c1", communityName: "桐泾新村", mine: true };
const json = (statusCode: number, data: unknown): WxResponse => ({ statusCode, data, header: { "content-type": "application/json" } });

function volunteerApi(): RequestHandler {
  const fallback = stubApi();
  return (req: WxRequest) => {
    const path = new URL(req.url, "https://api.test").pathname;
    if (path.endsWith("/api/v1/me")) return json(200, VOLUNTEER);
    if (path.endsWith("/api/v1/volunteer/bin-rooms")) return json(200, { rooms: [ROOM] });
    if (path.endsWith("/api/v1/volunteer/checks/batch") && req.method === "POST") {
      const body = CheckBatchRequest.parse(req.data);
      return json(200, { results: body.checks.map((c) => ({ id: c.id, status: "accepted", points: 2, householdLabel: "住户 AB12" })) });
    }
    return fallback(req);
  };
}

const has = (cls: string) => (t: WxmlElement) => findByClass(t, cls).length > 0 && t;

let current: MiniProgram | null = null;
afterEach(() => {
  const mp = current;
  current = null;
  expect(mp?.errors ?? []).toEqual([]);
  expect([...(mp?.fake.missing ?? [])]).toEqual([]);
});

describe("weapp: 小蜜蜂 volunteers (packages/volunteer)", () => {
  it("is a subpackage of its own and lists my bin rooms", async () => {
    const mp = await bootWeapp({ onRequest: volunteerApi(), storage: { "civic.session": SESSION } });
    current = mp;
    const subs = (mp.appConfigJson.subPackages ?? mp.appConfigJson.subpackages) as { root: string; pages: string[] }[];
    expect(subs.find((s) => s.root.replace(/\/$/, "") === "packages/volunteer")?.pages).toEqual([
      "rooms/index",
      "check/index",
      "today/index",
    ]);
    const page = await mp.openPage("packages/volunteer/rooms/index");
    const tree = await page.waitFor(has("room-card"), "my rooms");
    expect(textOf(findOneByClass(tree, "room-name"))).toContain("桐泾新村");
  });

  it("records a check at a room opened by its QR path and syncs it", async () => {
    const mp = await bootWeapp({
      onRequest: volunteerApi(),
      storage: { "civic.session": SESSION },
      scans: [{ result: "civic-pts:1.ref.1999999999.sig" }],
    });
    current = mp;
    const page = await mp.openPage("packages/volunteer/check/index", { room: ROOM.code });
    let tree = await page.waitFor(has("check-scan"), "the check page");
    page.tap(findOneByClass(tree, "check-scan"));
    tree = await page.waitFor((t) => textOf(findOneByClass(t, "check-scan")).includes("已扫码") && t, "the scanned code");
    page.tap(findOneByClass(tree, "check-correct"));
    await page.waitFor((t) => textOf(t).includes("住户 AB12 正确 +2 分") && t, "the synced check");
    const post = mp.fake.requests.find((r) => r.method === "POST" && r.url.endsWith("/api/v1/volunteer/checks/batch"));
    expect(CheckBatchRequest.parse(post?.data).checks[0]).toMatchObject({ binRoomCode: ROOM.code, correct: true });
  });
});

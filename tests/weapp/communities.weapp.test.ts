import { addCityMonths, cityMonthOf, SessionResponse, User } from "@civic/shared";
import { afterEach, describe, expect, it } from "vitest";
import { adminCommunity, detail, mine, monthDraft, ranking } from "../miniapp/community-fixtures";
import { bootWeapp, textsOf } from "./boot";
import type { MiniProgram } from "./harness/mini-runtime";
import { findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";
import { json, RESIDENT_SESSION, routes } from "./report-fixtures";

/* 星级小区 in the built weapp: packages/communities (ranking, a community, mine) and packages/communities-admin. */

const ADMIN_SESSION = SessionResponse.parse({
  token: "fake-admin-token",
  expiresAt: "2099-01-01T00:00:00.000Z",
  user: User.parse({
    id: "0190a1b2-0000-7000-8000-0000000000cc",
    nickname: "系统管理员",
    roles: ["resident", "admin"],
    createdAt: "2026-09-01T00:00:00.000Z",
  }),
});

const lastMonth = () => addCityMonths(cityMonthOf(new Date()), -1);
const has =
  (cls: string, n = 1) =>
  (t: WxmlElement) =>
    findByClass(t, cls).length >= n && t;

let current: MiniProgram | null = null;
afterEach(() => {
  const mp = current;
  current = null;
  expect(mp?.errors ?? []).toEqual([]);
  expect([...(mp?.fake.missing ?? [])]).toEqual([]);
});

describe("weapp: 星级小区", () => {
  it("shows the ranking, a community's trend bars and my community's stars", async () => {
    const mp = await bootWeapp({
      storage: { "civic.session": RESIDENT_SESSION },
      onRequest: routes({
        "GET /api/v1/communities/ranking": json(200, ranking()),
        "GET /api/v1/communities/c-1": json(200, detail()),
        "GET /api/v1/communities/mine": json(200, mine()),
      }),
    });
    current = mp;
    const rankingPage = await mp.openPage("packages/communities/ranking/index");
    const tree = await rankingPage.waitFor(has("ranking-entry", 2), "the ranking");
    expect(textsOf(tree, "community-row__name")).toEqual(["湖东邻里花园", "狮山花园"]);

    const communityPage = await mp.openPage("packages/communities/community/index", { id: "c-1" });
    const detailTree = await communityPage.waitFor(has("trend-bar", 3), "the trend");
    expect(textsOf(detailTree, "trend-bar__stars")).toEqual(["3★", "4★", "4★"]);

    const minePage = await mp.openPage("packages/communities/mine/index");
    const mineTree = await minePage.waitFor(has("community-registered"), "my community");
    expect(textOf(findOneByClass(mineTree, "stars__label")).trim()).toBe("4 星");
  });

  it("opens the bureau's month draft and the communities list for an admin", async () => {
    const mp = await bootWeapp({
      storage: { "civic.session": ADMIN_SESSION },
      onRequest: routes({
        "GET /api/v1/admin/communities": json(200, { communities: [{ ...adminCommunity(), binRooms: undefined, volunteers: undefined }] }),
        "GET /api/v1/admin/communities/c-1": json(200, adminCommunity()),
        [`GET /api/v1/admin/communities/months/${lastMonth()}`]: json(200, monthDraft({ month: lastMonth() })),
      }),
    });
    current = mp;
    const month = await mp.openPage("packages/communities-admin/month/index");
    const tree = await month.waitFor(has("month-row", 2), "the month's rows");
    expect(textsOf(tree, "month-row__why")).toEqual(["本月尚无城管局检查评分"]);
    const list = await mp.openPage("packages/communities-admin/communities/index");
    const listTree = await list.waitFor(has("admin-community-row"), "the communities");
    list.tap(findOneByClass(listTree, "admin-community-row"));
    const panel = await list.waitFor(has("bin-room-qr"), "the community panel");
    expect(textsOf(panel, "bin-room-qr")).toEqual(["packages/volunteer/check/index?room=ABCDEFGHJK"]);
  });
});

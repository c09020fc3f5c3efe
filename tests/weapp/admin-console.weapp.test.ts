import { SessionResponse, User } from "@civic/shared";
import { afterEach, describe, expect, it } from "vitest";
import { bootWeapp } from "./boot";
import type { MiniProgram } from "./harness/mini-runtime";
import { findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";
import { json, routes } from "./report-fixtures";

/* The admin console in the built weapp (packages/admin): the menu, and the audit log with its filters. */

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
const ENTRY = {
  id: "a-1",
  actorId: "0190a1b2-0000-7000-8000-0000000000cc",
  action: "role.grant",
  targetType: "user",
  targetId: "0190a1b2-0000-7000-8000-0000000000b0",
  detail: { role: "collector" },
  at: "2026-11-20T02:30:00.000Z",
};

const has = (cls: string) => (t: WxmlElement) => findByClass(t, cls).length > 0 && t;

let current: MiniProgram | null = null;
afterEach(() => {
  const mp = current;
  current = null;
  expect(mp?.errors ?? []).toEqual([]);
  expect([...(mp?.fake.missing ?? [])]).toEqual([]);
});

describe("weapp: 管理后台", () => {
  it("renders the admin menu and opens a page from it", async () => {
    const mp = await bootWeapp({ storage: { "civic.session": ADMIN_SESSION } });
    current = mp;
    const page = await mp.openPage("packages/admin/home/index");
    const tree = await page.waitFor(has("admin-menu__item"), "the admin menu");
    expect(findByClass(tree, "admin-menu__title").map((el) => textOf(el).trim())).toEqual([
      "用户与角色",
      "问题类别",
      "公厕目录",
      "导入公厕",
      "厕所问题反馈",
      "Open311 密钥",
      "审计日志",
      "大件物品目录",
      "收运时段",
      "停收日期",
      "回收员服务街道",
      "大件收运概况",
      "积分费率",
      "积分上限",
      "积分异常",
      "兑换礼品管理",
      "礼品领取",
      "小区与投放点",
      "星级小区月度评定",
      "垃圾分类指南补充",
      "停车数据源",
      "停车运营方与密钥",
      "停车场目录",
      "夜市与便民疏导点",
    ]);
    page.tap(findOneByClass(tree, "admin-menu-audit"));
    await page.waitFor(() => mp.fake.callsOf("navigateTo").length > 0, "navigating");
    expect(mp.fake.callsOf("navigateTo")[0]).toMatchObject({ url: "/packages/admin/audit/index" });
  });

  it("renders the audit log and filters it by target type", async () => {
    const mp = await bootWeapp({
      storage: { "civic.session": ADMIN_SESSION },
      onRequest: routes({ "GET /api/v1/admin/audit": json(200, { entries: [ENTRY], nextCursor: null }) }),
    });
    current = mp;
    const page = await mp.openPage("packages/admin/audit/index");
    let tree = await page.waitFor(has("audit-entry"), "the audit entries");
    expect(textOf(findOneByClass(tree, "audit-entry__action")).trim()).toBe("授予角色");
    expect(textOf(findOneByClass(tree, "audit-entry__time")).trim()).toBe("2026-11-20 10:30");
    page.tap(findOneByClass(tree, "target-toilet"));
    tree = await page.waitFor(
      (t) => findByClass(t, "target-toilet").some((el) => String(el.attr.class ?? "").includes("is-active")) && t,
      "the chosen target type",
    );
    page.tap(findOneByClass(tree, "audit-apply"));
    await page.waitFor(
      () => mp.fake.requests.some((r) => new URL(r.url).searchParams.get("targetType") === "toilet"),
      "the filtered request",
    );
  });
});

import { PickupKpis, PickupOverview, PickupSlot, SessionResponse, User } from "@civic/shared";
import { afterEach, describe, expect, it } from "vitest";
import { bootWeapp, textsOf } from "./boot";
import type { MiniProgram } from "./harness/mini-runtime";
import { classesOf, findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";
import { json, MODERATOR_SESSION, requestsTo, routes } from "./report-fixtures";

/* The bureau's pickups pages in the built weapp (packages/pickups-admin): the day overview (staff) and the slots (admin). */

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

const counts = (over: Record<string, number>) => ({
  booked: 0,
  accepted: 0,
  arrived: 0,
  completed: 0,
  unable: 0,
  missed: 0,
  cancelled: 0,
  overdue: 0,
  capacityPoints: 0,
  bookedPoints: 0,
  ...over,
});
const OVERVIEW = PickupOverview.parse({
  date: "2026-12-01",
  district: null,
  streets: [
    {
      streetCode: "320508:平江街道",
      streetName: "平江街道",
      districtCode: "320508",
      ...counts({ accepted: 2, completed: 3, overdue: 2, capacityPoints: 40, bookedPoints: 26 }),
    },
    {
      streetCode: "320508:沧浪街道",
      streetName: "沧浪街道",
      districtCode: "320508",
      ...counts({ completed: 1, capacityPoints: 20, bookedPoints: 4 }),
    },
  ],
  totals: counts({ accepted: 2, completed: 4, overdue: 2, capacityPoints: 60, bookedPoints: 30 }),
});
const KPIS = PickupKpis.parse({
  from: "2026-11-01",
  to: "2026-11-30",
  district: null,
  due: 40,
  completed: 36,
  onTimeRate: 0.875,
  noShowRate: 0.05,
  averageRating: 4.6,
  rated: 20,
});
const SLOT = PickupSlot.parse({
  id: "s-1",
  streetCode: "320508:平江街道",
  date: "2026-12-03",
  window: "am",
  capacityPoints: 20,
  bookedPoints: 12,
  remaining: 8,
});

const has = (cls: string) => (t: WxmlElement) => findByClass(t, cls).length > 0 && t;

let current: MiniProgram | null = null;
afterEach(() => {
  const mp = current;
  current = null;
  expect(mp?.errors ?? []).toEqual([]);
  expect([...(mp?.fake.missing ?? [])]).toEqual([]);
});

describe("weapp: 大件收运 (bureau)", () => {
  it("opens the day overview for a moderator: streets, overdue highlighted, KPIs, and a district filter", async () => {
    const mp = await bootWeapp({
      storage: { "civic.session": MODERATOR_SESSION },
      onRequest: routes({
        "GET /api/v1/admin/pickups/overview": json(200, OVERVIEW),
        "GET /api/v1/admin/pickups/kpis": json(200, KPIS),
      }),
    });
    current = mp;
    const page = await mp.openPage("packages/pickups-admin/overview/index");
    let tree = await page.waitFor(
      (t) => findByClass(t, "kpi-value").length === 3 && findByClass(t, "overview-street").length === 2 && t,
      "the overview and the KPIs",
    );
    expect(textsOf(tree, "overview-row__name")).toEqual(["平江街道", "沧浪街道", "合计"]);
    const [pingjiang, canglang] = findByClass(tree, "overview-street");
    expect(classesOf(pingjiang as WxmlElement)).toContain("has-overdue");
    expect(classesOf(canglang as WxmlElement)).not.toContain("has-overdue");
    expect(textOf(findOneByClass(pingjiang as WxmlElement, "overview-volume")).replace(/\s+/g, "")).toBe("运力26/40点");
    expect(textsOf(tree, "kpi-value")).toEqual(["87.5%", "5%", "4.6 分"]);

    page.tap(findOneByClass(tree, "district-gusu"));
    tree = await page
      .waitFor(
        () =>
          requestsTo(mp.fake.requests, "/api/v1/admin/pickups/overview").some(
            (r) => new URL(r.url).searchParams.get("district") === "320508",
          ),
        "the overview of 姑苏区",
      )
      .then(() => page.waitFor(has("overview-street"), "the filtered overview"));
    expect(
      requestsTo(mp.fake.requests, "/api/v1/admin/pickups/kpis").some((r) => new URL(r.url).searchParams.get("district") === "320508"),
    ).toBe(true);
  });

  it("opens the slots for an admin, explains a refused capacity (409 below_booked) and creates slots in bulk", async () => {
    const mp = await bootWeapp({
      storage: { "civic.session": ADMIN_SESSION },
      onRequest: routes({
        "GET /api/v1/admin/pickups/slots": json(200, { slots: [SLOT] }),
        "PATCH /api/v1/admin/pickups/slots/s-1": json(409, {
          error: { code: "conflict", message: "below what is booked", details: { reason: "below_booked", bookedPoints: 15 } },
        }),
        "POST /api/v1/admin/pickups/slots": json(201, { created: 14, skipped: 0 }),
      }),
    });
    current = mp;
    const page = await mp.openPage("packages/pickups-admin/slots/index");
    let tree = await page.waitFor(has("slot-row"), "the slot list");
    expect(textOf(findOneByClass(tree, "slot-row__street")).trim()).toBe("姑苏区 · 平江街道");
    expect(new URL(requestsTo(mp.fake.requests, "/api/v1/admin/pickups/slots")[0]?.url ?? "http://x").searchParams.get("district")).toBe(
      "320508",
    );

    page.trigger(findOneByClass(tree, "slot-capacity"), "input", { value: "14" });
    tree = await page.waitFor((t) => !findOneByClass(t, "slot-save").attr.disabled && t, "the save button enabled");
    page.tap(findOneByClass(tree, "slot-save"));
    tree = await page.waitFor(has("slot-row__error"), "the refusal");
    expect(textOf(findOneByClass(tree, "slot-row__error")).trim()).toBe("不能低于已预约的 15 点");

    page.tap(findByClass(tree, "street-chip")[0] as WxmlElement);
    tree = await page.waitFor((t) => textOf(findOneByClass(t, "street-picker__count")).includes("已选 1 个街道") && t, "one street chosen");
    page.tap(findOneByClass(tree, "bulk-submit"));
    tree = await page.waitFor(has("bulk-result"), "the bulk result");
    expect(textOf(findOneByClass(tree, "bulk-result")).replace(/\s+/g, "")).toBe("新开放14个时段，跳过已存在的0个");
    const post = requestsTo(mp.fake.requests, "/api/v1/admin/pickups/slots").find((r) => r.method === "POST");
    expect(JSON.parse(typeof post?.data === "string" ? post.data : JSON.stringify(post?.data))).toMatchObject({
      streets: ["320508:平江街道"],
      windows: ["am", "pm"],
      capacityPoints: 20,
    });
  });
});

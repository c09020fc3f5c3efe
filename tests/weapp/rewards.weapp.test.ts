import { DeskRedemption, Redemption, Reward } from "@civic/shared";
import { afterEach, describe, expect, it } from "vitest";
import { bootWeapp, textsOf } from "./boot";
import type { MiniProgram } from "./harness/mini-runtime";
import { findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";
import { json, MODERATOR_SESSION, RESIDENT_SESSION, requestsTo, routes } from "./report-fixtures";

/* Rewards in the built weapp: the resident's list and redeem (packages/rewards), the staff's pickup desk (packages/rewards-admin). */

const PLACE = { name: "社区服务中心", address: "姑苏区人民路 100 号", hours: "周一至周五 9:00–17:00" };
const REWARD = Reward.parse({
  id: "rw-1",
  name: "环保购物袋",
  description: "可折叠",
  picture: null,
  price: 50,
  stockLeft: 3,
  place: PLACE,
  activeFrom: "2026-11-01",
  activeTo: null,
});
const REDEMPTION = Redemption.parse({
  id: "0190a1b2-0000-7000-8000-00000000d001",
  rewardId: "rw-1",
  rewardName: "环保购物袋",
  price: 50,
  pickupCode: "ABCDEFGH",
  status: "reserved",
  place: PLACE,
  createdAt: "2026-12-01T02:00:00.000Z",
  collectedAt: null,
  cancelledAt: null,
});
const DESK = DeskRedemption.parse({
  id: REDEMPTION.id,
  pickupCode: "ABCDEFGH",
  rewardId: "rw-1",
  rewardName: "环保购物袋",
  picture: null,
  place: PLACE,
  householdLabel: "住户 7QF2",
  status: "reserved",
  createdAt: "2026-12-01T02:00:00.000Z",
  collectedAt: null,
});

const has = (cls: string) => (t: WxmlElement) => findByClass(t, cls).length > 0 && t;

let current: MiniProgram | null = null;
afterEach(() => {
  const mp = current;
  current = null;
  expect(mp?.errors ?? []).toEqual([]);
  expect([...(mp?.fake.missing ?? [])]).toEqual([]);
});

describe("weapp: 积分兑换", () => {
  it("lists rewards with my balance, and redeems one after the confirm (pickup code shown)", async () => {
    const mp = await bootWeapp({
      storage: { "civic.session": RESIDENT_SESSION },
      onRequest: routes({
        "GET /api/v1/rewards": json(200, { rewards: [REWARD], balance: 120 }),
        "GET /api/v1/rewards/rw-1": json(200, { ...REWARD, balance: 120 }),
        "POST /api/v1/rewards/rw-1/redeem": json(201, REDEMPTION),
      }),
    });
    current = mp;
    const list = await mp.openPage("packages/rewards/list/index");
    const tree = await list.waitFor(has("reward-card"), "the reward cards");
    expect(textsOf(tree, "reward-afford")).toEqual(["可兑换"]);
    expect(textOf(findOneByClass(tree, "reward-balance")).trim()).toBe("我的积分 120");

    const page = await mp.openPage("packages/rewards/detail/index", { id: "rw-1" });
    let detail = await page.waitFor(has("reward-redeem-button"), "the redeem button");
    page.tap(findOneByClass(detail, "reward-redeem-button"));
    detail = await page.waitFor(has("reward-confirm-button"), "the confirm panel");
    expect(textsOf(detail, "reward-confirm__line")).toEqual(["所需积分：50", "兑换后剩余：70"]);
    page.tap(findOneByClass(detail, "reward-confirm-button"));
    detail = await page.waitFor(has("reward-done"), "the pickup code");
    expect(textOf(findOneByClass(detail, "reward-pickup-code")).trim()).toBe("ABCD EFGH");
    expect(requestsTo(mp.fake.requests, "/api/v1/rewards/rw-1/redeem")).toHaveLength(1);
  });

  it("the desk looks a code up and confirms the pickup (staff)", async () => {
    const mp = await bootWeapp({
      storage: { "civic.session": MODERATOR_SESSION },
      onRequest: routes({
        "GET /api/v1/rewards/desk/ABCDEFGH": json(200, DESK),
        "POST /api/v1/rewards/desk/ABCDEFGH/collect": json(200, { ...DESK, status: "collected", collectedAt: "2026-12-01T03:00:00.000Z" }),
      }),
    });
    current = mp;
    const page = await mp.openPage("packages/rewards-admin/desk/index");
    let tree = await page.waitFor(has("desk-code-input"), "the code field");
    page.trigger(findOneByClass(tree, "desk-code-input"), "input", { value: "abcd-efgh" });
    tree = await page.waitFor(has("desk-lookup"), "the lookup button");
    page.tap(findOneByClass(tree, "desk-lookup"));
    tree = await page.waitFor(has("desk-collect"), "the redemption");
    expect(textOf(findOneByClass(tree, "desk-household")).trim()).toBe("住户 7QF2");
    page.tap(findOneByClass(tree, "desk-collect"));
    tree = await page.waitFor(has("desk-result--collected"), "collected");
    expect(textOf(findOneByClass(tree, "desk-message")).trim()).toBe("已确认领取");
  });
});

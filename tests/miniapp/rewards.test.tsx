import { render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import RewardPage from "../../miniapp/src/packages/rewards/detail/index";
import RewardsPage from "../../miniapp/src/packages/rewards/list/index";
import MyRedemptionsPage from "../../miniapp/src/packages/rewards/mine/index";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import { $, $$, tap, waitForSelector } from "./report-fixtures";
import { conflictWith, REDEMPTION_ID, REWARD_ID, redemptionOf, rewardOf } from "./reward-fixtures";
import Taro, { shimState } from "./shims/taro";

describe("积分兑换 (list)", () => {
  it("shows my balance and each reward's price, stock and whether I can afford it; opens one", async () => {
    saveSession(sessionFor(["resident"]));
    const navigate = vi.spyOn(Taro, "navigateTo");
    stubApi(() =>
      ok({
        balance: 120,
        rewards: [rewardOf(), rewardOf({ id: "r2", name: "洗衣液", price: 300 }), rewardOf({ id: "r3", name: "公交卡", stockLeft: 0 })],
      }),
    );
    const { container } = render(<RewardsPage />);
    await waitForSelector(container, ".reward-card");
    expect($(container, ".reward-balance")?.textContent).toBe("我的积分 120");
    expect($$(container, ".reward-afford").map((e) => e.textContent)).toEqual(["可兑换", "还差 180 积分", "已兑完"]);
    expect($(container, ".reward-card__img")?.getAttribute("src")).toContain("/api/v1/uploads/pic-1/content");
    tap(container, `.reward-card[data-id="${REWARD_ID}"]`);
    expect(navigate).toHaveBeenCalledWith({ url: `/packages/rewards/detail/index?id=${REWARD_ID}` });
  });

  it("says when nothing is on offer, and shows errors with a retry", async () => {
    saveSession(sessionFor(["resident"]));
    stubApi(() => ok({ balance: 0, rewards: [] }));
    const empty = render(<RewardsPage />);
    await waitForSelector(empty.container, ".state-empty");
    empty.unmount();
    stubApi(() => apiError(500, "internal"));
    const failed = render(<RewardsPage />);
    await waitForSelector(failed.container, ".state-error");
  });

  it("asks to sign in first", async () => {
    const { container } = render(<RewardsPage />);
    await waitForSelector(container, ".login-prompt");
  });
});

describe("礼品详情 (redeem)", () => {
  const open = (answer: Parameters<typeof stubApi>[0]) => {
    saveSession(sessionFor(["resident"]));
    shimState.routerParams = { id: REWARD_ID };
    const sent = stubApi(answer);
    return { ...render(<RewardPage />), sent };
  };

  it("confirms with the price and the balance after, then shows the pickup code; a retry reuses the redemption id", async () => {
    let first = true;
    const { container, sent } = open((req) => {
      if (req.method === "GET") return ok({ ...rewardOf(), balance: 120 });
      if (first) {
        first = false;
        return "network-error";
      }
      return ok(redemptionOf(), 201);
    });
    await waitForSelector(container, ".reward-redeem-button");
    tap(container, ".reward-redeem-button");
    expect($(container, ".reward-confirm")?.textContent).toContain("所需积分：50");
    expect($(container, ".reward-confirm")?.textContent).toContain("兑换后剩余：70");
    tap(container, ".reward-confirm-button");
    await waitForSelector(container, ".reward-failure");
    tap(container, ".reward-confirm-button");
    await waitForSelector(container, ".reward-done");
    expect($(container, ".reward-pickup-code")?.textContent).toBe("ABCD EFGH");
    const posts = sent.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(2);
    const ids = posts.map((p) => (p.body as { redemptionId: string }).redemptionId);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).toBe(ids[0]);
  });

  it("explains a refusal (已兑完) and reloads", async () => {
    const { container, sent } = open((req) => (req.method === "GET" ? ok({ ...rewardOf(), balance: 120 }) : conflictWith("out_of_stock")));
    await waitForSelector(container, ".reward-redeem-button");
    tap(container, ".reward-redeem-button");
    tap(container, ".reward-confirm-button");
    await waitForSelector(container, ".reward-failure");
    expect($(container, ".reward-failure")?.textContent).toBe("已兑完");
    await waitFor(() => expect(sent.filter((r) => r.method === "GET").length).toBe(2));
  });

  it("cannot redeem without enough points", async () => {
    const { container } = open(() => ok({ ...rewardOf({ price: 500 }), balance: 120 }));
    await waitForSelector(container, ".reward-redeem-button");
    expect($(container, ".reward-redeem-button")?.textContent).toBe("积分不足（还差 380）");
    expect($(container, ".reward-redeem-button")?.hasAttribute("disabled")).toBe(true);
  });

  it("shows a missing reward as an error", async () => {
    const { container } = open(() => apiError(404, "not_found"));
    await waitForSelector(container, ".state-error");
  });
});

describe("我的兑换", () => {
  it("shows the pickup code big with the place and hours; cancels (积分退回)", async () => {
    saveSession(sessionFor(["resident"]));
    const modal = vi.spyOn(Taro, "showModal");
    stubApi((req) =>
      req.method === "POST"
        ? ok(redemptionOf({ status: "cancelled", cancelledAt: "2026-12-01T03:00:00.000Z" }))
        : ok({ redemptions: [redemptionOf(), redemptionOf({ id: "old", status: "collected" })] }),
    );
    const { container } = render(<MyRedemptionsPage />);
    await waitForSelector(container, ".redemption");
    expect($$(container, ".reward-pickup-code").map((e) => e.textContent)).toEqual(["ABCD EFGH"]);
    expect($(container, ".reward-place")?.textContent).toContain("周一至周五 9:00–17:00");
    expect($$(container, ".redemption-cancel")).toHaveLength(1);
    tap(container, ".redemption-cancel");
    expect(modal).toHaveBeenCalled();
    await waitForSelector(container, `.redemption--cancelled[data-id="${REDEMPTION_ID}"]`);
    expect($$(container, ".redemption-cancel")).toHaveLength(0);
  });

  it("says there is none yet and offers 去兑换; errors with a retry", async () => {
    saveSession(sessionFor(["resident"]));
    stubApi(() => ok({ redemptions: [] }));
    const empty = render(<MyRedemptionsPage />);
    await waitForSelector(empty.container, ".state-empty");
    empty.unmount();
    stubApi(() => apiError(500, "internal"));
    const failed = render(<MyRedemptionsPage />);
    await waitForSelector(failed.container, ".state-error");
  });
});

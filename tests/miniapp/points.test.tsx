import { PointsEntry, PointsSummary } from "@civic/shared";
import { act, fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import PointsCodePage from "../../miniapp/src/packages/points/code/index";
import PointsHistoryPage from "../../miniapp/src/packages/points/history/index";
import PointsHomePage from "../../miniapp/src/packages/points/index/index";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import Taro, { shimState } from "./shims/taro";

/* 我的积分: the hub, the history (paged) and the rotating code. */

const summary = (over: Partial<PointsSummary> = {}) =>
  PointsSummary.parse({
    balance: 128,
    expiringSoon: 12,
    expiringBefore: "2026-12-31",
    expiryMonths: 24,
    counts: { entries: 9, earned: 140, spent: 12 },
    ...over,
  });

const entry = (i: number, amount = 6): PointsEntry =>
  PointsEntry.parse({
    id: `e-${i}`,
    amount,
    kind: amount > 0 ? "weigh_in" : "redemption",
    reason: amount > 0 ? `回收点投交 纸类 ${i} 千克` : "兑换礼品 环保袋",
    rule: "纸类 2 分/千克（第1版费率）",
    at: `2026-11-${String(10 + (i % 15)).padStart(2, "0")}T02:00:00.000Z`,
    reversesId: null,
  });

describe("我的积分 (hub)", () => {
  it("shows the balance large, what expires soon, and opens the code, the history and the other services", async () => {
    saveSession(sessionFor());
    stubApi(() => ok(summary()));
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<PointsHomePage />);
    await waitFor(() => expect(container.querySelector(".points-balance__value")?.textContent).toBe("128"));
    expect(container.querySelector(".points-expiring")?.textContent).toContain("12 分将于 2026-12-31 前过期");
    fireEvent.click(container.querySelector(".points-code-button") as HTMLElement);
    fireEvent.click(container.querySelector(".points-history-button") as HTMLElement);
    for (const k of ["rewards", "guide", "quiz", "community"]) fireEvent.click(container.querySelector(`.points-link-${k}`) as HTMLElement);
    expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([
      "/packages/points/code/index",
      "/packages/points/history/index",
      "/packages/rewards/list/index",
      "/packages/guide/search/index",
      "/packages/guide/quiz/index",
      "/packages/communities/mine/index",
    ]);
  });

  it("asks to sign in, and shows an error with retry", async () => {
    const { container, unmount } = render(<PointsHomePage />);
    expect(container.textContent).toContain("登录后查看您的积分");
    unmount();
    saveSession(sessionFor());
    stubApi(() => apiError(500, "internal"));
    const view = render(<PointsHomePage />);
    await waitFor(() => expect(view.container.querySelector(".state-error, .error-text, [class*=error]")).not.toBeNull());
  });
});

describe("积分明细 (history)", () => {
  it("lists reasons with + and − amounts and loads the next page at the bottom", async () => {
    saveSession(sessionFor());
    const sent = stubApi((req) =>
      req.query.get("cursor")
        ? ok({ items: [entry(30, -20)], nextCursor: null })
        : ok({ items: Array.from({ length: 20 }, (_, i) => entry(i)), nextCursor: "c1" }),
    );
    const { container } = render(<PointsHistoryPage />);
    await waitFor(() => expect(container.querySelectorAll(".points-entry")).toHaveLength(20));
    expect(container.querySelector(".points-entry__amount")?.textContent).toBe("+6");
    expect(container.textContent).toContain("第1版费率");
    act(() => shimState.reachBottom?.());
    await waitFor(() => expect(container.querySelectorAll(".points-entry")).toHaveLength(21));
    expect(sent.at(-1)?.query.get("cursor")).toBe("c1");
    expect(container.querySelectorAll(".points-entry__amount")[20]?.textContent).toBe("−20");
    expect(container.querySelector(".points-more")).toBeNull();
  });

  it("says when there is nothing yet", async () => {
    saveSession(sessionFor());
    stubApi(() => ok({ items: [], nextCursor: null }));
    const { container } = render(<PointsHistoryPage />);
    await waitFor(() => expect(container.textContent).toContain("还没有积分记录"));
  });
});

describe("我的积分码 (code)", () => {
  it("draws the code as a QR grid with the household label and a countdown, and fetches a new one before it expires", async () => {
    saveSession(sessionFor());
    let n = 0;
    const sent = stubApi(() => {
      n++;
      const ttl = n === 1 ? 15 : 300;
      return ok({
        code: `civic-pts:1.ref${n}.1999999999.sig`,
        expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
        householdLabel: "住户 7QF2",
      });
    });
    const { container } = render(<PointsCodePage />);
    await waitFor(() => expect(container.querySelector(".points-code__label")?.textContent).toBe("住户 7QF2"));
    const grid = container.querySelector(".qr-grid") as HTMLElement;
    expect(Number(grid.dataset.size)).toBeGreaterThanOrEqual(21);
    expect(container.querySelectorAll(".qr-grid__cell.is-dark").length).toBeGreaterThan(50);
    // 15 s left is within the refresh margin: a new code is asked for at once.
    await waitFor(() => expect(sent.length).toBeGreaterThanOrEqual(2));
    await waitFor(() => expect(container.querySelector(".points-code__countdown")?.textContent).toMatch(/^[45]:\d\d 后自动刷新$/));
  });
});

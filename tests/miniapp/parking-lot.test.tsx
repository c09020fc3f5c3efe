import { cityClock } from "@civic/shared";
import { fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { chartBars, liveLine, rateText } from "../../miniapp/src/packages/parking/format";
import ParkingLotPage from "../../miniapp/src/packages/parking/lot/index";
import { apiError, ok, stubApi } from "./fixtures";
import { freshLive, lotDetail, series, unknownLive } from "./parking-fixtures";
import { shimState } from "./shims/taro";

const byClass = (container: HTMLElement, cls: string) => [...container.querySelectorAll<HTMLElement>(`.${cls}`)];
const text = (container: HTMLElement, cls: string) => container.querySelector(`.${cls}`)?.textContent ?? "";

async function renderLot(detail = lotDetail()) {
  shimState.routerParams = { id: detail.id };
  const sent = stubApi(() => ok(detail));
  const view = render(<ParkingLotPage />);
  await waitFor(() => expect(view.container.querySelector(".lot-detail")).not.toBeNull());
  return { ...view, sent };
}

describe("停车场详情: the lot page", () => {
  it("loads the lot named in the route and shows address, district, type, capacity per class, fees, operator and source", async () => {
    const { container, sent } = await renderLot();
    expect(sent[0]?.path).toBe("/api/v1/parking/lots/lot-many");
    expect(text(container, "lot-name")).toBe("观前街地下停车场");
    expect(text(container, "lot-type")).toBe("地下停车场");
    expect(text(container, "lot-detail-address")).toContain("人民路 100 号");
    expect(text(container, "lot-district")).toContain("姑苏区");
    expect(text(container, "lot-capacity")).toContain("共 200 个 · 无障碍 4 个 · 充电 10 个");
    expect(text(container, "lot-fees")).toContain("白天 5 元/小时");
    expect(text(container, "lot-rate")).toContain("15 分钟内免费 · 首小时 5 元 · 之后每小时 3 元 · 每日最高 40 元");
    expect(text(container, "lot-operator")).toContain("姑苏停车运营公司");
    expect(text(container, "lot-source")).toContain("运营方实时推送 · 许可：CC BY 4.0");
    expect(byClass(container, "toilet-hours-day").map((d) => d.querySelector(".hours-text")?.textContent)).toEqual(Array(7).fill("24小时"));
  });

  it("shows the fresh live line with its age, or 余位未知 with the last report's age when the API says it is not fresh", async () => {
    const fresh = await renderLot(lotDetail({ live: freshLive(23, 200, 3) }));
    expect(text(fresh.container, "lot-live")).toBe("剩余 23 个 · 3 分钟前");
    fresh.unmount();
    const stale = await renderLot(lotDetail({ live: unknownLive(180) }));
    expect(text(stale.container, "lot-live")).toBe("余位未知 · 最后上报 3 小时前");
    expect(stale.container.textContent).not.toMatch(/剩余 \d+ 个/);
  });

  it("draws the last 24 hours as 24 bars, heights from occupancy, hours without data as gaps, every third hour labelled", async () => {
    const { container } = await renderLot(lotDetail({ last24h: series([5, 6]) }));
    const bars = byClass(container, "occupancy-bar");
    expect(bars).toHaveLength(24);
    expect(bars.filter((b) => b.classList.contains("is-gap")).map((b) => bars.indexOf(b))).toEqual([5, 6]);
    expect(bars[5]?.querySelector(".occupancy-bar__fill")).toBeNull();
    expect(bars[20]?.querySelector<HTMLElement>(".occupancy-bar__fill")?.style.height).toBe("50%");
    const labels = byClass(container, "occupancy-hour").map((l) => l.textContent);
    const hours = bars.map((b) => Number(b.dataset.hour));
    expect(hours.at(-1)).toBe(Math.floor(cityClock(new Date()).minutes / 60));
    expect(labels).toEqual(hours.map((h) => (h % 3 === 0 ? String(h) : "")));
  });

  it("says so when there is no history at all, and shows shared-parking windows when the lot has them", async () => {
    const { container } = await renderLot(
      lotDetail({
        last24h: series([...Array(24).keys()]),
        sharedHours: { kind: "weekly", days: Array(7).fill([{ open: "18:00", close: "08:00" }]) },
      }),
    );
    expect(byClass(container, "occupancy-bar")).toHaveLength(0);
    expect(text(container, "occupancy-empty")).toContain("最近 24 小时没有上报数据");
    expect(text(container, "lot-shared-hours")).toContain("18:00–次日08:00");
  });

  it("navigates to the lot's GCJ-02 position", async () => {
    const { container } = await renderLot();
    fireEvent.click(container.querySelector(".navigate-button") as HTMLElement);
    expect(container.querySelector(".navigate-amap")?.getAttribute("href")).toContain("position=120.62,31.3027");
  });

  it("shows a 404 as an error and a missing id without asking", async () => {
    shimState.routerParams = { id: "gone" };
    stubApi(() => apiError(404, "not_found"));
    const { container } = render(<ParkingLotPage />);
    await waitFor(() => expect(container.querySelector(".state-error")).not.toBeNull());
  });
});

describe("parking format helpers", () => {
  const now = new Date("2026-12-01T08:00:00.000Z");
  it("liveLine: fresh counts with their age, unknown never with a number", () => {
    expect(liveLine({ ...freshLive(23, 200), observedAt: "2026-12-01T07:57:00.000Z" }, now)).toBe("剩余 23 个 · 3 分钟前");
    expect(liveLine({ ...unknownLive(0), observedAt: "2026-12-01T05:30:00.000Z" }, now)).toBe("余位未知 · 最后上报 2 小时前");
    expect(liveLine(unknownLive(null), now)).toBe("余位未知");
  });
  it("rateText: the structured tariff in words, nothing without one", () => {
    expect(rateText(null)).toBeNull();
    expect(rateText({ freeMinutes: 0, firstHourYuan: 2.5, perHourYuan: 2, dailyCapYuan: null })).toBe("首小时 2.5 元 · 之后每小时 2 元");
  });
  it("chartBars: hours in the city's time, gaps as null, percent rounded", () => {
    const bars = chartBars([
      { hourStart: "2026-12-01T06:00:00.000Z", meanFree: 10.4, occupancy: 0.876, samples: 3 },
      { hourStart: "2026-12-01T07:00:00.000Z", meanFree: null, occupancy: null, samples: 0 },
    ]);
    expect(bars.map((b) => [b.hour, b.percent])).toEqual([
      [14, 88],
      [15, null],
    ]);
    expect(bars[0]?.title).toBe("14时：占用 88%，平均剩余 10 个");
    expect(bars[1]?.title).toBe("15时：无数据");
  });
});

import { addCityDays, cityClock } from "@civic/shared";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import KpiPage from "../../miniapp/src/packages/moderation/kpis/index";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, type SentRequest, sessionFor, stubApi } from "./fixtures";
import { figures, kpiResponse } from "./moderation-fixtures";

const kpiCalls = (sent: SentRequest[]) => sent.filter((r) => r.path === "/api/v1/moderation/kpis");
const text = (root: ParentNode, cls: string) => root.querySelector(cls)?.textContent;

const FULL = kpiResponse({
  overall: figures({
    cases: 40,
    closed: 30,
    closureRate: 0.75,
    closedOnTime: 27,
    onTimeRate: 0.9,
    medianHoursToClose: 20.5,
    rated: 12,
    satisfactionRate: 11 / 12,
    resolved: 32,
    reopened: 2,
    reopenRate: 0.0625,
  }),
  daily: [
    { date: "2026-11-01", cases: 4, closed: 2 },
    { date: "2026-11-02", cases: 8, closed: 0 },
    { date: "2026-11-03", cases: 0, closed: 6 },
  ],
});

describe("moderation: the KPI dashboard", () => {
  it("needs a login", () => {
    const { container } = render(<KpiPage />);
    expect(container.querySelector(".state-needs-login")).not.toBeNull();
  });

  it("shows the rates as percentages with their counts, and the daily chart", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    const sent = stubApi(() => ok(FULL));
    const { container } = render(<KpiPage />);
    await waitFor(() => expect(container.querySelector(".kpi-closure-rate")).not.toBeNull());
    expect(text(container, ".kpi-cases .kpi-value")).toBe("40");
    expect(text(container, ".kpi-closure-rate .kpi-value")).toBe("75%");
    expect(text(container, ".kpi-closure-rate .kpi-count")).toBe("30 / 40 件");
    expect(text(container, ".kpi-on-time-rate .kpi-value")).toBe("90%");
    expect(text(container, ".kpi-on-time-rate .kpi-count")).toBe("27 / 30 件");
    expect(text(container, ".kpi-median-hours .kpi-value")).toBe("20.5 小时");
    expect(text(container, ".kpi-satisfaction-rate .kpi-value")).toBe("91.7%");
    expect(text(container, ".kpi-satisfaction-rate .kpi-count")).toBe("12 条评价");
    expect(text(container, ".kpi-reopen-rate .kpi-value")).toBe("6.3%");

    const bars = [...container.querySelectorAll(".kpi-chart-daily .daily-bar")] as HTMLElement[];
    expect(bars.map((b) => b.dataset.date)).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
    const heights = (cls: string) => bars.map((b) => (b.querySelector(cls) as HTMLElement).style.height);
    expect(heights(".daily-bar__cases")).toEqual(["50%", "100%", "0%"]);
    expect(heights(".daily-bar__closed")).toEqual(["25%", "0%", "75%"]);

    // The default period is the last 30 city days, not grouped.
    const today = cityClock(new Date()).date;
    const q = kpiCalls(sent)[0]?.query;
    expect([q?.get("from"), q?.get("to"), q?.get("groupBy")]).toEqual([addCityDays(today, -29), today, "none"]);
  });

  it("switches period and grouping, and draws a row of rates per group", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) =>
      req.query.get("groupBy") === "district"
        ? ok(
            kpiResponse({
              ...FULL,
              groupBy: "district",
              groups: [
                { key: "320508", label: "姑苏区", figures: figures({ cases: 10, closed: 5, closureRate: 0.5, satisfactionRate: null }) },
                { key: "320506", label: "吴中区", figures: figures({ cases: 4, closed: 4, closureRate: 1, onTimeRate: 0.25 }) },
                { key: "320571", label: "苏州工业园区", figures: figures({ cases: 2, closed: 0, closureRate: 0 }) },
              ],
            }),
          )
        : ok(FULL),
    );
    const { container } = render(<KpiPage />);
    await waitFor(() => expect(container.querySelector(".kpi-closure-rate")).not.toBeNull());
    const today = cityClock(new Date()).date;

    fireEvent.click(container.querySelector(".period-7d") as HTMLElement);
    await waitFor(() => expect(kpiCalls(sent).at(-1)?.query.get("from")).toBe(addCityDays(today, -6)));
    fireEvent.click(container.querySelector(".period-month") as HTMLElement);
    await waitFor(() => expect(kpiCalls(sent).at(-1)?.query.get("from")).toBe(`${today.slice(0, 8)}01`));

    fireEvent.click(container.querySelector(".period-custom") as HTMLElement);
    fireEvent.change(container.querySelector(".kpi-from") as HTMLElement, { target: { value: "2026-11-31" } });
    fireEvent.click(container.querySelector(".kpi-apply") as HTMLElement);
    expect(await screen.findByText("请按 2026-11-01 的格式填写起止日期")).toBeInTheDocument();
    fireEvent.change(container.querySelector(".kpi-from") as HTMLElement, { target: { value: "2026-10-01" } });
    fireEvent.change(container.querySelector(".kpi-to") as HTMLElement, { target: { value: "2026-10-31" } });
    fireEvent.click(container.querySelector(".kpi-apply") as HTMLElement);
    await waitFor(() => expect(kpiCalls(sent).at(-1)?.query.get("to")).toBe("2026-10-31"));
    expect(kpiCalls(sent).at(-1)?.query.get("from")).toBe("2026-10-01");

    fireEvent.click(container.querySelector(".kpi-group-district") as HTMLElement);
    await waitFor(() => expect(container.querySelectorAll(".kpi-group-row")).toHaveLength(3));
    expect(kpiCalls(sent).at(-1)?.query.get("groupBy")).toBe("district");
    const rows = [...container.querySelectorAll(".kpi-group-row")] as HTMLElement[];
    const gusu = rows[0] as HTMLElement;
    const wuzhong = rows[1] as HTMLElement;
    const barWidth = (row: HTMLElement, cls: string) => (row.querySelector(`${cls} .group-rate__bar`) as HTMLElement).style.width;
    expect(gusu.dataset.key).toBe("320508");
    // Rows are named from the city's one list: the short name where residents and staff use one.
    expect(rows.map((r) => text(r, ".kpi-group-label"))).toEqual(["姑苏区", "吴中区", "工业园区"]);
    expect(text(gusu, ".group-rate--closureRate .group-rate__value")).toBe("50%");
    expect(barWidth(gusu, ".group-rate--closureRate")).toBe("50%");
    expect(text(gusu, ".group-rate--satisfactionRate .group-rate__value")).toBe("—");
    expect(barWidth(wuzhong, ".group-rate--onTimeRate")).toBe("25%");
  });

  it("shows the empty state when the period has no cases, keeping the period controls", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    stubApi(() => ok(kpiResponse()));
    const { container } = render(<KpiPage />);
    expect(await screen.findByText("所选时段没有立案的案件")).toBeInTheDocument();
    expect(container.querySelector(".kpi-closure-rate")).toBeNull();
    expect(container.querySelector(".period-7d")).not.toBeNull();
  });

  it("shows an error with retry", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    let fail = true;
    stubApi(() => (fail ? apiError(500, "internal") : ok(FULL)));
    const { container } = render(<KpiPage />);
    expect(await screen.findByText("服务器开小差了，请稍后再试")).toBeInTheDocument();
    fail = false;
    fireEvent.click(container.querySelector(".retry-button") as HTMLElement);
    await waitFor(() => expect(text(container, ".kpi-closure-rate .kpi-value")).toBe("75%"));
  });
});

import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import KpiPage from "../../miniapp/src/packages/moderation/kpis/index";
import PickupOverviewPage from "../../miniapp/src/packages/pickups-admin/overview/index";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import { kpis, overview } from "./pickups-admin-fixtures";
import Taro from "./shims/taro";

/* 大件收运概况: staff may open it (from the moderation KPIs too); the day per street with overdue highlighted; the KPIs. */

const change = (el: Element | null, value: string) => fireEvent.change(el as HTMLElement, { target: { value } });
const click = (el: Element | null) => fireEvent.click(el as HTMLElement);
const answer = (req: { path: string }) => (req.path.endsWith("/overview") ? ok(overview()) : ok(kpis()));

describe("bureau: 大件收运概况", () => {
  it("is open to a moderator, not to a collector (who is asked nothing of the server)", async () => {
    saveSession(sessionFor(["resident", "collector"]));
    const request = vi.spyOn(Taro, "request");
    const first = render(<PickupOverviewPage />);
    expect(await screen.findByText("此页面仅限城管局工作人员使用")).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
    first.unmount();
    saveSession(sessionFor(["resident", "moderator"]));
    stubApi(answer);
    const { container } = render(<PickupOverviewPage />);
    await waitFor(() => expect(container.querySelectorAll(".overview-street")).toHaveLength(2));
  });

  it("shows the day per street with overdue highlighted and volume against capacity, and the KPIs", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    const sent = stubApi(answer);
    const { container } = render(<PickupOverviewPage />);
    expect(container.querySelector(".state-loading")).not.toBeNull();
    await waitFor(() => expect(container.querySelectorAll(".overview-street")).toHaveLength(2));
    const [pingjiang, canglang] = [...container.querySelectorAll(".overview-street")];
    expect(pingjiang?.className).toContain("has-overdue");
    expect(pingjiang?.querySelector(".overview-overdue")?.className).toContain("is-overdue");
    expect(pingjiang?.querySelector(".overview-overdue")?.textContent).toBe("超时未完成 2");
    expect(pingjiang?.querySelector(".overview-volume")?.textContent).toBe("运力 26 / 40 点");
    expect(canglang?.className).not.toContain("has-overdue");
    expect(container.querySelector(".overview-totals .overview-completed")?.textContent).toBe("已完成 4");
    expect(screen.getByText("有 2 单在当天 18:00 后仍未完成，请督促回收员处理")).toBeInTheDocument();
    await waitFor(() => expect(container.querySelector(".kpi-on-time .kpi-value")?.textContent).toBe("87.5%"));
    expect(container.querySelector(".kpi-no-show .kpi-value")?.textContent).toBe("5%");
    expect(container.querySelector(".kpi-rating .kpi-value")?.textContent).toBe("4.6 分");
    expect(sent.find((r) => r.path === "/api/v1/admin/pickups/overview")?.query.get("district")).toBeNull();
  });

  it("filters by district and date and period; typed dates are checked", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi(answer);
    const { container } = render(<PickupOverviewPage />);
    await waitFor(() => expect(container.querySelector(".overview-table")).not.toBeNull());
    click(container.querySelector(".overview-district.district-gusu"));
    change(container.querySelector(".overview-date"), "2026-12-1");
    click(container.querySelector(".overview-apply"));
    expect(await screen.findByText("请按 2026-12-01 的格式填写日期")).toBeInTheDocument();
    change(container.querySelector(".overview-date"), "2026-11-28");
    click(container.querySelector(".overview-apply"));
    change(container.querySelector(".kpi-from"), "2026-11-01");
    change(container.querySelector(".kpi-to"), "2026-11-30");
    click(container.querySelector(".kpi-apply"));
    await waitFor(() =>
      expect(
        sent
          .filter((r) => r.path.endsWith("/kpis"))
          .at(-1)
          ?.query.get("from"),
      ).toBe("2026-11-01"),
    );
    const day = sent.filter((r) => r.path.endsWith("/overview")).at(-1);
    expect(day?.query.get("date")).toBe("2026-11-28");
    expect(day?.query.get("district")).toBe("320508");
    const k = sent.filter((r) => r.path.endsWith("/kpis")).at(-1);
    expect(k?.query.get("to")).toBe("2026-11-30");
    expect(k?.query.get("district")).toBe("320508");
  });

  it("shows an empty day, a failed day with retry, and KPIs with nothing due", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    let fail = true;
    stubApi((req) => {
      if (req.path.endsWith("/kpis"))
        return ok(kpis({ due: 0, completed: 0, onTimeRate: null, noShowRate: null, averageRating: null, rated: 0 }));
      if (fail) return apiError(500, "internal");
      return ok({ ...overview(), streets: [], totals: overview().totals });
    });
    const { container } = render(<PickupOverviewPage />);
    await waitFor(() => expect(container.querySelector(".state-error")).not.toBeNull());
    fail = false;
    click(container.querySelector(".retry-button"));
    await waitFor(() => expect(container.querySelector(".state-empty")).not.toBeNull());
    expect(container.querySelector(".kpi-on-time .kpi-value")?.textContent).toBe("—");
    expect(container.querySelector(".kpi-rating .kpi-value")?.textContent).toBe("—");
  });

  it("is reached from the moderation KPIs page", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    stubApi(() => apiError(500, "internal"));
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<KpiPage />);
    click(container.querySelector(".kpi-pickups-link"));
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/pickups-admin/overview/index" });
  });
});

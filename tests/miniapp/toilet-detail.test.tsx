import { describeDay, WEEKDAY_NAMES_ZH } from "@civic/shared";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import ToiletDetailPage from "../../miniapp/src/pages/toilets/detail";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, detailOf, feedbackItem, ok, sessionFor, stubApi, TOILETS, WEEKLY_HOURS } from "./fixtures";
import Taro, { shimState } from "./shims/taro";

const byClass = (container: HTMLElement, cls: string) => [...container.querySelectorAll<HTMLElement>(`.${cls}`)];
const click = (container: HTMLElement, cls: string) => fireEvent.click(container.querySelector(`.${cls}`) as HTMLElement);

async function renderDetail(detail = detailOf()) {
  shimState.routerParams = { id: detail.id };
  const sent = stubApi((req) => (req.method === "GET" ? ok(detail) : ok(feedbackItem(), 201)));
  const view = render(<ToiletDetailPage />);
  await waitFor(() => expect(view.container.querySelector(".toilet-detail")).not.toBeNull());
  return { ...view, sent };
}

describe("厕所详情: the toilet detail page", () => {
  it("loads the toilet named in the route and shows its facts", async () => {
    const { container, sent } = await renderDetail();
    expect(sent[0]?.path).toBe(`/api/v1/toilets/${TOILETS[0]?.id}`);
    expect(container.querySelector(".toilet-name")?.textContent).toBe("观前街醋坊桥公厕");
    expect(container.querySelector(".open-badge")?.textContent).toBe("营业中");
    expect(container.querySelector(".toilet-stalls")?.textContent).toContain("12 个");
    expect(container.querySelector(".toilet-unit")?.textContent).toContain("姑苏区环境卫生管理所");
    expect(container.querySelector(".toilet-verified")?.textContent).toContain("2026-09-30");
  });

  it("shows each day's hours, Monday first, in the shared wording (overnight, closed days)", async () => {
    const { container } = await renderDetail();
    const days = byClass(container, "toilet-hours-day");
    expect(days).toHaveLength(7);
    const days_ = WEEKLY_HOURS.kind === "weekly" ? WEEKLY_HOURS.days : [];
    days.forEach((row, i) => {
      expect(row.querySelector(".hours-weekday")?.textContent).toContain(WEEKDAY_NAMES_ZH[i]);
      expect(row.querySelector(".hours-text")?.textContent).toBe(describeDay(days_[i] ?? []));
    });
    expect(days[5]?.textContent).toContain("18:00–次日02:00");
    expect(days[6]?.textContent).toContain("休息");
    expect(byClass(container, "is-today")).toHaveLength(1);
  });

  it("says 24小时 every day for an always-open toilet, and 'unknown' when nobody has checked", async () => {
    const always = await renderDetail(detailOf({ hours: { kind: "always" } }));
    expect(byClass(always.container, "hours-text").map((d) => d.textContent)).toEqual(Array(7).fill("24小时"));
    always.unmount();
    const unknown = await renderDetail(detailOf({ hours: { kind: "unknown" }, openNow: "unknown" }));
    expect(byClass(unknown.container, "toilet-hours-day")).toHaveLength(0);
    expect(unknown.container.querySelector(".toilet-hours-unknown")?.textContent).toContain("开放时间未知");
  });

  it("in H5 导航前往 opens the map apps' links at the toilet's GCJ-02 position, not WeChat's openLocation", async () => {
    const openLocation = vi.spyOn(Taro, "openLocation");
    const { container } = await renderDetail();
    click(container, "navigate-button");
    const links = byClass(container, "navigate-link").filter((a) => a.tagName === "A");
    expect(links.map((a) => a.textContent)).toEqual(["高德地图", "腾讯地图", "百度地图"]);
    expect(links[0]?.getAttribute("href")).toContain("position=120.6207,31.30195");
    expect(openLocation).not.toHaveBeenCalled();
  });

  it("报告问题 sends a signed-out resident to login first", async () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = await renderDetail();
    click(container, "report-button");
    expect(navigate).toHaveBeenCalledWith({ url: "/pages/login/index" });
    expect(container.querySelector(".feedback-form")).toBeNull();
  });

  it("报告问题 posts the kind and note of a signed-in resident's report", async () => {
    saveSession(sessionFor(["resident"]));
    const { container, sent } = await renderDetail();
    click(container, "report-button");
    expect(container.querySelector<HTMLButtonElement>(".feedback-submit")?.disabled).toBe(true);
    click(container, "feedback-kind-closed");
    fireEvent.change(container.querySelector(".feedback-note") as HTMLElement, { target: { value: " 晚上八点就锁门了 " } });
    click(container, "feedback-submit");
    expect(await screen.findByText("已收到您的反馈，我们会尽快核实。")).toBeInTheDocument();
    const post = sent.find((r) => r.method === "POST");
    expect(post?.path).toBe(`/api/v1/toilets/${TOILETS[0]?.id}/feedback`);
    expect(post?.body).toEqual({ kind: "closed", note: "晚上八点就锁门了" });
    expect(post?.header.Authorization).toBe("Bearer token-resident");
  });

  it("shows the error state for a toilet that does not exist", async () => {
    shimState.routerParams = { id: "nope" };
    stubApi(() => apiError(404, "not_found"));
    render(<ToiletDetailPage />);
    expect(await screen.findByText("没有找到相关内容")).toBeInTheDocument();
  });

  it("shows an error without a request when the route has no id", async () => {
    const request = vi.spyOn(Taro, "request");
    render(<ToiletDetailPage />);
    expect(await screen.findByText("缺少厕所编号，请从列表重新进入")).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });
});

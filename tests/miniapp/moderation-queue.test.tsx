import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import ModerationQueuePage from "../../miniapp/src/packages/moderation/queue/index";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, type SentRequest, sessionFor, stubApi } from "./fixtures";
import { CASE_ID, categories, queueItem } from "./moderation-fixtures";
import Taro, { shimState } from "./shims/taro";

const queueCalls = (sent: SentRequest[]) => sent.filter((r) => r.path === "/api/v1/moderation/reports");
const lastQueueQuery = (sent: SentRequest[]) => queueCalls(sent).at(-1)?.query;

function stubQueue(pages: (query: URLSearchParams) => { reports: unknown[]; total: number }) {
  return stubApi((req) => {
    if (req.path === "/api/v1/report-categories") return ok(categories());
    if (req.path === "/api/v1/moderation/reports") return ok(pages(req.query));
    return apiError(404, "not_found");
  });
}

describe("moderation: the case queue", () => {
  it("needs a login", () => {
    const { container } = render(<ModerationQueuePage />);
    expect(container.querySelector(".state-needs-login")).not.toBeNull();
  });

  it("tells a resident it is for bureau staff, without asking the server", async () => {
    saveSession(sessionFor(["resident"]));
    const request = vi.spyOn(Taro, "request");
    const { container } = render(<ModerationQueuePage />);
    expect(await screen.findByText("此页面仅限城管局工作人员（管理员）使用")).toBeInTheDocument();
    expect(container.querySelector(".retry-button")).toBeNull();
    expect(request).not.toHaveBeenCalled();
  });

  it("shows the 403 message when the server refuses", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    stubApi((req) => (req.path === "/api/v1/report-categories" ? ok(categories()) : apiError(403, "forbidden")));
    render(<ModerationQueuePage />);
    expect(await screen.findByText("此页面仅限城管局工作人员（管理员）使用")).toBeInTheDocument();
  });

  it("lists cases with held and overdue badges, SLA and followers, and opens one", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    const sent = stubQueue(() => ({
      reports: [
        queueItem({
          id: "c-1",
          overdue: true,
          status: "dispatched",
          slaDueAt: "2026-11-21T02:30:00.000Z",
          followers: 3,
          thumbnailUrl: "/api/v1/uploads/u/content?sig=1",
        }),
        queueItem({ id: "c-2", held: true }),
      ],
      total: 2,
    }));
    const { container } = render(<ModerationQueuePage />);
    await waitFor(() => expect(container.querySelectorAll(".queue-item")).toHaveLength(2));
    const [first, second] = [...container.querySelectorAll(".queue-item")] as HTMLElement[];
    expect(first?.dataset.id).toBe("c-1");
    expect(first?.querySelector(".badge-overdue")?.textContent).toBe("已超期");
    expect(first?.querySelector(".badge-held")).toBeNull();
    expect(first?.querySelector(".queue-sla")?.textContent).toBe("时限 2026-11-21 10:30");
    expect(first?.querySelector(".queue-followers")?.textContent).toBe("3人同样反映");
    expect(first?.querySelector(".queue-status")?.textContent).toBe("处置中");
    expect(first?.querySelector("img.queue-thumb")?.getAttribute("src")).toBe("/api/v1/uploads/u/content?sig=1");
    expect(second?.querySelector(".badge-held")?.textContent).toBe("待人工复核");
    expect(second?.querySelector(".badge-overdue")).toBeNull();
    // The default query asks for everything that needs the bureau, first page.
    const q = lastQueueQuery(sent);
    expect(q?.get("status")).toBeNull();
    expect(q?.get("held")).toBeNull();
    expect(q?.get("offset")).toBe("0");

    const navigate = vi.spyOn(Taro, "navigateTo");
    fireEvent.click(second as HTMLElement);
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/moderation/report/index?id=c-2" });
  });

  it("sends each filter as a query parameter", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubQueue(() => ({ reports: [queueItem()], total: 1 }));
    const { container } = render(<ModerationQueuePage />);
    await waitFor(() => expect(container.querySelector(".queue-item")).not.toBeNull());
    const click = (cls: string) => fireEvent.click(container.querySelector(cls) as HTMLElement);

    // The panel is folded to one line until tapped.
    expect(container.querySelector(".queue-filter-held")).toBeNull();
    expect(container.querySelector(".queue-filters__summary")?.textContent).toContain("筛选：全部待办 · 全部分类 · 全市");
    click(".queue-filters__summary");
    click(".queue-filter-held");
    await waitFor(() => expect(lastQueueQuery(sent)?.get("held")).toBe("true"));
    click(".queue-filter-overdue");
    await waitFor(() => expect(lastQueueQuery(sent)?.get("overdue")).toBe("true"));
    click(".status-chip-dispatched");
    await waitFor(() => expect(lastQueueQuery(sent)?.get("status")).toBe("dispatched"));
    click(".queue-district-yuanqu");
    // The filter sends the district's code from the city's one list.
    await waitFor(() => expect(lastQueueQuery(sent)?.get("district")).toBe("320571"));
    click(".queue-filter-category");
    await waitFor(() => expect(container.querySelector(".category-option-street_light")).not.toBeNull());
    click(".category-option-street_light");
    await waitFor(() => expect(lastQueueQuery(sent)?.get("category")).toBe("street_light"));
    const q = lastQueueQuery(sent);
    expect([q?.get("held"), q?.get("overdue"), q?.get("status"), q?.get("district")]).toEqual(["true", "true", "dispatched", "320571"]);

    click(".queue-filter-held");
    await waitFor(() => expect(lastQueueQuery(sent)?.get("held")).toBeNull());
    expect(container.querySelector(".queue-filter-held")?.classList.contains("is-active")).toBe(false);
  });

  it("loads the next page by offset, and pull to refresh starts again", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    const all = [queueItem({ id: "c-1" }), queueItem({ id: "c-2" }), queueItem({ id: CASE_ID })];
    const sent = stubQueue((q) => {
      const offset = Number(q.get("offset"));
      return { reports: offset === 0 ? all.slice(0, 2) : all.slice(offset), total: 3 };
    });
    const { container } = render(<ModerationQueuePage />);
    await waitFor(() => expect(container.querySelectorAll(".queue-item")).toHaveLength(2));
    expect(container.querySelector(".queue-total")?.textContent).toBe("共 3 件");
    fireEvent.click(container.querySelector(".queue-load-more") as HTMLElement);
    await waitFor(() => expect(container.querySelectorAll(".queue-item")).toHaveLength(3));
    expect(lastQueueQuery(sent)?.get("offset")).toBe("2");
    expect(container.querySelector(".queue-load-more")).toBeNull();

    const before = queueCalls(sent).length;
    act(() => shimState.pullDownRefresh?.());
    await waitFor(() => expect(container.querySelectorAll(".queue-item")).toHaveLength(2));
    expect(queueCalls(sent).length).toBe(before + 1);
    expect(lastQueueQuery(sent)?.get("offset")).toBe("0");
  });

  it("marks street-vending reports filed in or near an open vending zone, and filters by each", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    const sent = stubQueue(() => ({
      reports: [
        queueItem({ id: "v-1", categoryCode: "street_vending", categoryName: "占道经营", vendingZone: "within_open_zone" }),
        queueItem({ id: "v-2", categoryCode: "street_vending", categoryName: "占道经营", vendingZone: "near_open_zone" }),
        queueItem({ id: "v-3" }),
      ],
      total: 3,
    }));
    const { container } = render(<ModerationQueuePage />);
    await waitFor(() => expect(container.querySelectorAll(".queue-item")).toHaveLength(3));
    const [within, near, plain] = [...container.querySelectorAll(".queue-item")] as HTMLElement[];
    expect(within?.querySelector(".queue-vending")?.textContent).toBe("在营业摊区内");
    expect(near?.querySelector(".queue-vending--near_open_zone")?.textContent).toBe("临近营业摊区");
    expect(plain?.querySelector(".queue-vending")).toBeNull();

    const click = (cls: string) => fireEvent.click(container.querySelector(cls) as HTMLElement);
    click(".queue-filters__summary");
    click(".queue-filter-vending-within");
    await waitFor(() => expect(lastQueueQuery(sent)?.get("vendingZone")).toBe("within"));
    expect(container.querySelector(".queue-filters__summary")?.textContent).toContain("摊区内");
    click(".queue-filter-vending-near");
    await waitFor(() => expect(lastQueueQuery(sent)?.get("vendingZone")).toBe("near"));
    expect(container.querySelector(".queue-filter-vending-within")?.classList.contains("is-active")).toBe(false);
    click(".queue-filter-vending-near");
    await waitFor(() => expect(lastQueueQuery(sent)?.get("vendingZone")).toBeNull());
  });

  it("shows the empty state", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    stubQueue(() => ({ reports: [], total: 0 }));
    const { container } = render(<ModerationQueuePage />);
    expect(await screen.findByText("没有符合条件的案件")).toBeInTheDocument();
    expect(container.querySelector(".queue-filters")).not.toBeNull();
  });
});

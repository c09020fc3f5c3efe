import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import InboxPage from "../../miniapp/src/pages/inbox/index";
import HomePage from "../../miniapp/src/pages/index/index";
import MePage from "../../miniapp/src/pages/me/index";
import PublicReportsMapPage from "../../miniapp/src/pages/reports/map";
import MyReportsPage from "../../miniapp/src/pages/reports/mine";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, sessionFor, stubApi, userWith } from "./fixtures";
import { $, $$, inboxBody, publicBody, REPORT_ID, summaryOf, tap, waitForSelector } from "./report-fixtures";
import Taro from "./shims/taro";

describe("我的上报", () => {
  it("lists my reports and the ones I follow with status, category, time and thumbnail; a tap opens the detail", async () => {
    saveSession(sessionFor(["resident"]));
    const navigate = vi.spyOn(Taro, "navigateTo");
    const sent = stubApi(() =>
      ok({
        reports: [
          summaryOf(),
          summaryOf({ id: "r-2", status: "resolved", relation: "follower", categoryName: "占道经营", thumbnailUrl: null }),
        ],
      }),
    );
    const { container } = render(<MyReportsPage />);
    await waitForSelector(container, ".report-item");
    expect(sent[0]?.path).toBe("/api/v1/reports/mine");
    expect(sent[0]?.header.Authorization).toBe("Bearer token-resident");
    const items = $$(container, ".report-item");
    expect(items.map((i) => $(i, ".status-badge")?.textContent)).toEqual(["已立案", "已处理"]);
    expect(items.map((i) => $(i, ".report-relation")?.textContent)).toEqual(["我反映的", "我关注的"]);
    expect(items.map((i) => $(i, ".report-category")?.textContent)).toEqual(["乱贴小广告", "占道经营"]);
    // An old case without a number is named by a short id.
    expect($(items[0] as HTMLElement, ".report-time")?.textContent).toBe("2026-11-20 10:30 · #0000r001");
    expect($(items[0] as HTMLElement, ".report-thumb")?.getAttribute("src")).toBe("/api/v1/uploads/p1/content?exp=1&sig=a");
    expect($(items[1] as HTMLElement, ".report-thumb")).toBeNull();
    tap(container, `.report-item[data-id="${REPORT_ID}"]`);
    expect(navigate).toHaveBeenCalledWith({ url: `/pages/reports/detail?id=${REPORT_ID}` });
  });

  it("offers 随手拍 when there are none yet", async () => {
    saveSession(sessionFor(["resident"]));
    const navigate = vi.spyOn(Taro, "navigateTo");
    stubApi(() => ok({ reports: [] }));
    const { container } = render(<MyReportsPage />);
    await waitForSelector(container, ".state-empty");
    tap(container, ".new-report-button");
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/reports/new/index" });
  });

  it("shows the server's error in Chinese with a retry", async () => {
    saveSession(sessionFor(["resident"]));
    stubApi(() => apiError(500, "internal"));
    const { container } = render(<MyReportsPage />);
    expect(await screen.findByText("服务器开小差了，请稍后再试")).toBeInTheDocument();
    expect($(container, ".retry-button")).not.toBeNull();
  });

  it("asks a signed-out visitor to log in without calling the API", () => {
    const request = vi.spyOn(Taro, "request");
    const { container } = render(<MyReportsPage />);
    expect($(container, ".state-needs-login")).not.toBeNull();
    expect(request).not.toHaveBeenCalled();
  });
});

describe("消息 (inbox)", () => {
  it("lists the messages, and a tap marks an unread one read and opens its report", async () => {
    saveSession(sessionFor(["resident"]));
    const navigate = vi.spyOn(Taro, "navigateTo");
    const sent = stubApi((req) => (req.method === "GET" ? ok(inboxBody()) : { statusCode: 204, data: "" }));
    const { container } = render(<InboxPage />);
    await waitForSelector(container, ".inbox-item");
    expect($$(container, ".inbox-title").map((t) => t.textContent)).toEqual(["您的上报已立案", "欢迎使用随手拍"]);
    expect($$(container, ".inbox-item.is-unread")).toHaveLength(1);
    expect($(container, ".page-subtitle")?.textContent).toBe("1 条未读");

    tap(container, '.inbox-item[data-id="m1"]');
    await waitFor(() => expect(sent.filter((r) => r.method === "POST").map((r) => r.path)).toEqual(["/api/v1/inbox/m1/read"]));
    expect(navigate).toHaveBeenCalledWith({ url: `/pages/reports/detail?id=${REPORT_ID}` });
    expect($$(container, ".inbox-item.is-unread")).toHaveLength(0);

    navigate.mockClear();
    tap(container, '.inbox-item[data-id="m2"]');
    expect(navigate).not.toHaveBeenCalled();
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("says so when there are no messages", async () => {
    saveSession(sessionFor(["resident"]));
    stubApi(() => ok({ messages: [], unread: 0 }));
    const { container } = render(<InboxPage />);
    await waitForSelector(container, ".state-empty");
  });
});

describe("我的: report entries", () => {
  const meApi = (roles: Parameters<typeof userWith>[0]) =>
    stubApi((req) => (req.path === "/api/v1/inbox" ? ok({ ...inboxBody(), unread: 3 }) : ok(userWith(roles))));

  it("opens 我的上报 and 消息 (with the unread count) for a resident, without the moderation entry", async () => {
    saveSession(sessionFor(["resident"]));
    meApi(["resident"]);
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<MePage />);
    await waitFor(() => expect($(container, ".unread-count")?.textContent).toBe("3"));
    expect($(container, ".moderation-entry")).toBeNull();
    tap(container, ".my-reports-entry");
    tap(container, ".inbox-entry");
    expect(navigate.mock.calls.map((c) => c[0])).toEqual([{ url: "/pages/reports/mine" }, { url: "/pages/inbox/index" }]);
  });

  it("gives moderators and admins the moderation queue", async () => {
    for (const role of ["moderator", "admin"] as const) {
      saveSession(sessionFor([role]));
      meApi([role]);
      const navigate = vi.spyOn(Taro, "navigateTo");
      const { container, unmount } = render(<MePage />);
      await waitForSelector(container, ".moderation-entry");
      tap(container, ".moderation-entry");
      expect(navigate).toHaveBeenCalledWith({ url: "/packages/moderation/queue/index" });
      unmount();
      vi.restoreAllMocks();
    }
  });
});

describe("身边的上报 (public reports near me)", () => {
  it("loads accepted reports around a district centre, on the offline map and as a list", async () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    const sent = stubApi(() => ok(publicBody()));
    const { container } = render(<PublicReportsMapPage />);
    tap(container, ".district-gusu");
    await waitForSelector(container, ".public-report-item");
    expect(Object.fromEntries(sent[0]?.query ?? [])).toMatchObject({ lat: "31.301700", lng: "120.620000", radius: "1000" });
    expect($(container, ".report-map.offline-map")).not.toBeNull();
    expect($$(container, ".report-map .map-marker")).toHaveLength(1);
    // accepted and in hand: blue, as its status badge
    expect($(container, ".report-map .map-marker")?.className).toContain("map-marker--blue");
    expect($(container, ".public-report-item .status-badge")?.textContent).toBe("处置中");
    tap(container, ".report-map .map-marker");
    expect(navigate).toHaveBeenCalledWith({ url: `/pages/reports/detail?id=${REPORT_ID}` });
  });

  it("says so when nothing is reported nearby", async () => {
    stubApi(() => ok({ reports: [] }));
    const { container } = render(<PublicReportsMapPage />);
    tap(container, ".district-wuzhong");
    await waitForSelector(container, ".state-empty");
  });
});

describe("首页: 随手拍 entries", () => {
  it("opens the report wizard from the 随手拍 tile (no longer 即将上线) and 身边的上报 from its entry", () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<HomePage />);
    const tile = $(container, ".service-report") as HTMLElement;
    expect(tile.className).not.toContain("is-disabled");
    expect($(tile, ".coming-soon")).toBeNull();
    tap(container, ".service-report");
    tap(container, ".reports-map-entry");
    expect(navigate.mock.calls.map((c) => c[0])).toEqual([{ url: "/packages/reports/new/index" }, { url: "/pages/reports/map" }]);
  });
});

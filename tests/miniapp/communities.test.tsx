import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import CommunityPage from "../../miniapp/src/packages/communities/community/index";
import MyCommunityPage from "../../miniapp/src/packages/communities/mine/index";
import CommunityRankingPage from "../../miniapp/src/packages/communities/ranking/index";
import { saveSession } from "../../miniapp/src/services/session";
import { detail, mine, ranking } from "./community-fixtures";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import { shimState } from "./shims/taro";

/* 星级小区 for residents: my community and its stars, choosing one, the ranking, a community's trend. */

const click = (el: Element | null) => fireEvent.click(el as HTMLElement);

describe("resident: 我的小区", () => {
  it("asks to sign in first", () => {
    render(<MyCommunityPage />);
    expect(screen.getByText("登录后登记您家所在的小区")).toBeInTheDocument();
  });

  it("shows my community's stars and latest figures, and when a change is allowed", async () => {
    saveSession(sessionFor());
    stubApi(() => ok(mine({ nextChangeAt: "2026-12-20T02:00:00.000Z" })));
    const { container } = render(<MyCommunityPage />);
    expect(container.querySelector(".state-loading")).not.toBeNull();
    expect(await screen.findByText("狮山花园")).toBeInTheDocument();
    expect(container.querySelector(".community-registered .stars__label")?.textContent).toBe("4 星");
    expect(container.querySelector(".figure-participation")?.textContent).toBe("参与率 75%");
    expect(container.querySelector(".community-change-hint")?.textContent).toContain("2026-12-20");
    expect(container.querySelector(".community-change")).toBeNull();
  });

  it("lets a household without a community choose one by district, street and name", async () => {
    saveSession(sessionFor());
    const sent = stubApi((req) => {
      if (req.path === "/api/v1/communities/mine" && req.method === "PUT") return ok(mine());
      if (req.path === "/api/v1/communities/mine") return ok(mine({ community: null, joinedAt: null }));
      return ok({ communities: [{ id: "c-1", name: "狮山花园", district: "虎丘区", street: "狮山街道", latestStars: null }] });
    });
    const { container } = render(<MyCommunityPage />);
    await waitFor(() => expect(container.querySelectorAll(".community-option")).toHaveLength(1));
    click(container.querySelectorAll(".place-district")[1] ?? null);
    await waitFor(() => expect(container.querySelector(".place-picker__streets")).not.toBeNull());
    fireEvent.input(container.querySelector(".community-search__input") as HTMLElement, { target: { value: "狮山" } });
    click(container.querySelector(".community-search__go"));
    await waitFor(() =>
      expect(sent.some((r) => r.path === "/api/v1/communities" && r.query.get("district") && r.query.get("q") === "狮山")).toBe(true),
    );
    await waitFor(() => expect(container.querySelectorAll(".community-option")).toHaveLength(1));
    click(container.querySelector(".community-choose"));
    await waitFor(() => expect(container.querySelector(".community-registered")).not.toBeNull());
    expect(sent.find((r) => r.method === "PUT")?.body).toEqual({ communityId: "c-1" });
  });

  it("explains a change refused within 30 days, and shows a failed load with retry", async () => {
    saveSession(sessionFor());
    stubApi((req) => {
      if (req.method === "PUT")
        return { statusCode: 409, data: { error: { code: "conflict", message: "x", details: { reason: "change_too_soon" } } } };
      if (req.path === "/api/v1/communities/mine") return ok(mine({ community: null, joinedAt: null }));
      return ok({ communities: [{ id: "c-9", name: "枫桥人家", district: "虎丘区", street: "枫桥街道", latestStars: null }] });
    });
    const { container } = render(<MyCommunityPage />);
    await waitFor(() => expect(container.querySelector(".community-choose")).not.toBeNull());
    click(container.querySelector(".community-choose"));
    expect(await screen.findByText("每 30 天只能更换一次小区，请稍后再试")).toBeInTheDocument();

    stubApi(() => apiError(500, "internal"));
    const failed = render(<MyCommunityPage />);
    await waitFor(() => expect(failed.container.querySelector(".state-error")).not.toBeNull());
  });
});

describe("public: 星级小区排行", () => {
  it("lists the month's ranking with stars and switches month and street scope", async () => {
    const sent = stubApi(() => ok(ranking()));
    const { container } = render(<CommunityRankingPage />);
    await waitFor(() => expect(container.querySelectorAll(".ranking-entry")).toHaveLength(2));
    expect(container.querySelector(".ranking-entry .ranking-entry__rank")?.textContent).toBe("1");
    expect(container.querySelector(".ranking-entry .stars__label")?.textContent).toBe("5 星");
    click(container.querySelectorAll(".ranking-month")[1] ?? null);
    await waitFor(() => expect(sent.at(-1)?.query.get("month")).toBe("2026-10"));
    click(container.querySelector(".tab-street"));
    click(container.querySelectorAll(".place-district")[1] ?? null);
    await waitFor(() => expect(container.querySelector(".place-picker__streets")).not.toBeNull());
    click(container.querySelectorAll(".place-street")[1] ?? null);
    await waitFor(() => expect(sent.at(-1)?.query.get("street")).toBeTruthy());
  });

  it("says so when nothing is published yet", async () => {
    stubApi(() => ok({ month: null, publishedMonths: [], entries: [] }));
    render(<CommunityRankingPage />);
    expect(await screen.findByText("还没有公布的月度评星")).toBeInTheDocument();
  });
});

describe("public: a community's page", () => {
  it("draws the trend as bars, shows the latest figures and bin rooms", async () => {
    shimState.routerParams = { id: "c-1" };
    stubApi(() => ok(detail()));
    const { container } = render(<CommunityPage />);
    await waitFor(() => expect(container.querySelectorAll(".trend-bar")).toHaveLength(3));
    expect((container.querySelector(".trend-bar:last-child .trend-bar__fill") as HTMLElement).style.height).toBe("82.5%");
    expect(container.querySelector(".figure-score")?.textContent).toBe("综合得分 82.5");
    expect(screen.getByText("1号投放点")).toBeInTheDocument();
  });

  it("shows a community without published months, and a retired one as an error", async () => {
    shimState.routerParams = { id: "c-1" };
    stubApi(() => ok(detail({ trend: [], latestStars: null })));
    const first = render(<CommunityPage />);
    expect(await screen.findByText("还没有已公布的月度评星")).toBeInTheDocument();
    first.unmount();
    stubApi(() => apiError(404, "not_found"));
    const { container } = render(<CommunityPage />);
    await waitFor(() => expect(container.querySelector(".state-error")).not.toBeNull());
  });
});

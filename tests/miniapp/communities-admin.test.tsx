import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import AdminCommunitiesPage from "../../miniapp/src/packages/communities-admin/communities/index";
import CommunityMonthPage from "../../miniapp/src/packages/communities-admin/month/index";
import { saveSession } from "../../miniapp/src/services/session";
import { adminCommunity, monthDraft } from "./community-fixtures";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import Taro from "./shims/taro";

/* The bureau's 星级小区: communities with bin rooms' QR paths and volunteers; inspections, the month's draft, publication. */

const click = (el: Element | null) => fireEvent.click(el as HTMLElement);
const listRow = {
  id: "c-1",
  name: "狮山花园",
  district: "虎丘区",
  street: "狮山街道",
  lat: 31.3,
  lng: 120.55,
  active: true,
  version: 3,
  households: 15,
};

describe("admin: 小区与投放点", () => {
  it("is refused to a resident without asking the server", async () => {
    saveSession(sessionFor(["resident"]));
    const request = vi.spyOn(Taro, "request");
    render(<AdminCommunitiesPage />);
    expect(await screen.findByText("此页面仅限系统管理员使用")).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it("lists communities and opens one with its bin rooms' QR paths and volunteers; adds a bin room", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) => {
      if (req.path === "/api/v1/admin/communities")
        return ok({ communities: [listRow, { ...listRow, id: "c-2", name: "旧小区", active: false }] });
      if (req.path.endsWith("/bin-rooms")) return ok(adminCommunity().binRooms[0], 201);
      return ok(adminCommunity());
    });
    const { container } = render(<AdminCommunitiesPage />);
    await waitFor(() => expect(container.querySelectorAll(".admin-community-row")).toHaveLength(2));
    expect(container.querySelectorAll(".admin-community-row.is-retired")).toHaveLength(1);
    click(container.querySelector(".admin-community-row"));
    await waitFor(() => expect(container.querySelector(".community-panel")).not.toBeNull());
    expect(container.querySelector(".bin-room-qr")?.textContent).toBe("packages/volunteer/check/index?room=ABCDEFGHJK");
    expect(screen.getByText("小蜜蜂志愿者王阿姨")).toBeInTheDocument();
    fireEvent.input(container.querySelector(".bin-room-name") as HTMLElement, { target: { value: "北门投放点" } });
    click(container.querySelector(".bin-room-add"));
    await waitFor(() => expect(sent.find((r) => r.path.endsWith("/bin-rooms"))?.body).toEqual({ name: "北门投放点" }));
  });

  it("says when another admin changed the community first, and shows an empty list", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    stubApi((req) => {
      if (req.path === "/api/v1/admin/communities") return ok({ communities: [listRow] });
      if (req.method === "PATCH")
        return { statusCode: 409, data: { error: { code: "conflict", message: "x", details: { reason: "stale_version" } } } };
      return ok(adminCommunity());
    });
    const { container } = render(<AdminCommunitiesPage />);
    await waitFor(() => expect(container.querySelector(".admin-community-row")).not.toBeNull());
    click(container.querySelector(".admin-community-row"));
    await waitFor(() => expect(container.querySelector(".community-rename")).not.toBeNull());
    click(container.querySelector(".community-rename"));
    expect(await screen.findByText("该小区已被其他管理员修改，请重新打开后再试")).toBeInTheDocument();

    stubApi(() => ok({ communities: [] }));
    render(<AdminCommunitiesPage />);
    expect(await screen.findByText("还没有小区，请在下方添加")).toBeInTheDocument();
  });
});

describe("admin: 星级小区月度评定", () => {
  it("shows each community's figures or why it cannot be rated, saves an inspection and publishes", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) => {
      if (req.method === "PUT")
        return ok({ communityId: "c-2", month: "2026-11", score: 70, note: null, updatedAt: "2026-12-01T02:00:00.000Z" });
      if (req.method === "POST") return ok(monthDraft({ publishedAt: "2026-12-01T02:00:00.000Z" }));
      return ok(monthDraft());
    });
    const { container } = render(<CommunityMonthPage />);
    expect(container.querySelector(".state-loading")).not.toBeNull();
    await waitFor(() => expect(container.querySelectorAll(".month-row")).toHaveLength(2));
    expect(container.querySelector(".month-row__stars")?.textContent).toBe("得分 82.5 · 4 星");
    expect(screen.getByText("本月尚无城管局检查评分")).toBeInTheDocument();
    const second = container.querySelectorAll(".month-row")[1]!;
    fireEvent.input(second.querySelector(".inspection-score") as HTMLElement, { target: { value: "101" } });
    click(second.querySelector(".inspection-save"));
    expect(await screen.findByText("请填写 0–100 的整数")).toBeInTheDocument();
    fireEvent.input(second.querySelector(".inspection-score") as HTMLElement, { target: { value: "70" } });
    click(second.querySelector(".inspection-save"));
    await waitFor(() => expect(sent.find((r) => r.method === "PUT")?.body).toEqual({ score: 70 }));
    click(container.querySelector(".month-publish-button"));
    expect(await screen.findByText(/数据已冻结/)).toBeInTheDocument();
    expect(container.querySelector(".month-publish-button")).toBeNull();
  });

  it("shows a failed load with retry, and a refusal for a moderator", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    stubApi(() => apiError(500, "internal"));
    const { container } = render(<CommunityMonthPage />);
    await waitFor(() => expect(container.querySelector(".state-error")).not.toBeNull());
    saveSession(sessionFor(["resident", "moderator"]));
    render(<CommunityMonthPage />);
    expect(await screen.findAllByText("此页面仅限系统管理员使用")).not.toHaveLength(0);
  });
});

import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import AdminHomePage from "../../miniapp/src/packages/admin/home/index";
import AdminUsersPage from "../../miniapp/src/packages/admin/users/index";
import { saveSession } from "../../miniapp/src/services/session";
import { adminUser, auditEntry } from "./admin-fixtures";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import Taro from "./shims/taro";

describe("admin console: home and users", () => {
  it("the home menu opens each console page; a moderator is turned away", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container, unmount } = render(<AdminHomePage />);
    expect(container.querySelectorAll(".admin-menu__item")).toHaveLength(24);
    fireEvent.click(container.querySelector(".admin-menu-audit") as HTMLElement);
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/admin/audit/index" });
    fireEvent.click(container.querySelector(".admin-menu-pickup-slots") as HTMLElement);
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/pickups-admin/slots/index" });
    fireEvent.click(container.querySelector(".admin-menu-guide-suggestions") as HTMLElement);
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/guide-admin/suggestions/index" });
    unmount();
    saveSession(sessionFor(["resident", "moderator"]));
    render(<AdminHomePage />);
    expect(await screen.findByText("此页面仅限系统管理员使用")).toBeInTheDocument();
  });

  it("needs a login, and asks nothing of the server for a non-admin", async () => {
    const first = render(<AdminUsersPage />);
    expect(first.container.querySelector(".state-needs-login")).not.toBeNull();
    first.unmount();
    saveSession(sessionFor(["resident", "moderator"]));
    const request = vi.spyOn(Taro, "request");
    render(<AdminUsersPage />);
    expect(await screen.findByText("此页面仅限系统管理员使用")).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it("shows loading, then the empty state for a search that finds nobody", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) => ok({ users: req.query.get("q") ? [] : [adminUser()] }));
    const { container } = render(<AdminUsersPage />);
    expect(container.querySelector(".state-loading")).not.toBeNull();
    await waitFor(() => expect(container.querySelectorAll(".user-row")).toHaveLength(1));
    fireEvent.change(container.querySelector(".user-search-input") as HTMLElement, { target: { value: "nobody" } });
    fireEvent.click(container.querySelector(".user-search-button") as HTMLElement);
    expect(await screen.findByText("没有找到用户")).toBeInTheDocument();
    expect(sent.at(-1)?.query.get("q")).toBe("nobody");
  });

  it("shows a failed search with a retry", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    let fail = true;
    stubApi(() => (fail ? apiError(500, "internal") : ok({ users: [adminUser()] })));
    const { container } = render(<AdminUsersPage />);
    await waitFor(() => expect(container.querySelector(".state-error")).not.toBeNull());
    fail = false;
    fireEvent.click(container.querySelector(".retry-button") as HTMLElement);
    await waitFor(() => expect(container.querySelectorAll(".user-row")).toHaveLength(1));
  });

  it("grants a role with a note and shows it in the user's audit trail", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    let granted = false;
    const sent = stubApi((req) => {
      if (req.path === "/api/v1/admin/users") return ok({ users: [adminUser()] });
      if (req.path === "/api/v1/admin/audit") return ok({ entries: granted ? [auditEntry()] : [], nextCursor: null });
      granted = true;
      return ok(adminUser({ roles: ["resident", "collector"] }));
    });
    const { container } = render(<AdminUsersPage />);
    await waitFor(() => expect(container.querySelector(".user-row")).not.toBeNull());
    fireEvent.click(container.querySelector(".user-row") as HTMLElement);
    expect(await screen.findByText("还没有操作记录")).toBeInTheDocument();
    fireEvent.click(container.querySelector(".grant-role-collector") as HTMLElement);
    fireEvent.change(container.querySelector(".grant-note") as HTMLElement, { target: { value: "姑苏区回收队" } });
    fireEvent.click(container.querySelector(".grant-button") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".audit-action-role-grant")).not.toBeNull());
    const post = sent.find((r) => r.method === "POST");
    expect(post?.path).toBe("/api/v1/admin/users/0190a1b2-0000-7000-8000-0000000000b0/roles");
    expect(post?.body).toEqual({ role: "collector", note: "姑苏区回收队" });
    expect(container.querySelector(".role-line-collector")).not.toBeNull();
    const trail = sent.filter((r) => r.path === "/api/v1/admin/audit").at(-1);
    expect(trail?.query.get("targetType")).toBe("user");
    expect(trail?.query.get("targetId")).toBe("0190a1b2-0000-7000-8000-0000000000b0");
    expect(container.querySelector(".audit-entry__action")?.textContent).toBe("授予角色");
  });

  it("revokes a role only after confirmation, and shows the server's refusal", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) => {
      if (req.path === "/api/v1/admin/users") return ok({ users: [adminUser({ roles: ["resident", "admin"] })] });
      if (req.path === "/api/v1/admin/audit") return ok({ entries: [], nextCursor: null });
      return apiError(409, "conflict", "an admin cannot revoke their own admin role");
    });
    const modal = vi.spyOn(Taro, "showModal").mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: "showModal:ok" });
    const { container } = render(<AdminUsersPage />);
    await waitFor(() => expect(container.querySelector(".user-row")).not.toBeNull());
    fireEvent.click(container.querySelector(".user-row") as HTMLElement);
    fireEvent.click((await waitFor(() => container.querySelector(".role-line-admin .role-revoke"))) as HTMLElement);
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(sent.some((r) => r.method === "DELETE")).toBe(false);
    fireEvent.click(container.querySelector(".role-line-admin .role-revoke") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".user-panel__error")).not.toBeNull());
    expect(sent.find((r) => r.method === "DELETE")?.path).toBe("/api/v1/admin/users/0190a1b2-0000-7000-8000-0000000000b0/roles/admin");
  });
});

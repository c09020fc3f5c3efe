import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import HomePage from "../../miniapp/src/pages/index/index";
import MePage from "../../miniapp/src/pages/me/index";
import { getSession, saveSession } from "../../miniapp/src/services/session";
import { ok, sessionFor, stubApi, userWith } from "./fixtures";
import Taro from "./shims/taro";

const page = (container: HTMLElement) => container.querySelector(".page") as HTMLElement;

describe("我的 and the large-text switch (适老化)", () => {
  it("asks a signed-out user to log in, but still offers large text", () => {
    const { container } = render(<MePage />);
    expect(container.querySelector(".state-needs-login")).not.toBeNull();
    expect(container.querySelector(".large-text-switch")).not.toBeNull();
  });

  it("turns large text on for every page and remembers it in storage", () => {
    const me = render(<MePage />);
    const home = render(<HomePage />);
    expect(page(me.container)).not.toHaveClass("large-text");
    fireEvent.click(me.container.querySelector(".large-text-switch") as HTMLElement);
    expect(me.container.querySelector(".large-text-switch")).toHaveClass("is-on");
    expect(page(me.container)).toHaveClass("large-text");
    expect(page(home.container)).toHaveClass("large-text");
    expect(Taro.getStorageSync("civic.largeText")).toBe(true);

    fireEvent.click(me.container.querySelector(".large-text-switch") as HTMLElement);
    expect(page(home.container)).not.toHaveClass("large-text");
    expect(Taro.getStorageSync("civic.largeText")).toBe(false);
  });

  it("starts in large text when it was switched on before", () => {
    Taro.setStorageSync("civic.largeText", true);
    const { container } = render(<HomePage />);
    expect(page(container)).toHaveClass("large-text");
  });

  it("shows the signed-in user's roles from /me, and the admin entry only to admins", async () => {
    saveSession(sessionFor(["resident"]));
    stubApi(() => ok(userWith(["resident", "admin"])));
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<MePage />);
    await waitFor(() => expect(container.querySelectorAll(".user-role")).toHaveLength(2));
    expect([...container.querySelectorAll(".user-role")].map((r) => r.textContent)).toEqual(["居民", "系统管理员"]);
    expect(getSession()?.user.roles).toEqual(["resident", "admin"]);
    fireEvent.click(container.querySelector(".admin-entry") as HTMLElement);
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/admin/home/index" });
  });

  it("has no admin entry for a resident", async () => {
    saveSession(sessionFor(["resident"]));
    stubApi(() => ok(userWith(["resident"])));
    const { container } = render(<MePage />);
    await screen.findByText("居民");
    expect(container.querySelector(".admin-entry")).toBeNull();
  });

  it("logs out: revokes the token on the server and forgets the session", async () => {
    saveSession(sessionFor(["resident"]));
    const sent = stubApi((req) => (req.method === "GET" ? ok(userWith(["resident"])) : { statusCode: 204, data: "" }));
    const { container } = render(<MePage />);
    await screen.findByText("居民");
    await act(async () => {
      fireEvent.click(container.querySelector(".logout-button") as HTMLElement);
    });
    await waitFor(() => expect(container.querySelector(".state-needs-login")).not.toBeNull());
    const logout = sent.find((r) => r.method === "POST");
    expect(logout?.path).toBe("/api/v1/auth/logout");
    expect(logout?.header.Authorization).toBe("Bearer token-resident");
    expect(getSession()).toBeNull();
  });
});

import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import LoginPage from "../../miniapp/src/pages/login/index";
import { getSession } from "../../miniapp/src/services/session";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import Taro, { shimState } from "./shims/taro";

const click = (container: HTMLElement, cls: string) => fireEvent.click(container.querySelector(`.${cls}`) as HTMLElement);

describe("登录", () => {
  it("H5: the demo role picker offers the five roles and says it is the demo login", () => {
    const { container } = render(<LoginPage />);
    for (const role of ["resident", "collector", "volunteer", "moderator", "admin"]) {
      expect(container.querySelector(`.role-${role}`)).not.toBeNull();
    }
    expect(container.querySelector(".demo-note")?.textContent).toContain("演示登录");
    expect(container.querySelector(".role-resident")).toHaveClass("is-active");
  });

  it("H5: signs in through dev-login with the picked role, keeps the session and goes back", async () => {
    shimState.pageStackDepth = 2;
    const sent = stubApi(() => ok(sessionFor(["resident", "admin"])));
    const back = vi.spyOn(Taro, "navigateBack");
    const { container } = render(<LoginPage />);
    click(container, "role-admin");
    expect(container.querySelector(".login-submit")?.textContent).toBe("以系统管理员身份登录");
    click(container, "login-submit");
    await waitFor(() => expect(back).toHaveBeenCalled());
    expect(sent[0]?.path).toBe("/api/v1/auth/dev-login");
    expect(sent[0]?.body).toEqual({ openid: "demo-admin", role: "admin" });
    expect(getSession()?.user.roles).toContain("admin");
  });

  it("H5: opened directly (nothing to go back to), lands on 我的", async () => {
    stubApi(() => ok(sessionFor(["resident"])));
    const switchTab = vi.spyOn(Taro, "switchTab");
    const { container } = render(<LoginPage />);
    click(container, "login-submit");
    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: "/pages/me/index" }));
  });

  it("H5: explains a server without the demo login", async () => {
    stubApi(() => apiError(404, "not_found"));
    const { container } = render(<LoginPage />);
    click(container, "login-submit");
    expect(await screen.findByText("演示登录未开启（服务器需设置 DEV_LOGIN=1）")).toBeInTheDocument();
    expect(getSession()).toBeNull();
  });

  it("weapp: sends wx.login's code to /auth/wechat, with no role picker", async () => {
    vi.stubEnv("TARO_ENV", "weapp");
    const sent = stubApi(() => ok(sessionFor(["resident"])));
    const { container } = render(<LoginPage />);
    expect(container.querySelector(".role-resident")).toBeNull();
    click(container, "login-submit");
    await waitFor(() => expect(getSession()).not.toBeNull());
    expect(sent[0]?.path).toBe("/api/v1/auth/wechat");
    expect(sent[0]?.body).toEqual({ code: "wx-code-from-test" });
  });

  it("weapp: a failed wx.login is reported without calling the API", async () => {
    vi.stubEnv("TARO_ENV", "weapp");
    vi.spyOn(Taro, "login").mockRejectedValue({ errMsg: "login:fail" });
    const request = vi.spyOn(Taro, "request");
    const { container } = render(<LoginPage />);
    click(container, "login-submit");
    expect(await screen.findByText("微信登录失败，请重试")).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });
});

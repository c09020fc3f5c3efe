import { AccountDeletionResult, PRIVACY_POLICY_VERSION, PrivacyStatus } from "@civic/shared";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import PrivacyPage from "../../miniapp/src/packages/account/privacy/index";
import MePage from "../../miniapp/src/pages/me/index";
import { localConsent, rememberPrivacyConsent, watchSignInForConsent } from "../../miniapp/src/services/privacyConsent";
import { getSession, saveSession } from "../../miniapp/src/services/session";
import { sampleAccountExport } from "../support/sample-account";
import { apiError, ok, sessionFor, stubApi, userWith } from "./fixtures";
import Taro from "./shims/taro";

/* 我的 → 隐私与数据: the policy, consent, export and account deletion, as a resident uses them. */

const status = (over: Partial<PrivacyStatus> = {}) =>
  PrivacyStatus.parse({ policyVersion: PRIVACY_POLICY_VERSION, retentionDays: 180, consent: null, upToDate: false, ...over });

const exportDoc = (counts: Record<string, number>) => sampleAccountExport(counts);

const deletion = AccountDeletionResult.parse({
  deletedAt: "2026-11-30T02:00:00.000Z",
  removed: { identity: 1, sessionsRevoked: 2 },
  kept: [{ what: "reports", count: 3, code: "city_record", reason: "举报作为城市管理记录保留，已与您的身份解除关联" }],
});

async function clickExport(container: HTMLElement) {
  await waitFor(() => expect(container.querySelector(".export-button")).not.toBeNull());
  await act(async () => {
    fireEvent.click(container.querySelector(".export-button") as HTMLElement);
  });
}

describe("隐私与数据", () => {
  it("is linked from 我的, signed in or not", () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<MePage />);
    fireEvent.click(container.querySelector(".privacy-entry") as HTMLElement);
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/account/privacy/index" });
  });

  it("shows the policy to a signed-out visitor and asks them to log in for export and deletion", () => {
    const { container } = render(<PrivacyPage />);
    fireEvent.click(screen.getByText("查看隐私政策"));
    expect(container.querySelector(".policy-text")?.textContent).toMatch(/openid.*位置.*照片.*手机号/s);
    expect(container.querySelector(".policy-text")?.textContent).toContain("365 天");
    expect(container.querySelector(".privacy-signed-out .login-prompt")).not.toBeNull();
    expect(container.querySelector(".export-button")).toBeNull();
  });

  it("shows the server's retention period and records consent when the resident accepts", async () => {
    saveSession(sessionFor());
    const sent = stubApi((req) =>
      req.method === "POST"
        ? ok(status({ upToDate: true, consent: { policyVersion: PRIVACY_POLICY_VERSION, acceptedAt: "2026-11-30T02:00:00.000Z" } }))
        : ok(status()),
    );
    const { container } = render(<PrivacyPage />);
    await screen.findByText("您尚未在本服务中记录同意");
    fireEvent.click(screen.getByText("查看隐私政策"));
    expect(container.querySelector(".policy-text")?.textContent).toContain("180 天");
    await act(async () => {
      fireEvent.click(container.querySelector(".accept-policy") as HTMLElement);
    });
    await screen.findByText(/您已于 2026-11-30 10:00 同意本版本/);
    expect(sent.filter((r) => r.method === "POST").map((r) => [r.path, r.body])).toContainEqual([
      "/api/v1/me/consent",
      { policyVersion: PRIVACY_POLICY_VERSION },
    ]);
    expect(container.querySelector(".accept-policy")).toBeNull();
  });

  it("shows a retry when the privacy status cannot load", async () => {
    saveSession(sessionFor());
    stubApi(() => "network-error");
    const { container } = render(<PrivacyPage />);
    await waitFor(() => expect(container.querySelector(".state-error")).not.toBeNull());
  });

  it("exports my data as a JSON download (H5) and shows what it holds", async () => {
    saveSession(sessionFor());
    stubApi((req) => (req.path === "/api/v1/me/export" ? ok(exportDoc({ reports: 2, inbox: 5, follows: 0 })) : ok(status())));
    const created = vi.fn(() => "blob:civic");
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const { container } = render(<PrivacyPage />);
    await clickExport(container);
    await screen.findByText("已下载：civic-my-data-2026-11-30.json");
    expect(click).toHaveBeenCalled();
    const rows = [...container.querySelectorAll(".export-count")].map((r) => r.textContent);
    expect(rows).toEqual(expect.arrayContaining(["上报2", "消息5", "关注0"]));
  });

  it("in the weapp saves the export to a file and offers to share it, or copies it when sharing is unavailable", async () => {
    vi.stubEnv("TARO_ENV", "weapp");
    saveSession(sessionFor());
    stubApi((req) => (req.path === "/api/v1/me/export" ? ok(exportDoc({ reports: 0 })) : ok(status())));
    const share = vi.spyOn(Taro, "shareFileMessage").mockRejectedValue({ errMsg: "shareFileMessage:fail not supported" });
    const copy = vi.spyOn(Taro, "setClipboardData");
    const { container } = render(<PrivacyPage />);
    await clickExport(container);
    await screen.findByText(/已复制到剪贴板/);
    expect(share).toHaveBeenCalledWith({
      filePath: "wxfile://usr/civic-my-data-2026-11-30.json",
      fileName: "civic-my-data-2026-11-30.json",
    });
    expect(JSON.parse(copy.mock.calls[0]?.[0].data as string).profile.id).toBe("u1");
    expect(screen.getByText("除账号信息外，暂无其他数据")).toBeInTheDocument();
  });

  it("deletes the account only after a confirmation that says what happens, then signs out and goes home", async () => {
    saveSession(sessionFor());
    const sent = stubApi((req) => (req.method === "DELETE" ? ok(deletion) : ok(status())));
    const modal = vi.spyOn(Taro, "showModal");
    const home = vi.spyOn(Taro, "switchTab");
    const { container } = render(<PrivacyPage />);
    fireEvent.click(await screen.findByText("注销账号", { selector: ".delete-account, .delete-account *" }));
    expect(sent.some((r) => r.method === "DELETE")).toBe(false);
    const effects = container.querySelector(".delete-confirm")?.textContent ?? "";
    expect(effects).toContain("退出所有设备");
    expect(effects).toContain("删除尚未立案的上报中的照片");
    expect(effects).toContain("不再与您关联");
    await act(async () => {
      fireEvent.click(container.querySelector(".confirm-delete") as HTMLElement);
    });
    await waitFor(() => expect(home).toHaveBeenCalledWith({ url: "/pages/index/index" }));
    expect(sent.find((r) => r.method === "DELETE")).toMatchObject({ path: "/api/v1/me", body: { confirm: "DELETE" } });
    expect(getSession()).toBeNull();
    expect(modal.mock.calls[0]?.[0]).toMatchObject({ title: "账号已注销", content: expect.stringContaining("已与您的身份解除关联（3）") });
  });

  it("keeps the account and says why when deletion fails", async () => {
    saveSession(sessionFor());
    stubApi((req) => (req.method === "DELETE" ? apiError(422, "validation_failed") : ok(status())));
    const { container } = render(<PrivacyPage />);
    fireEvent.click(await screen.findByText("注销账号", { selector: ".delete-account, .delete-account *" }));
    await act(async () => {
      fireEvent.click(container.querySelector(".confirm-delete") as HTMLElement);
    });
    await waitFor(() => expect(container.querySelector(".delete-error")).not.toBeNull());
    expect(getSession()).not.toBeNull();
  });
});

describe("privacy consent given before sign-in", () => {
  it("is kept on the phone and sent to the server once the user signs in", async () => {
    const sent = stubApi(() => ok(status({ upToDate: true })));
    watchSignInForConsent();
    await rememberPrivacyConsent(new Date("2026-11-30T01:00:00.000Z"));
    expect(sent).toHaveLength(0);
    expect(localConsent()).toMatchObject({ policyVersion: PRIVACY_POLICY_VERSION, syncedFor: null });
    saveSession({ ...sessionFor(), user: userWith(["resident"]) });
    await waitFor(() => expect(localConsent()?.syncedFor).toBe(userWith(["resident"]).id));
    expect(sent.map((r) => [r.method, r.path, r.body])).toEqual([
      ["POST", "/api/v1/me/consent", { policyVersion: PRIVACY_POLICY_VERSION }],
    ]);
    // Later sign-ins of the same user send nothing more.
    saveSession(sessionFor());
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toHaveLength(1);
  });
});

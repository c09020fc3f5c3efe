import { render, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import RewardDeskPage from "../../miniapp/src/packages/rewards-admin/desk/index";
import RewardsAdminPage from "../../miniapp/src/packages/rewards-admin/list/index";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import { $, $$, autoUploads, stubChooseMedia, tap, type, waitForSelector } from "./report-fixtures";
import { adminRewardOf, conflictWith, deskOf, REWARD_ID } from "./reward-fixtures";

const redemptionsBody = { counts: { reserved: 1, collected: 1, cancelled: 0 }, redemptions: [] };

describe("兑换礼品管理", () => {
  it("lists rewards with stock and counts; edits one with its version and a new picture", async () => {
    saveSession(sessionFor(["admin"]));
    stubChooseMedia(["/tmp/bag.jpg"]);
    autoUploads();
    const sent = stubApi((req) => {
      if (req.path.endsWith("/redemptions")) return ok(redemptionsBody);
      if (req.method === "PATCH") return ok(adminRewardOf({ price: 60, version: 4 }));
      return ok({ rewards: [adminRewardOf(), adminRewardOf({ id: "old", name: "旧礼品", retired: true })] });
    });
    const { container } = render(<RewardsAdminPage />);
    await waitForSelector(container, ".reward-admin-row");
    expect($$(container, ".reward-admin-row")).toHaveLength(2);
    expect($(container, ".reward-admin-row.is-retired")).not.toBeNull();
    tap(container, `.reward-admin-row[data-id="${REWARD_ID}"]`);
    await waitForSelector(container, ".reward-form");
    await waitForSelector(container, ".reward-redemptions");
    expect($(container, ".reward-redemptions")?.textContent).toContain("待领取 1 · 已领取 1 · 已取消 0");
    type(container, ".reward-price", "60");
    tap(container, ".reward-picture-pick");
    await waitFor(() => expect($(container, ".reward-save")?.hasAttribute("disabled")).toBe(false));
    tap(container, ".reward-save");
    await waitFor(() => expect(sent.some((r) => r.method === "PATCH")).toBe(true));
    const patch = sent.find((r) => r.method === "PATCH")?.body as { version: number; price: number; pictureId?: string };
    expect(patch).toMatchObject({ version: 3, price: 60, pictureId: "up-bag.jpg" });
  });

  it("a stale edit says another admin saved first and shows theirs", async () => {
    saveSession(sessionFor(["admin"]));
    stubApi((req) => {
      if (req.path.endsWith("/redemptions")) return ok(redemptionsBody);
      if (req.method === "PATCH") return conflictWith("stale_version", { reward: adminRewardOf({ name: "别人改的", version: 4 }) });
      return ok({ rewards: [adminRewardOf()] });
    });
    const { container } = render(<RewardsAdminPage />);
    await waitForSelector(container, ".reward-admin-row");
    tap(container, ".reward-admin-row");
    await waitForSelector(container, ".reward-save");
    tap(container, ".reward-save");
    await waitFor(() => expect($(container, ".reward-admin-row__name")?.textContent).toBe("别人改的"));
  });

  it("refuses non-admins without asking the server; empty and error states", async () => {
    saveSession(sessionFor(["moderator"]));
    const sent = stubApi(() => ok({ rewards: [] }));
    const refused = render(<RewardsAdminPage />);
    await waitForSelector(refused.container, ".state-error");
    expect(sent).toHaveLength(0);
    refused.unmount();
    saveSession(sessionFor(["admin"]));
    const empty = render(<RewardsAdminPage />);
    await waitForSelector(empty.container, ".state-empty");
    empty.unmount();
    stubApi(() => apiError(500, "internal"));
    const failed = render(<RewardsAdminPage />);
    await waitForSelector(failed.container, ".state-error");
  });
});

describe("礼品领取 (the desk)", () => {
  it("looks a typed code up (household label only) and confirms the pickup", async () => {
    saveSession(sessionFor(["moderator"]));
    const sent = stubApi((req) => (req.method === "POST" ? ok(deskOf({ status: "collected" })) : ok(deskOf())));
    const { container } = render(<RewardDeskPage />);
    type(container, ".desk-code-input", "abcd efgh");
    tap(container, ".desk-lookup");
    await waitForSelector(container, ".desk-result");
    expect(sent[0]?.path).toBe("/api/v1/rewards/desk/ABCDEFGH");
    expect($(container, ".desk-household")?.textContent).toBe("住户 7QF2");
    tap(container, ".desk-collect");
    await waitForSelector(container, ".desk-result--collected");
    expect($(container, ".desk-message")?.textContent).toBe("已确认领取");
  });

  it("an unknown code, and one already collected (409)", async () => {
    saveSession(sessionFor(["admin"]));
    stubApi(() => apiError(404, "not_found"));
    const unknown = render(<RewardDeskPage />);
    type(unknown.container, ".desk-code-input", "ZZZZZZZZ");
    tap(unknown.container, ".desk-lookup");
    await waitForSelector(unknown.container, ".desk-message");
    expect($(unknown.container, ".desk-message")?.textContent).toBe("没有这个领取码，请核对");
    unknown.unmount();
    let looked = 0;
    stubApi((req) => (req.method === "POST" ? conflictWith("not_reserved") : ok(deskOf(looked++ ? { status: "collected" } : {}))));
    const twice = render(<RewardDeskPage />);
    type(twice.container, ".desk-code-input", "ABCDEFGH");
    tap(twice.container, ".desk-lookup");
    await waitForSelector(twice.container, ".desk-collect");
    tap(twice.container, ".desk-collect");
    await waitForSelector(twice.container, ".desk-result--collected");
    expect($(twice.container, ".desk-message")?.textContent).toContain("已领取或已取消");
  });

  it("is for staff only", async () => {
    saveSession(sessionFor(["resident"]));
    const { container } = render(<RewardDeskPage />);
    await waitForSelector(container, ".state-error");
  });
});

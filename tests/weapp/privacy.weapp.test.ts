import { AccountDeletionResult, PRIVACY_POLICY_VERSION, PrivacyStatus } from "@civic/shared";
import { afterEach, describe, expect, it } from "vitest";
import { sampleAccountExport } from "../support/sample-account";
import { bootWeapp } from "./boot";
import type { MiniProgram } from "./harness/mini-runtime";
import { findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";
import { json, RESIDENT_SESSION, routes } from "./report-fixtures";

/* 我的 → 隐私与数据 in the built weapp (account subpackage): the policy, export to a file, account deletion. */

const STATUS = PrivacyStatus.parse({ policyVersion: PRIVACY_POLICY_VERSION, retentionDays: 365, consent: null, upToDate: false });
const EXPORT = sampleAccountExport({ reports: 4, inbox: 2 }, true);
const DELETED = AccountDeletionResult.parse({
  deletedAt: "2026-11-30T02:00:00.000Z",
  removed: { identity: 1 },
  kept: [{ what: "reports", count: 4, code: "city_record", reason: "举报作为城市管理记录保留，已与您的身份解除关联" }],
});

const has = (cls: string) => (t: WxmlElement) => findByClass(t, cls).length > 0 && t;

let current: MiniProgram | null = null;
afterEach(() => {
  const mp = current;
  current = null;
  expect(mp?.errors ?? []).toEqual([]);
  expect([...(mp?.fake.missing ?? [])]).toEqual([]);
});

describe("weapp: 隐私与数据", () => {
  it("shows the policy, saves my data to a file to share, and deletes the account after confirming", async () => {
    const mp = await bootWeapp({
      storage: { "civic.session": RESIDENT_SESSION },
      onRequest: routes({
        "GET /api/v1/me/privacy": json(200, STATUS),
        "GET /api/v1/me/export": json(200, EXPORT),
        "DELETE /api/v1/me": json(200, DELETED),
      }),
    });
    current = mp;
    const page = await mp.openPage("packages/account/privacy/index");
    let tree = await page.waitFor(has("privacy-consent"), "the privacy status");
    expect(textOf(findOneByClass(tree, "privacy-consent"))).toContain("尚未");

    page.tap(findOneByClass(tree, "policy-toggle"));
    tree = await page.waitFor(has("policy-text"), "the policy text");
    expect(textOf(findOneByClass(tree, "policy-text"))).toContain("365 天");

    page.tap(findOneByClass(tree, "export-button"));
    tree = await page.waitFor(has("export-summary"), "the export summary");
    const written = mp.fake.callsOf("writeFileSync")[0] as { filePath: string; data: string };
    expect(written.filePath).toBe("wxfile://usr/civic-my-data-2026-11-30.json");
    expect(JSON.parse(written.data).profile.id).toBe("u1");
    expect(mp.fake.callsOf("shareFileMessage")).toHaveLength(1);
    expect(findByClass(tree, "export-count").map((el) => textOf(el).trim())).toEqual(["上报4", "消息2"]);

    page.tap(findOneByClass(tree, "delete-account"));
    tree = await page.waitFor(has("confirm-delete"), "the deletion confirmation");
    expect(textOf(findOneByClass(tree, "delete-confirm"))).toContain("不再与您关联");
    page.tap(findOneByClass(tree, "confirm-delete"));
    await page.waitFor(() => mp.fake.callsOf("switchTab").length > 0, "going home");
    const del = mp.fake.requests.find((r) => r.method === "DELETE");
    expect(del?.data).toEqual({ confirm: "DELETE" });
    expect(mp.fake.storage.has("civic.session")).toBe(false);
  });
});

import { render, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import GuideSuggestionsPage from "../../miniapp/src/packages/guide-admin/suggestions/index";
import { saveSession } from "../../miniapp/src/services/session";
import { ok, type SentRequest, sessionFor, stubApi } from "./fixtures";
import { suggestionOf } from "./guide-fixtures";
import { $, $$, tap, type, waitForSelector } from "./report-fixtures";

const OTHER = suggestionOf({ id: "0190a1b2-0000-7000-8000-00000000g002", name: "猫抓板", guessedClass: "unknown", note: "" });

function api(resolve: (req: SentRequest) => { statusCode: number; data: unknown }) {
  return stubApi((req) => (req.method === "POST" ? resolve(req) : ok({ suggestions: [suggestionOf(), OTHER] })));
}

describe("分类指南建议 (admin)", () => {
  it("lists pending suggestions and accepts one with the class and how to dispose; it leaves the list", async () => {
    saveSession(sessionFor(["admin"]));
    const sent = api(() => ok(suggestionOf({ status: "accepted", version: 2, itemId: "add-1" })));
    const { container } = render(<GuideSuggestionsPage />);
    await waitForSelector(container, ".guide-suggestion");
    expect($$(container, ".guide-suggestion__name").map((e) => e.textContent)).toEqual(["旧蒸笼", "猫抓板"]);
    const card = `.guide-suggestion[data-id="${suggestionOf().id}"]`;
    expect($(container, `${card} .guide-accept`)).toBeDisabled();
    tap(container, `${card} .guide-accept-class-recyclable`);
    type(container, `${card} .guide-accept-howto`, "拆去铁丝后投放");
    tap(container, `${card} .guide-accept`);
    await waitFor(() => expect($$(container, ".guide-suggestion")).toHaveLength(1));
    expect(sent.at(-1)).toMatchObject({
      path: `/api/v1/admin/guide/suggestions/${suggestionOf().id}/resolve`,
      body: { decision: "accept", version: 1, class: "recyclable", howTo: "拆去铁丝后投放" },
    });
  });

  it("declines with a reason, and says when someone else was first", async () => {
    saveSession(sessionFor(["admin"]));
    const sent = api(() => ({ statusCode: 409, data: { error: { code: "conflict", message: "x", details: { reason: "stale" } } } }));
    const { container } = render(<GuideSuggestionsPage />);
    await waitForSelector(container, ".guide-suggestion");
    const card = `.guide-suggestion[data-id="${OTHER.id}"]`;
    type(container, `${card} .guide-decline-reason`, "不属于生活垃圾");
    tap(container, `${card} .guide-decline`);
    await waitFor(() => expect($(container, `${card} .guide-resolve-error`)?.textContent).toContain("其他工作人员"));
    expect(sent.at(-1)?.body).toEqual({ decision: "decline", version: 1, reason: "不属于生活垃圾" });
  });

  it("is empty when nothing is pending, refuses residents without asking the server", async () => {
    saveSession(sessionFor(["admin"]));
    stubApi(() => ok({ suggestions: [] }));
    const { container, unmount } = render(<GuideSuggestionsPage />);
    await waitForSelector(container, ".state-empty");
    unmount();
    saveSession(sessionFor(["resident"]));
    const sent = stubApi(() => ok({ suggestions: [] }));
    const again = render(<GuideSuggestionsPage />);
    await waitForSelector(again.container, ".state-error");
    expect($(again.container, ".state-error")?.textContent).toContain("仅限系统管理员");
    expect(sent).toHaveLength(0);
  });
});

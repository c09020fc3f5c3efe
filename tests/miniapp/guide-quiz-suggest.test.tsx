import { render, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import GuideQuizPage from "../../miniapp/src/packages/guide/quiz/index";
import GuideSuggestPage from "../../miniapp/src/packages/guide/suggest/index";
import { clearSession, saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, type SentRequest, sessionFor, stubApi } from "./fixtures";
import { freshGuideRun, QUIZ_ANSWERS, quizBody, resultBody, suggestionOf } from "./guide-fixtures";
import { $, $$, tap, type, waitForSelector } from "./report-fixtures";
import Taro, { shimState } from "./shims/taro";

beforeEach(freshGuideRun);

const conflictWith = (reason: string, extra: Record<string, unknown> = {}) => ({
  statusCode: 409,
  data: { error: { code: "conflict", message: "x", details: { reason, ...extra } } },
});

describe("每日答题", () => {
  it("asks five questions, submits once all are answered and shows the score, explanations and points", async () => {
    saveSession(sessionFor(["resident"]));
    const sent = stubApi((req: SentRequest) => (req.method === "POST" ? ok(resultBody(4)) : ok(quizBody())));
    const { container } = render(<GuideQuizPage />);
    await waitForSelector(container, ".guide-question");
    expect($$(container, ".guide-question")).toHaveLength(5);
    expect($(container, ".guide-quiz-submit")).toBeDisabled();
    for (const a of QUIZ_ANSWERS) tap(container, `.guide-question[data-id="${a.itemId}"] .guide-choice-${a.answer}`);
    await waitFor(() => expect($(container, ".guide-quiz-submit")).not.toBeDisabled());
    tap(container, ".guide-quiz-submit");
    await waitForSelector(container, ".guide-result");
    expect(sent.at(-1)?.body).toEqual({ date: "2026-12-01", answers: QUIZ_ANSWERS });
    expect($(container, ".guide-score")?.textContent).toBe("答对 4 / 5 题");
    expect($(container, ".guide-points")?.textContent).toBe("获得 4 积分");
    expect($$(container, ".guide-result-line.is-wrong")).toHaveLength(1);
    expect($(container, ".guide-result-line.is-wrong .guide-result-line__verdict")?.textContent).toContain("正确答案是其他垃圾");
  });

  it("shows today's result instead of the questions when already answered", async () => {
    saveSession(sessionFor(["resident"]));
    stubApi(() => ok(quizBody(resultBody(0))));
    const { container } = render(<GuideQuizPage />);
    await waitForSelector(container, ".guide-result");
    expect($(container, ".guide-question")).toBeNull();
    expect($(container, ".guide-points")?.textContent).toContain("未获得积分");
  });

  it("reloads new questions when the day changed under the resident", async () => {
    saveSession(sessionFor(["resident"]));
    const sent = stubApi((req: SentRequest) => (req.method === "POST" ? conflictWith("quiz_changed") : ok(quizBody())));
    const { container } = render(<GuideQuizPage />);
    await waitForSelector(container, ".guide-question");
    for (const a of QUIZ_ANSWERS) tap(container, `.guide-question[data-id="${a.itemId}"] .guide-choice-${a.answer}`);
    tap(container, ".guide-quiz-submit");
    await waitForSelector(container, ".guide-quiz-error");
    await waitFor(() => expect(sent.filter((r) => r.method === "GET")).toHaveLength(2));
  });

  it("asks to sign in, and shows an error with retry", async () => {
    const { container, unmount } = render(<GuideQuizPage />);
    expect($(container, ".state-needs-login")).not.toBeNull();
    unmount();
    saveSession(sessionFor(["resident"]));
    stubApi(() => apiError(500, "internal"));
    const again = render(<GuideQuizPage />);
    await waitForSelector(again.container, ".state-error");
  });
});

describe("没找到？告诉我们", () => {
  it("sends the typed name with the resident's guess and note, then thanks them", async () => {
    saveSession(sessionFor(["resident"]));
    shimState.routerParams = { name: "旧蒸笼" };
    const sent = stubApi(() => ok(suggestionOf(), 201));
    const { container } = render(<GuideSuggestPage />);
    expect(($(container, ".guide-suggest-name") as HTMLInputElement).value).toBe("旧蒸笼");
    tap(container, ".guide-guess-other");
    type(container, ".guide-suggest-note", "竹子做的");
    tap(container, ".guide-suggest-send");
    await waitForSelector(container, ".guide-suggest-done");
    expect(sent[0]).toMatchObject({
      method: "POST",
      path: "/api/v1/guide/suggestions",
      body: { name: "旧蒸笼", guessedClass: "other", note: "竹子做的" },
    });
  });

  it("explains a repeat, and points to an item already in the guide", async () => {
    saveSession(sessionFor(["resident"]));
    shimState.routerParams = { name: "旧蒸笼" };
    stubApi(() => conflictWith("duplicate_pending"));
    const { container, unmount } = render(<GuideSuggestPage />);
    tap(container, ".guide-suggest-send");
    await waitFor(() => expect($(container, ".guide-suggest-error")?.textContent).toContain("已提交过"));
    unmount();
    const redirect = vi.spyOn(Taro, "redirectTo");
    stubApi(() => conflictWith("already_listed", { itemId: "rec-plastic-bottle" }));
    const again = render(<GuideSuggestPage />);
    tap(again.container, ".guide-suggest-send");
    await waitForSelector(again.container, ".guide-suggest-open-listed");
    tap(again.container, ".guide-suggest-open-listed");
    expect(redirect).toHaveBeenCalledWith({ url: "/packages/guide/item/index?id=rec-plastic-bottle" });
  });

  it("says when today's limit is reached, and asks to sign in first", async () => {
    saveSession(sessionFor(["resident"]));
    shimState.routerParams = { name: "x" };
    stubApi(() => apiError(429, "rate_limited"));
    const { container, unmount } = render(<GuideSuggestPage />);
    tap(container, ".guide-suggest-send");
    await waitFor(() => expect($(container, ".guide-suggest-error")?.textContent).toContain("明天"));
    unmount();
    clearSession();
    const again = render(<GuideSuggestPage />);
    expect($(again.container, ".state-needs-login")).not.toBeNull();
  });
});

import { GUIDE_ITEMS, GuideQuiz, GuideSuggestionList, QuizResult, SessionResponse, User } from "@civic/shared";
import { afterEach, describe, expect, it } from "vitest";
import { bootWeapp, navigateUrls, textsOf } from "./boot";
import type { MiniProgram } from "./harness/mini-runtime";
import { findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";
import { json, RESIDENT_SESSION, requestsTo, routes } from "./report-fixtures";

/* The sorting guide in the built weapp (packages/guide, packages/guide-admin): search offline, the quiz, the admin review. */

const GUIDE = { version: "b-weapp-1", items: GUIDE_ITEMS };
const QUIZ_ITEMS = GUIDE_ITEMS.filter((i) => ["塑料瓶", "大骨头", "茶叶渣", "过期药品", "用过的纸巾"].includes(i.name));
const QUIZ = GuideQuiz.parse({
  date: "2026-12-01",
  questions: QUIZ_ITEMS.map((i) => ({
    itemId: i.id,
    itemName: i.name,
    prompt: `${i.name} 属于哪一类？`,
    choices: ["recyclable", "hazardous", "kitchen", "other"],
  })),
  result: null,
});
const RESULT = QuizResult.parse({
  date: "2026-12-01",
  score: 5,
  total: 5,
  points: 5,
  lines: QUIZ_ITEMS.map((i) => ({
    itemId: i.id,
    itemName: i.name,
    answer: i.class,
    correct: i.class,
    isCorrect: true,
    explanation: `${i.name}属于…`,
  })),
});
const ADMIN_SESSION = SessionResponse.parse({
  token: "fake-admin-token",
  expiresAt: "2099-01-01T00:00:00.000Z",
  user: User.parse({
    id: "0190a1b2-0000-7000-8000-0000000000cc",
    nickname: "系统管理员",
    roles: ["resident", "admin"],
    createdAt: "2026-09-01T00:00:00.000Z",
  }),
});
const SUGGESTIONS = GuideSuggestionList.parse({
  suggestions: [
    {
      id: "g-1",
      name: "旧蒸笼",
      guessedClass: "unknown",
      note: "竹子编的",
      status: "pending",
      createdAt: "2026-11-30T02:00:00.000Z",
      resolvedAt: null,
      reason: null,
      itemId: null,
      version: 1,
    },
  ],
});

const has = (cls: string) => (t: WxmlElement) => findByClass(t, cls).length > 0 && t;

let current: MiniProgram | null = null;
afterEach(() => {
  const mp = current;
  current = null;
  expect(mp?.errors ?? []).toEqual([]);
  expect([...(mp?.fake.missing ?? [])]).toEqual([]);
});

describe("weapp: 垃圾分类指南", () => {
  it("searches by initials, stores the guide for offline use and opens an item", async () => {
    const mp = await bootWeapp({ onRequest: routes({ "GET /api/v1/guide/items": json(200, GUIDE) }) });
    current = mp;
    const page = await mp.openPage("packages/guide/search/index");
    let tree = await page.waitFor(has("guide-class-link"), "the four classes");
    expect(findByClass(tree, "guide-class-link")).toHaveLength(4);
    page.trigger(findOneByClass(tree, "guide-search-input"), "input", { value: "dgt" });
    tree = await page.waitFor(has("guide-hit"), "the hits");
    expect(textsOf(tree, "guide-hit__name")).toContain("大骨头");
    const bone = findByClass(tree, "guide-hit").find((h) => textOf(h).includes("大骨头"));
    page.tap(bone as WxmlElement);
    expect(navigateUrls(mp)).toContain("/packages/guide/item/index?id=oth-big-bone");
    expect(requestsTo(mp.fake.requests, "/api/v1/guide/items")).toHaveLength(1);
  });

  it("answers today's quiz and shows the points", async () => {
    const mp = await bootWeapp({
      storage: { "civic.session": RESIDENT_SESSION },
      onRequest: routes({ "GET /api/v1/guide/quiz": json(200, QUIZ), "POST /api/v1/guide/quiz": json(200, RESULT) }),
    });
    current = mp;
    const page = await mp.openPage("packages/guide/quiz/index");
    let tree = await page.waitFor(has("guide-question"), "the questions");
    for (const item of QUIZ_ITEMS) {
      const question = findByClass(tree, "guide-question").find((q) => textOf(q).includes(`${item.name} 属于`)) as WxmlElement;
      page.tap(findOneByClass(question, `guide-choice-${item.class}`));
    }
    tree = await page.waitFor((t) => !findOneByClass(t, "guide-quiz-submit").attr.disabled && t, "all answered");
    page.tap(findOneByClass(tree, "guide-quiz-submit"));
    tree = await page.waitFor(has("guide-result"), "the result");
    expect(textsOf(tree, "guide-points")).toEqual(["获得 5 积分"]);
  });

  it("lists residents' suggestions for an admin", async () => {
    const mp = await bootWeapp({
      storage: { "civic.session": ADMIN_SESSION },
      onRequest: routes({ "GET /api/v1/admin/guide/suggestions": json(200, SUGGESTIONS) }),
    });
    current = mp;
    const page = await mp.openPage("packages/guide-admin/suggestions/index");
    const tree = await page.waitFor(has("guide-suggestion"), "the suggestions");
    expect(textsOf(tree, "guide-suggestion__name")).toEqual(["旧蒸笼"]);
  });
});

import { GUIDE_ITEMS, type GuideItem, GuideItemList, GuideQuiz, GuideSuggestion, QuizResult } from "@civic/shared";
import { resetGuideRefresh } from "../../miniapp/src/packages/guide/cache";

/* Sorting-guide test data built through the shared schemas and the real dataset. */

export const itemNamed = (name: string): GuideItem => {
  const item = GUIDE_ITEMS.find((i) => i.name === name);
  if (!item) throw new Error(`no item ${name}`);
  return item;
};

export const GUIDE_VERSION = "b-test-1";

export const guideBody = (items: readonly GuideItem[] = GUIDE_ITEMS, version = GUIDE_VERSION) =>
  GuideItemList.parse({ version, items: [...items] });

/** Every guide page shares one refresh per app run; a test starts a fresh run. */
export function freshGuideRun() {
  resetGuideRefresh();
}

const QUIZ_ITEMS = ["塑料瓶", "大骨头", "茶叶渣", "过期药品", "用过的纸巾"].map(itemNamed);

export const quizBody = (result: QuizResult | null = null) =>
  GuideQuiz.parse({
    date: "2026-12-01",
    questions: QUIZ_ITEMS.map((i) => ({
      itemId: i.id,
      itemName: i.name,
      prompt: `${i.name} 属于哪一类？`,
      choices: ["recyclable", "hazardous", "kitchen", "other"],
    })),
    result,
  });

export const QUIZ_ANSWERS = QUIZ_ITEMS.map((i) => ({ itemId: i.id, answer: i.class }));

export const resultBody = (points = 5) =>
  QuizResult.parse({
    date: "2026-12-01",
    score: 4,
    total: 5,
    points,
    lines: QUIZ_ITEMS.map((i, n) => ({
      itemId: i.id,
      itemName: i.name,
      answer: n === 1 ? "kitchen" : i.class,
      correct: i.class,
      isCorrect: n !== 1,
      explanation: `${i.name}属于……`,
    })),
  });

export const suggestionOf = (over: Partial<GuideSuggestion> = {}) =>
  GuideSuggestion.parse({
    id: "0190a1b2-0000-7000-8000-00000000g001",
    name: "旧蒸笼",
    guessedClass: "other",
    note: "竹子做的",
    status: "pending",
    createdAt: "2026-11-30T02:00:00.000Z",
    resolvedAt: null,
    reason: null,
    itemId: null,
    version: 1,
    ...over,
  });

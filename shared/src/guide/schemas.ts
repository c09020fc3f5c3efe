import { z } from "zod";
import { WASTE_CLASSES } from "../city/waste-classes";

/* The sorting guide (垃圾分类指南) and the daily quiz: what the API answers and the mini-program reads. */

export const WasteClassCode = z.enum(WASTE_CLASSES);

export const GuideItem = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(30),
  class: WasteClassCode,
  synonyms: z.array(z.string().min(1).max(30)).max(20),
  /** One short line: how to put it out (rinse, flatten, wrap ...). */
  howTo: z.string().min(1).max(200),
  /** For tricky items: why it is in this class. */
  note: z.string().max(200).optional(),
  /** Too big for a bin: book a bulky-waste pickup. */
  bulky: z.boolean().optional(),
});
export type GuideItem = z.infer<typeof GuideItem>;

export const GuideItemList = z.object({
  /** Changes whenever the dataset does (an accepted suggestion adds an item); the ETag carries it. */
  version: z.string(),
  items: z.array(GuideItem),
});
export type GuideItemList = z.infer<typeof GuideItemList>;

export const GuideMatchKind = z.enum(["name", "prefix", "synonym", "pinyin"]);
export type GuideMatchKind = z.infer<typeof GuideMatchKind>;

export const GuideSearchQuery = z.object({ q: z.string().trim().min(1).max(40) });

export const GuideSearchHit = z.object({ item: GuideItem, match: GuideMatchKind });
export type GuideSearchHit = z.infer<typeof GuideSearchHit>;

export const GuideSearchResult = z.object({ q: z.string(), hits: z.array(GuideSearchHit) });
export type GuideSearchResult = z.infer<typeof GuideSearchResult>;

/** What the resident thinks it is: one of the four classes, or "not sure". */
export const GuessedClass = z.enum([...WASTE_CLASSES, "unknown"]);
export type GuessedClass = z.infer<typeof GuessedClass>;

export const GuideSuggestionCreate = z.object({
  name: z.string().trim().min(1).max(30),
  guessedClass: GuessedClass,
  note: z.string().trim().max(200).optional(),
});
export type GuideSuggestionCreate = z.infer<typeof GuideSuggestionCreate>;

export const GuideSuggestionStatus = z.enum(["pending", "accepted", "declined"]);

export const GuideSuggestion = z.object({
  id: z.string(),
  name: z.string(),
  guessedClass: GuessedClass,
  note: z.string(),
  status: GuideSuggestionStatus,
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** Why it was declined (declined only). */
  reason: z.string().nullable(),
  /** The item it became (accepted only). */
  itemId: z.string().nullable(),
  version: z.number().int(),
});
export type GuideSuggestion = z.infer<typeof GuideSuggestion>;

export const GuideSuggestionList = z.object({ suggestions: z.array(GuideSuggestion) });
export type GuideSuggestionList = z.infer<typeof GuideSuggestionList>;

export const GuideSuggestionsQuery = z.object({ status: GuideSuggestionStatus.default("pending") });

export const GuideSuggestionResolve = z.discriminatedUnion("decision", [
  z.object({
    decision: z.literal("accept"),
    /** The version the admin decided on (a stale one is 409). */
    version: z.number().int().min(1),
    class: WasteClassCode,
    howTo: z.string().trim().min(1).max(200),
    /** The item's name as it goes into the guide (defaults to the suggested name). */
    name: z.string().trim().min(1).max(30).optional(),
    synonyms: z.array(z.string().trim().min(1).max(30)).max(20).optional(),
    note: z.string().trim().max(200).optional(),
  }),
  z.object({
    decision: z.literal("decline"),
    version: z.number().int().min(1),
    reason: z.string().trim().min(1).max(200),
  }),
]);
export type GuideSuggestionResolve = z.infer<typeof GuideSuggestionResolve>;

export const QUIZ_LENGTH = 5;

export const QuizQuestion = z.object({
  itemId: z.string(),
  itemName: z.string(),
  prompt: z.string(),
  choices: z.array(WasteClassCode),
});
export type QuizQuestion = z.infer<typeof QuizQuestion>;

export const QuizResultLine = z.object({
  itemId: z.string(),
  itemName: z.string(),
  answer: WasteClassCode.nullable(),
  correct: WasteClassCode,
  isCorrect: z.boolean(),
  explanation: z.string(),
});
export type QuizResultLine = z.infer<typeof QuizResultLine>;

export const QuizResult = z.object({
  date: z.string(),
  score: z.number().int(),
  total: z.number().int(),
  /** Points this submission earned (0 on a repeat the same day, or when the day's cap is reached). */
  points: z.number().int(),
  lines: z.array(QuizResultLine),
});
export type QuizResult = z.infer<typeof QuizResult>;

export const GuideQuiz = z.object({
  /** The city date the quiz belongs to. */
  date: z.string(),
  questions: z.array(QuizQuestion),
  /** Today's result, when the caller has already answered. */
  result: QuizResult.nullable(),
});
export type GuideQuiz = z.infer<typeof GuideQuiz>;

export const QuizSubmission = z.object({
  /** The quiz date it answers (a quiz from yesterday is a 409 after midnight). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  answers: z
    .array(z.object({ itemId: z.string().min(1).max(64), answer: WasteClassCode }))
    .min(1)
    .max(QUIZ_LENGTH),
});
export type QuizSubmission = z.infer<typeof QuizSubmission>;

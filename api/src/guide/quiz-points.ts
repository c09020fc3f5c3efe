import type { SQL } from "drizzle-orm";
import type { AppDeps } from "../deps";
import { awardStatement, capsFor, settle } from "../points/ledger";

/*
 * The quiz's points, through the recycling-points ledger (api/src/points): one entry per resident and city
 * day, source key `quiz:<accountId>:<date>` (unique in SQL), so a replay or a parallel submission cannot award
 * twice. One point per correct answer, cut to the day's cap for the quiz kind (the bureau's, else 5).
 */

export const POINTS_PER_CORRECT_ANSWER = 1;

export const quizSourceKey = (userId: string, date: string) => `quiz:${userId}:${date}`;

/** The ledger statement for a submission's points, written only while `guard` holds (this submission won). */
export async function quizAwardStatements(
  deps: AppDeps,
  award: { id: string; userId: string; date: string; correct: number; at: string; guard: SQL },
) {
  if (award.correct <= 0) return [];
  const cap = await capsFor(deps.db, "quiz");
  return [
    awardStatement(deps.db, {
      id: award.id,
      accountId: award.userId,
      kind: "quiz",
      amount: award.correct * POINTS_PER_CORRECT_ANSWER,
      cap,
      sourceKey: quizSourceKey(award.userId, award.date),
      rule: "quiz:per-correct-answer",
      rate: POINTS_PER_CORRECT_ANSWER,
      actorId: null,
      day: award.date,
      at: award.at,
      reason: `每日答题答对 ${award.correct} 题`,
      guard: award.guard,
    }),
  ];
}

/** Points the ledger holds for the caller's quiz that day (0 when none). */
export async function quizPointsAwarded(deps: AppDeps, userId: string, date: string): Promise<number> {
  const settled = await settle(deps.db, quizSourceKey(userId, date), "");
  return settled.entry?.amount ?? 0;
}

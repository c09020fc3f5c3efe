import type { SQL } from "drizzle-orm";
import type { AppDeps } from "../deps";

/*
 * The quiz's points, through the recycling-points ledger (api/src/points): at most one entry per resident and
 * city day, source key `quiz:<userId>:<date>`, so a replay or a parallel submission cannot award twice.
 * Until the ledger lands these award nothing; the quiz itself works the same.
 */

export const quizSourceKey = (userId: string, date: string) => `quiz:${userId}:${date}`;

/** The ledger statements for a submission's points, written only while `guard` holds (this submission won). */
export function quizAwardStatements(_deps: AppDeps, _award: { userId: string; date: string; correct: number; at: string; guard: SQL }) {
  return [] as const;
}

/** Points the ledger holds for the caller's quiz that day (0 when none). */
export async function quizPointsAwarded(_deps: AppDeps, _userId: string, _date: string): Promise<number> {
  return 0;
}

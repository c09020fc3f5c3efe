/*
 * 星级小区: a community's stars for one city month (documented in docs/stars.md).
 *
 *   participation = registered households with >= 1 sorting check in the month / registered households
 *   accuracy      = correct checks / checks            (0 when there were no checks)
 *   inspection    = the bureau's own inspection score for the month, 0–100
 *   score (0–100) = 30 × participation + 30 × accuracy + 40 × inspection / 100, rounded to one decimal
 *   stars         = 5 at score >= 90, 4 at >= 75, 3 at >= 60, 2 at >= 40, else 1
 *
 * Without an inspection score, or without any registered household, the month is not ratable (the reason
 * says which). Every step is non-decreasing in each input, so better figures never give fewer stars.
 */

export const STAR_WEIGHTS = { participation: 30, accuracy: 30, inspection: 40 } as const;

/** Lowest score for 5, 4, 3, 2 stars (below the last: 1 star). */
export const STAR_THRESHOLDS = [
  { stars: 5, minScore: 90 },
  { stars: 4, minScore: 75 },
  { stars: 3, minScore: 60 },
  { stars: 2, minScore: 40 },
] as const;

export const UNRATABLE_REASONS = ["no_inspection", "no_households"] as const;
export type UnratableReason = (typeof UNRATABLE_REASONS)[number];

export const UNRATABLE_REASON_LABELS: Record<UnratableReason, string> = {
  no_inspection: "本月尚无城管局检查评分",
  no_households: "本小区尚无登记住户",
};

export interface MonthFigures {
  /** Households registered in the community. */
  households: number;
  /** Registered households with at least one check in the month (<= households). */
  checkedHouseholds: number;
  checks: number;
  /** Checks recorded as correct (<= checks). */
  correctChecks: number;
  /** The bureau's inspection score 0–100, or null when none was entered. */
  inspection: number | null;
}

export type StarRating =
  | { ratable: true; participation: number; accuracy: number; score: number; stars: number }
  | { ratable: false; participation: number; accuracy: number; reason: UnratableReason };

const ratio = (part: number, whole: number) => (whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0);
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

export function starsForScore(score: number): number {
  for (const t of STAR_THRESHOLDS) if (score >= t.minScore) return t.stars;
  return 1;
}

/** The month's rating from its figures (pure; the API's draft and the published month both use it). */
export function rateCommunityMonth(f: MonthFigures): StarRating {
  const participation = round(ratio(f.checkedHouseholds, f.households), 4);
  const accuracy = round(ratio(f.correctChecks, f.checks), 4);
  if (f.households <= 0) return { ratable: false, participation, accuracy, reason: "no_households" };
  if (f.inspection === null) return { ratable: false, participation, accuracy, reason: "no_inspection" };
  const inspection = Math.min(100, Math.max(0, f.inspection));
  const score = round(
    STAR_WEIGHTS.participation * participation + STAR_WEIGHTS.accuracy * accuracy + (STAR_WEIGHTS.inspection * inspection) / 100,
    1,
  );
  return { ratable: true, participation, accuracy, score, stars: starsForScore(score) };
}

/*
 * Date labels under the daily chart: MM-DD, on every `step`-th day counted back from the last one (so the
 * latest day always has its label), with the step chosen so at most about 7 labels fit a phone's width.
 */
export const MAX_DATE_LABELS = 7;

export function dateLabelStep(days: number): number {
  return Math.max(1, Math.ceil(days / MAX_DATE_LABELS));
}

/** "2026-11-05" → "11-05". */
export const monthDay = (date: string): string => date.slice(5, 10);

/** The label of the i-th of `days` bars, or "" where the chart shows none. */
export function chartDateLabel(date: string, index: number, days: number): string {
  return (days - 1 - index) % dateLabelStep(days) === 0 ? monthDay(date) : "";
}

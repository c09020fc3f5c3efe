import type { OpeningHours, OpeningInterval } from "@civic/shared";

/*
 * A weekly schedule as the admin types it: one line per day, intervals "07:00-22:00" separated by commas,
 * an overnight one as "18:00-08:00", an empty day closed. The API checks the times themselves (422).
 */

export const dayText = (intervals: readonly OpeningInterval[]) => intervals.map((i) => `${i.open}-${i.close}`).join(", ");

export const weekTexts = (hours: OpeningHours | null): string[] =>
  hours?.kind === "weekly" ? hours.days.map(dayText) : Array.from({ length: 7 }, () => "");

/** The day's intervals, or null when the text is not a list of "HH:MM-HH:MM". */
export function parseDay(text: string): OpeningInterval[] | null {
  const parts = text
    .split(/[,，;；\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: OpeningInterval[] = [];
  for (const p of parts) {
    const m = /^(\d{1,2}:\d{2})\s*[-–~～至]\s*(\d{1,2}:\d{2})$/.exec(p);
    if (!m) return null;
    const pad = (t: string) => t.padStart(5, "0");
    out.push({ open: pad(m[1] as string), close: pad(m[2] as string) });
  }
  return out;
}

/** The week from seven lines, or the (0-based) days that do not read as times. */
export function parseWeek(texts: readonly string[]): { ok: true; hours: OpeningHours } | { ok: false; badDays: number[] } {
  const days = texts.map(parseDay);
  const badDays = days.flatMap((d, i) => (d === null ? [i] : []));
  if (badDays.length > 0) return { ok: false, badDays };
  return { ok: true, hours: { kind: "weekly", days: days as OpeningInterval[][] } };
}

import type { OpeningHours, OpeningInterval } from "./openingHours";
import { OpeningHours as OpeningHoursSchema } from "./openingHours";

/*
 * Compact text form of opening hours for CSV imports and spreadsheets:
 *   "24h" | "unknown" | "06:00-22:00" (every day) | "06:00-11:30,13:00-22:00" (every day)
 *   | seven "|"-separated days, Monday first, each "closed" or a list as above:
 *     "06:00-22:00|06:00-22:00|06:00-22:00|06:00-22:00|06:00-22:00|closed|closed"
 * A JSON object in the OpeningHours shape is accepted as well.
 */
export function parseHoursText(text: string): { ok: true; hours: OpeningHours } | { ok: false; message: string } {
  const t = text.trim();
  if (t === "" || t.toLowerCase() === "unknown") return { ok: true, hours: { kind: "unknown" } };
  if (["24h", "24小时", "always"].includes(t.toLowerCase())) return { ok: true, hours: { kind: "always" } };
  if (t.startsWith("{")) {
    try {
      const parsed = OpeningHoursSchema.safeParse(JSON.parse(t));
      return parsed.success ? { ok: true, hours: parsed.data } : { ok: false, message: "hours JSON is not a valid schedule" };
    } catch {
      return { ok: false, message: "hours JSON cannot be parsed" };
    }
  }
  const dayTexts = t.includes("|") ? t.split("|") : Array.from({ length: 7 }, () => t);
  if (dayTexts.length !== 7) return { ok: false, message: "hours need 7 '|'-separated days, Monday first" };
  const days: OpeningInterval[][] = [];
  for (const dayText of dayTexts) {
    const d = dayText.trim().toLowerCase();
    if (d === "closed" || d === "休息") {
      days.push([]);
      continue;
    }
    const intervals: OpeningInterval[] = [];
    for (const part of d.split(",")) {
      const m = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(part.trim());
      if (!m) return { ok: false, message: `cannot read "${part.trim()}" as HH:MM-HH:MM` };
      intervals.push({ open: m[1] as string, close: m[2] as string });
    }
    days.push(intervals);
  }
  const parsed = OpeningHoursSchema.safeParse({ kind: "weekly", days });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "invalid hours" };
  return { ok: true, hours: parsed.data };
}

import { cityClock } from "@civic/shared";

/** "2026-11-26 14:05" in the city's time zone; the raw ISO text where time zones are unavailable. */
export function formatCityTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  try {
    const { date, minutes } = cityClock(instant);
    const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
    const mm = String(minutes % 60).padStart(2, "0");
    return `${date} ${hh}:${mm}`;
  } catch {
    return iso.slice(0, 16).replace("T", " ");
  }
}

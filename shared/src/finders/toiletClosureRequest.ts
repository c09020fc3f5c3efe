import { z } from "zod";
import { addCityDays } from "../time/cityTime";

/*
 * What an admin sends to close a toilet for a while, and the date rule it must meet. Apart from
 * toiletClosure.ts so the mini-program's main package (the finder) does not carry the admin's rules.
 */

/** The longest closure an admin may set, in days from today. */
export const MAX_CLOSURE_DAYS = 365;

export const TemporaryClosureRequest = z
  .strictObject({
    /** The last city day (YYYY-MM-DD) the toilet is closed, inclusive. */
    until: z.iso.date(),
    reason: z.string().trim().min(1).max(100),
  })
  .meta({ id: "TemporaryClosureRequest" });
export type TemporaryClosureRequest = z.infer<typeof TemporaryClosureRequest>;

/** Why `until` cannot end a closure set on city day `today` (it must be today..today+365), or null. */
export function closureUntilProblem(until: string, today: string): string | null {
  if (until < today) return "the closure must end today or later";
  if (until > addCityDays(today, MAX_CLOSURE_DAYS)) return `the closure may last at most ${MAX_CLOSURE_DAYS} days`;
  return null;
}

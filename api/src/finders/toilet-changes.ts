import { closureUntilProblem, ToiletInput, type ToiletRecordInput, type ToiletUpdate } from "@civic/shared";
import type { toilets } from "../db/schema";
import { validationFailed } from "../platform/errors";

/*
 * The checks an admin's change to a toilet must pass, shared by the catalogue routes and the feedback
 * resolution that changes a toilet in the same step.
 */

type ToiletRow = typeof toilets.$inferSelect;

/** A partial update re-validated as a whole toilet, and the old values of the fields it changes (for the audit). */
export function planToiletUpdate(
  before: ToiletRow,
  changes: ToiletUpdate,
): { merged: ToiletRecordInput; previous: Record<string, unknown> } {
  const {
    id: _id,
    latBand: _b,
    active: _a,
    deactivatedReason: _r,
    closedUntil: _cu,
    closureReason: _cr,
    createdAt: _c,
    updatedAt: _u,
    ...current
  } = before;
  const merged = ToiletInput.safeParse({ ...current, hours: JSON.parse(before.hours), ...changes });
  if (!merged.success) {
    throw validationFailed(
      "the change leaves the toilet invalid",
      merged.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  const changedKeys = Object.keys(changes) as (keyof typeof changes)[];
  const previous = Object.fromEntries(
    changedKeys.map((k) => [k, k === "hours" ? JSON.parse(before.hours) : before[k as keyof typeof before]]),
  );
  return { merged: merged.data, previous };
}

/** A closure's last day must lie within today..today+365 in the city (422 otherwise). */
export function checkClosureUntil(until: string, today: string, path = "until") {
  const problem = closureUntilProblem(until, today);
  if (problem) throw validationFailed(problem, [{ path, message: problem }]);
}

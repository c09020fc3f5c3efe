import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { pointsFlags } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";

/*
 * Unusual patterns for the bureau's review (admin flags page): one row per (kind, subject), written in the
 * same atomic group as the award it is about, only when its SQL condition holds then. A rule firing again on
 * the same subject adds nothing.
 */
export const FLAG_KINDS = [
  "many_awards_one_household",
  "outside_volunteer_communities",
  "weight_above_usual",
  "household_not_in_community",
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export interface FlagInput {
  id: string;
  kind: FlagKind;
  /** What it is about, e.g. `check:<id>` or `volunteer:<v>:household:<a>:<month>`: unique per kind. */
  subjectKey: string;
  accountId?: string | null;
  actorId?: string | null;
  entryId?: string | null;
  /** The figures that fired the rule (shown to the bureau). */
  detail: Record<string, unknown>;
  at: string;
  /** The rule, evaluated inside the statement (e.g. a count over the month > N). */
  when: SQL;
}

export function flagStatement(db: AppDb, f: FlagInput) {
  return guardedInsert(
    db,
    pointsFlags,
    {
      id: f.id,
      kind: f.kind,
      subjectKey: f.subjectKey,
      accountId: f.accountId ?? null,
      actorId: f.actorId ?? null,
      entryId: f.entryId ?? null,
      detail: JSON.stringify(f.detail),
      status: "open",
      at: f.at,
    },
    sql`${f.when}`,
  ).onConflictDoNothing();
}

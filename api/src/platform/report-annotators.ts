import type { LatLng, VendingZoneFlag } from "@civic/shared";
import type { AppDeps } from "../deps";

/*
 * Facts other domains add to a report when it is filed, without reports importing them: each domain
 * registers, once at start-up, an annotator for one key (markets: whether a street-vending report lies in
 * or near an open vending zone). The reports domain asks them all before its atomic() group and stores the
 * answers on the report in that same group. An annotator that fails leaves its key null: filing never
 * waits on it.
 */

/** What a report is, as annotators see it at filing. */
export interface ReportFacts {
  categoryCode: string;
  /** GCJ-02. */
  location: LatLng;
  at: Date;
}

/** Every annotation a report stores (one column each in reports); null when it does not apply. */
export interface ReportAnnotations {
  vendingZone: VendingZoneFlag | null;
}

export type ReportAnnotator<K extends keyof ReportAnnotations> = (deps: AppDeps, facts: ReportFacts) => Promise<ReportAnnotations[K]>;

const annotators = new Map<keyof ReportAnnotations, ReportAnnotator<keyof ReportAnnotations>>();

/** A domain registers the annotator for `key` (a second registration replaces the first). */
export function registerReportAnnotator<K extends keyof ReportAnnotations>(key: K, annotator: ReportAnnotator<K>): void {
  annotators.set(key, annotator as ReportAnnotator<keyof ReportAnnotations>);
}

/** Every registered annotation of a report about to be filed. */
export async function annotateReport(deps: AppDeps, facts: ReportFacts): Promise<ReportAnnotations> {
  const out: ReportAnnotations = { vendingZone: null };
  await Promise.all(
    [...annotators].map(async ([key, annotate]) => {
      try {
        (out as unknown as Record<string, unknown>)[key] = await annotate(deps, facts);
      } catch (err) {
        deps.log.warn("report annotator failed", { key, error: err instanceof Error ? err.message : String(err) });
      }
    }),
  );
  return out;
}

import { caseLabel, OPEN_STATUSES, type ReportDetail, type ReportStatus } from "@civic/shared";

/* How a case is named and counted on every resident page, so the list, the map and the detail agree. */

/** The reporter counts too: a case with no followers was still reported by one person. */
export const peopleReporting = (followers: number): number => followers + 1;

/** 我也遇到了 makes sense only while the bureau still works on the case. */
export const canJoinCase = (status: ReportStatus): boolean => OPEN_STATUSES.includes(status);

/** The reporter's own rating is 我的评价; anyone else reads it as 市民评价. */
export const ratingLabel = (viewer: ReportDetail["viewer"]): string => (viewer === "reporter" ? "我的评价" : "市民评价");

/** 案件编号 as shown to people (a short id for the few old cases without a number). */
export const caseName = (c: { id: string; caseNumber?: string | null }): string => caseLabel(c);

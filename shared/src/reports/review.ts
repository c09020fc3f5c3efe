import type { ContentCheck } from "./schemas";

/*
 * The content-review rule, one place for the API (SQL mirrors it in reports.repo.ts) and the case page.
 * A report's text or photo is *held* when WeChat's check did not say pass (risky, review, pending, error)
 * and no moderator has dealt with it yet. A moderator deals with held text by 复核通过 or by redacting it
 * (the public then reads the moderator's words), and with a held photo by 复核通过 or by hiding it.
 * Nothing held is shown to anyone but staff and the reporter; a held report cannot be accepted (立案).
 */

export interface TextReviewState {
  textCheck: ContentCheck | string;
  /** When a moderator passed or redacted the text, or null. */
  textReviewedAt: string | null;
}

export interface PhotoReviewState {
  kind: string;
  contentCheck: ContentCheck | string;
  hidden: boolean;
  /** When a moderator passed the photo (复核通过), or null. */
  reviewedAt: string | null;
}

export const isTextHeld = (r: TextReviewState): boolean => r.textCheck !== "pass" && r.textReviewedAt === null;

/** Only the resident's photos are held; the bureau's after-photos are its own. */
export const isPhotoHeld = (p: PhotoReviewState): boolean =>
  p.kind === "report" && p.contentCheck !== "pass" && p.reviewedAt === null && !p.hidden;

/** Whether the public (and followers) may see a photo: never hidden or held ones, nor risky after-photos. */
export const isPhotoPublic = (p: PhotoReviewState): boolean =>
  !p.hidden && !isPhotoHeld(p) && (p.kind === "report" || p.contentCheck !== "risky");

/** What still keeps a report from 立案, in words for the 409 and the case page. */
export function heldItems(text: TextReviewState, photos: (PhotoReviewState & { id: string })[]): { text: boolean; photoIds: string[] } {
  return { text: isTextHeld(text), photoIds: photos.filter(isPhotoHeld).map((p) => p.id) };
}

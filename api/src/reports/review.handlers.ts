import { heldItems, isPhotoHeld, isTextHeld } from "@civic/shared";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { currentUser } from "../auth/auth.middleware";
import { reportPhotos } from "../db/schema";
import type { AppDeps } from "../deps";
import type { AppEnv } from "../platform/context";
import { conflict, notFound } from "../platform/errors";
import type { AppRouteHandler } from "../platform/router";
import { commitAsSeen, loadAsSeen, versionTag } from "./expected-version";
import { type ReportRow, reportsRepo } from "./reports.repo";
import type * as routes from "./review.routes";
import { reportDetail } from "./views";

/*
 * 复核通过 (content review that clears). Text or a resident's photo whose WeChat check did not pass is held
 * (shared/src/reports/review.ts) until a moderator passes it here, redacts the text or hides the photo.
 * Each pass is a version-guarded step: a history row (pass_text / pass_photo, status unchanged), an audit
 * row, and the reviewed time on the report or photo. 立案 of a report that still holds anything is a 409.
 */

/** 409 naming what is still held, for 立案 (accept) of a report the public would then see. */
export async function assertNothingHeld(deps: AppDeps, report: ReportRow): Promise<void> {
  const photos = await reportsRepo(deps.db).photosOf(report.id);
  const held = heldItems(
    report,
    photos.map((p) => ({ ...p, id: p.uploadId })),
  );
  if (!held.text && held.photoIds.length === 0) return;
  const parts = [...(held.text ? ["the text"] : []), ...(held.photoIds.length ? [`${held.photoIds.length} photo(s)`] : [])];
  throw conflict(`still held for content review: ${parts.join(" and ")}; pass (复核通过) or hide/redact it before accepting`, {
    reason: "held",
    text: held.text,
    photoIds: held.photoIds,
  });
}

async function answer(c: Context<AppEnv>, id: string) {
  const deps = c.get("deps");
  const report = await reportsRepo(deps.db).byId(id);
  if (!report) throw notFound("report");
  c.header("ETag", versionTag(report.version));
  return c.json(await reportDetail(deps, report, "staff", c.get("user")), 200);
}

export const passTextHandler: AppRouteHandler<typeof routes.passText> = async (c) => {
  const id = c.req.valid("param").id;
  const { note } = c.req.valid("json");
  const deps = c.get("deps");
  const report = await loadAsSeen(c, id);
  if (!isTextHeld(report)) throw conflict("the text is not held for review", { reason: "not_held", textCheck: report.textCheck });
  await commitAsSeen(c, {
    report,
    actor: currentUser(c),
    action: "pass_text",
    to: report.status,
    note: note ?? null,
    detail: { check: report.textCheck },
    set: { textReviewedAt: deps.clock().toISOString() },
    audit: true,
  });
  return answer(c, id);
};

export const passPhotoHandler: AppRouteHandler<typeof routes.passPhoto> = async (c) => {
  const { id, photoId } = c.req.valid("param");
  const { note } = c.req.valid("json");
  const deps = c.get("deps");
  const report = await loadAsSeen(c, id);
  const photo = (await reportsRepo(deps.db).photosOf(id)).find((p) => p.uploadId === photoId);
  if (!photo) throw notFound("photo");
  if (!isPhotoHeld(photo)) {
    throw conflict(photo.hidden ? "the photo is hidden; show it again first" : "the photo is not held for review", {
      reason: "not_held",
      check: photo.contentCheck,
    });
  }
  await commitAsSeen(c, {
    report,
    actor: currentUser(c),
    action: "pass_photo",
    to: report.status,
    note: note ?? null,
    detail: { photoId, check: photo.contentCheck },
    audit: true,
    extra: (guard) => [
      deps.db
        .update(reportPhotos)
        .set({ reviewedAt: deps.clock().toISOString() })
        .where(and(eq(reportPhotos.uploadId, photoId), eq(reportPhotos.reportId, id), guard)),
    ],
  });
  return answer(c, id);
};

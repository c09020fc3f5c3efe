import { type AttributeValues, checkAttributeValues, firstResponseDueAt, latBand, type User } from "@civic/shared";
import { reportHistory, reports } from "../db/schema";
import type { AppDeps, AtomicQuery } from "../deps";
import { conflict, validationFailed } from "../platform/errors";
import { guardedInsert } from "../platform/guarded-insert";
import type { IdempotencyClaim } from "../platform/idempotency";
import { newId } from "../platform/ids";
import { grantStatement } from "../platform/notifications/grants";
import { checkUploadsUsable as checkUploads } from "../platform/uploads/attach";
import { caseNumberColumns } from "./case-number";
import { categoriesRepo } from "./categories.repo";
import { districtOf } from "./districts";
import { reportPhotoStatements } from "./photos";
import { type ReportRow, reportsRepo } from "./reports.repo";
import { checkReportText } from "./text-check";

/*
 * Filing a report, shared by the app route and Open311. One atomic() group: the idempotency claim
 * (platform/idempotency.ts), the report, its photos (attached through platform/uploads), history seq 1 and
 * any subscribe-message grants, every statement guarded by the claim. Of 20 parallel retries with one key
 * exactly one group writes; the others find they lost the claim and answer the report the key names.
 */

export interface NewReport {
  categoryCode: string;
  description: string;
  photoIds: string[];
  /** GCJ-02. */
  location: { lat: number; lng: number };
  locationSource: "map" | "gps";
  address: string;
  attributes: AttributeValues;
  subscriptions: string[];
}

export type Submitter = { kind: "user"; user: User } | { kind: "open311"; keyId: string };

/** Who files, as an idempotency caller: keys are per resident or per Open311 key. */
export const callerOf = (s: Submitter) => (s.kind === "user" ? `user:${s.user.id}` : `open311:${s.keyId}`);

export async function createReport(
  deps: AppDeps,
  submitter: Submitter,
  input: NewReport,
  claim: IdempotencyClaim,
): Promise<ReportRow | null> {
  const { db } = deps;
  const category = await categoriesRepo(db).byCode(input.categoryCode);
  if (!category?.active) {
    throw validationFailed("no such report category", [{ path: "category", message: "unknown or retired category" }]);
  }
  const problems = checkAttributeValues(JSON.parse(category.attributes), input.attributes);
  if (problems.length > 0) throw validationFailed("the category's extra fields are not valid", problems);
  const reporterId = submitter.kind === "user" ? submitter.user.id : null;
  await checkUploads(deps, { userId: reporterId, uploadIds: input.photoIds });

  const now = deps.clock();
  const nowIso = now.toISOString();
  const id = claim.resourceId;
  const { guard } = claim;
  const statements: AtomicQuery[] = claim.statement ? [claim.statement] : [];
  const district = districtOf(input.location);
  statements.push(
    guardedInsert(
      db,
      reports,
      {
        id,
        reporterId,
        open311KeyId: submitter.kind === "open311" ? submitter.keyId : null,
        source: submitter.kind === "user" ? "app" : "open311",
        categoryCode: category.code,
        description: input.description,
        publicDescription: null,
        address: input.address,
        lat: input.location.lat,
        lng: input.location.lng,
        latBand: latBand(input.location.lat),
        locationSource: input.locationSource,
        district: district.name,
        districtCode: district.code,
        attributes: JSON.stringify(input.attributes),
        status: "submitted",
        version: 1,
        textCheck: "pending",
        followers: 0,
        reopenCount: 0,
        slaHours: category.slaHours,
        // Provisional until 立案 restarts the clock: orders the queue by urgency from the start.
        slaDueAt: firstResponseDueAt(now, category.slaHours).toISOString(),
        // The day's next number, computed inside this INSERT (case-number.ts): no read-then-write.
        ...caseNumberColumns(now, deps.config.cityZone),
        createdAt: nowIso,
        updatedAt: nowIso,
        everResolved: false,
      },
      guard,
    ),
  );
  statements.push(...reportPhotoStatements(db, { reportId: id, kind: "report", uploadIds: input.photoIds, userId: reporterId, guard }));
  statements.push(
    guardedInsert(
      db,
      reportHistory,
      {
        id: newId(),
        reportId: id,
        seq: 1,
        action: "submit",
        fromStatus: null,
        toStatus: "submitted",
        actorId: reporterId,
        actorKind: submitter.kind === "user" ? "resident" : "open311",
        at: nowIso,
      },
      guard,
    ),
  );
  if (reporterId) {
    for (const templateId of new Set(input.subscriptions)) {
      if (templateId !== deps.config.notifications.reportTemplateId) continue;
      statements.push(grantStatement(db, { userId: reporterId, templateId, now: nowIso, guard }));
    }
  }
  try {
    await deps.atomic(statements);
  } catch (err) {
    // A photo claimed by another object at the same moment (upload_attachments' primary key): nothing written.
    deps.log.warn("report create refused", { error: err instanceof Error ? err.message : String(err) });
    throw conflict("a photo is already attached to another report; upload it again");
  }
  if (!(await claim.won())) return null;
  const openid = submitter.kind === "user" ? (await reportsRepo(db).reporterOf(submitter.user.id))?.openid : undefined;
  await checkReportText(deps, { reportId: id, text: input.description, openid: openid ?? null });
  const report = await reportsRepo(db).byId(id);
  if (!report) throw conflict("the report could not be stored; try again");
  return report;
}

/** Kept for moderation's resolution photos: the uploads exist, are `ownerId`'s and are attached to nothing. */
export async function checkUploadsUsable(deps: AppDeps, ownerId: string | null, photoIds: readonly string[]) {
  await checkUploads(deps, { userId: ownerId, uploadIds: photoIds });
}

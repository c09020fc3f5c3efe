import { type AttributeValues, checkAttributeValues, firstResponseDueAt, latBand, type User } from "@civic/shared";
import type { SQL } from "drizzle-orm";
import { reportHistory, reports } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps, AtomicQuery } from "../deps";
import { conflict, validationFailed } from "../platform/errors";
import { guardedInsert } from "../platform/guarded-insert";
import type { IdempotencyClaim } from "../platform/idempotency";
import { newId } from "../platform/ids";
import { grantStatement } from "../platform/notifications/grants";
import { annotateReport, type ReportAnnotations } from "../platform/report-annotators";
import { checkUploadsUsable as checkUploads } from "../platform/uploads/attach";
import { caseNumberColumns } from "./case-number";
import { type CategoryRow, categoriesRepo } from "./categories.repo";
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
  // Other domains' facts about the report (platform/report-annotators), stored in the same group.
  const annotations = await annotateReport(deps, { categoryCode: category.code, location: input.location, at: now });
  const id = claim.resourceId;
  const { guard } = claim;
  const statements: AtomicQuery[] = claim.statement ? [claim.statement] : [];
  statements.push(
    ...reportFilingStatements(
      db,
      {
        id,
        reporterId,
        open311KeyId: submitter.kind === "open311" ? submitter.keyId : null,
        category,
        description: input.description,
        address: input.address,
        location: input.location,
        locationSource: input.locationSource,
        attributes: input.attributes,
        annotations,
      },
      now,
      deps.config.cityZone,
      guard,
    ),
  );
  statements.push(...reportPhotoStatements(db, { reportId: id, kind: "report", uploadIds: input.photoIds, userId: reporterId, guard }));
  if (reporterId) {
    for (const templateId of new Set(input.subscriptions)) {
      if (templateId !== deps.config.notifications.reportTemplateId) continue;
      statements.push(grantStatement(db, { userId: reporterId, templateId, now: now.toISOString(), guard }));
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
  await screenReportText(deps, id, reporterId, input.description);
  const report = await reportsRepo(db).byId(id);
  if (!report) throw conflict("the report could not be stored; try again");
  return report;
}

export interface ReportFiling {
  id: string;
  /** Null for a request filed through Open311 (then `open311KeyId` is set). */
  reporterId: string | null;
  open311KeyId: string | null;
  category: Pick<CategoryRow, "code" | "slaHours">;
  description: string;
  address: string;
  /** GCJ-02. */
  location: { lat: number; lng: number };
  locationSource: "map" | "gps";
  attributes: AttributeValues;
  /** What other domains said about it at filing (null each when absent). */
  annotations?: ReportAnnotations;
}

/**
 * The statements every filing writes: the report (numbered inside its own INSERT, case-number.ts) and its
 * history seq 1, both only while `guard` holds. Used by createReport and by other domains that open a case
 * to the bureau inside their own atomic() group (pickups' "not collected").
 */
export function reportFilingStatements(db: AppDb, f: ReportFiling, now: Date, zone: string, guard: SQL): AtomicQuery[] {
  const nowIso = now.toISOString();
  const district = districtOf(f.location);
  const byResident = f.reporterId !== null;
  return [
    guardedInsert(
      db,
      reports,
      {
        id: f.id,
        reporterId: f.reporterId,
        open311KeyId: f.open311KeyId,
        source: byResident ? "app" : "open311",
        categoryCode: f.category.code,
        description: f.description,
        publicDescription: null,
        address: f.address,
        lat: f.location.lat,
        lng: f.location.lng,
        latBand: latBand(f.location.lat),
        locationSource: f.locationSource,
        district: district.name,
        districtCode: district.code,
        attributes: JSON.stringify(f.attributes),
        status: "submitted",
        version: 1,
        textCheck: "pending",
        followers: 0,
        reopenCount: 0,
        slaHours: f.category.slaHours,
        // Provisional until 立案 restarts the clock: orders the queue by urgency from the start.
        slaDueAt: firstResponseDueAt(now, f.category.slaHours).toISOString(),
        // The day's next number, computed inside this INSERT (case-number.ts): no read-then-write.
        ...caseNumberColumns(now, zone),
        vendingZone: f.annotations?.vendingZone ?? null,
        createdAt: nowIso,
        updatedAt: nowIso,
        everResolved: false,
      },
      guard,
    ),
    guardedInsert(
      db,
      reportHistory,
      {
        id: newId(),
        reportId: f.id,
        seq: 1,
        action: "submit",
        fromStatus: null,
        toStatus: "submitted",
        actorId: f.reporterId,
        actorKind: byResident ? "resident" : "open311",
        at: nowIso,
      },
      guard,
    ),
  ];
}

/** The text check of a filed report (text-check.ts), with the reporter's openid when there is one. */
export async function screenReportText(deps: AppDeps, reportId: string, reporterId: string | null, text: string) {
  const openid = reporterId ? (await reportsRepo(deps.db).reporterOf(reporterId))?.openid : undefined;
  return checkReportText(deps, { reportId, text, openid: openid ?? null });
}

/** Kept for moderation's resolution photos: the uploads exist, are `ownerId`'s and are attached to nothing. */
export async function checkUploadsUsable(deps: AppDeps, ownerId: string | null, photoIds: readonly string[]) {
  await checkUploads(deps, { userId: ownerId, uploadIds: photoIds });
}

import { type AttributeValues, checkAttributeValues, latBand, type User } from "@civic/shared";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { idempotencyKeys, messageGrants, reportHistory, reportPhotos, reports, uploads } from "../db/schema";
import type { AppDeps, AtomicQuery } from "../deps";
import { conflict, validationFailed } from "../platform/errors";
import { guardedInsert } from "../platform/guarded-insert";
import { hashToken, newId } from "../platform/ids";
import { categoriesRepo } from "./categories.repo";
import { checkReportText } from "./content-check";
import { districtOf } from "./districts";
import { type ReportRow, reportsRepo } from "./reports.repo";

/*
 * Filing a report, shared by the app route and Open311. One atomic() group: the idempotency record, the
 * report, its photos, history seq 1 and any subscribe-message grants. With an Idempotency-Key every
 * statement is guarded by "this key names the report I am creating", so of 20 parallel retries exactly
 * one group writes; the others read back which report the key names and answer it (or 422 for a
 * different body).
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

const scopeOf = (s: Submitter) => (s.kind === "user" ? `user:${s.user.id}` : `open311:${s.keyId}`);

export async function createReport(
  deps: AppDeps,
  submitter: Submitter,
  input: NewReport,
  idempotencyKey?: string,
): Promise<{ report: ReportRow; created: boolean }> {
  const { db } = deps;
  const category = await categoriesRepo(db).byCode(input.categoryCode);
  if (!category?.active) {
    throw validationFailed("no such report category", [{ path: "category", message: "unknown or retired category" }]);
  }
  const problems = checkAttributeValues(JSON.parse(category.attributes), input.attributes);
  if (problems.length > 0) throw validationFailed("the category's extra fields are not valid", problems);
  const requestHash = await hashToken(JSON.stringify(input));
  const scope = scopeOf(submitter);

  if (idempotencyKey) {
    const earlier = await answerForKey(deps, scope, idempotencyKey, requestHash);
    if (earlier) return { report: earlier, created: false };
  }
  await checkUploadsUsable(deps, submitter.kind === "user" ? submitter.user.id : null, input.photoIds);

  const now = deps.clock();
  const nowIso = now.toISOString();
  const id = newId();
  const district = districtOf(input.location);
  const guard: SQL = idempotencyKey
    ? sql`exists (select 1 from ${idempotencyKeys} where ${idempotencyKeys.scope} = ${scope} and ${idempotencyKeys.key} = ${idempotencyKey} and ${idempotencyKeys.resourceId} = ${id})`
    : sql`1 = 1`;
  const statements: AtomicQuery[] = [];
  if (idempotencyKey) {
    statements.push(
      db
        .insert(idempotencyKeys)
        .values({ scope, key: idempotencyKey, requestHash, resourceId: id, createdAt: nowIso })
        .onConflictDoNothing(),
    );
  }
  const reporterId = submitter.kind === "user" ? submitter.user.id : null;
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
        slaDueAt: new Date(now.getTime() + category.slaHours * 3_600_000).toISOString(),
        createdAt: nowIso,
        updatedAt: nowIso,
        everResolved: false,
      },
      guard,
    ),
  );
  input.photoIds.forEach((uploadId, position) => {
    statements.push(guardedInsert(db, reportPhotos, { uploadId, reportId: id, kind: "report", position, hidden: false }, guard));
  });
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
      statements.push(
        guardedInsert(db, messageGrants, { userId: reporterId, templateId, remaining: 1, updatedAt: nowIso }, guard).onConflictDoUpdate({
          target: [messageGrants.userId, messageGrants.templateId],
          set: { remaining: sql`${messageGrants.remaining} + 1`, updatedAt: nowIso },
        }),
      );
    }
  }
  try {
    await deps.atomic(statements);
  } catch (err) {
    // A photo claimed by another report at the same moment (report_photos primary key): nothing written.
    deps.log.warn("report create refused", { error: err instanceof Error ? err.message : String(err) });
    throw conflict("a photo is already attached to another report; upload it again");
  }
  if (idempotencyKey) {
    const answer = await answerForKey(deps, scope, idempotencyKey, requestHash);
    if (!answer) throw conflict("the report could not be stored; try again");
    if (answer.id !== id) return { report: answer, created: false };
  }
  const openid = submitter.kind === "user" ? (await reportsRepo(db).reporterOf(submitter.user.id))?.openid : undefined;
  await checkReportText(deps, { reportId: id, text: input.description, openid: openid ?? null });
  const report = await reportsRepo(db).byId(id);
  if (!report) throw conflict("the report could not be stored; try again");
  return { report, created: true };
}

/** The report an Idempotency-Key already names (same body), 422 for a different body, or null. */
async function answerForKey(deps: AppDeps, scope: string, key: string, requestHash: string): Promise<ReportRow | null> {
  const row = (
    await deps.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
      .limit(1)
  )[0];
  if (!row) return null;
  if (row.requestHash !== requestHash) {
    throw validationFailed("this Idempotency-Key was used with a different request", [
      { path: "Idempotency-Key", message: "reused with another body" },
    ]);
  }
  return (await reportsRepo(deps.db).byId(row.resourceId)) ?? null;
}

/**
 * The photos exist, belong to `ownerId` (null: an Open311 client) and are on no report yet; a race with
 * another report claiming one is caught later by report_photos' primary key.
 */
export async function checkUploadsUsable(deps: AppDeps, ownerId: string | null, photoIds: readonly string[]) {
  if (photoIds.length === 0) return;
  if (new Set(photoIds).size !== photoIds.length)
    throw validationFailed("a photo is listed twice", [{ path: "photoIds", message: "duplicate id" }]);
  const rows = await deps.db
    .select({ id: uploads.id, ownerId: uploads.ownerId, usedBy: reportPhotos.reportId })
    .from(uploads)
    .leftJoin(reportPhotos, eq(reportPhotos.uploadId, uploads.id))
    .where(inArray(uploads.id, [...photoIds]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems = photoIds.flatMap((pid, i) => {
    const row = byId.get(pid);
    if (!row || row.ownerId !== ownerId) return [{ path: `photoIds.${i}`, message: "no such upload of yours" }];
    if (row.usedBy) return [{ path: `photoIds.${i}`, message: "already attached to a report" }];
    return [];
  });
  if (problems.length > 0) throw validationFailed("some photos cannot be used", problems);
}

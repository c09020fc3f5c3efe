import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { uploadAttachments, uploads } from "../../db/schema";
import type { AppDb } from "../../db/types";
import type { AppDeps, AtomicQuery } from "../../deps";
import { validationFailed } from "../errors";
import { guardedInsert } from "../guarded-insert";

/*
 * Attaching uploads to any domain's object (a report, a pickup's completion, a stall licence ...): one
 * upload belongs to at most one object, recorded in upload_attachments (its primary key is the upload).
 * An upload attached to nothing is unused. The domain keeps its own table for order or visibility if it needs one
 * (reports: report_photos), and can react when WeChat's image check later finds a photo risky.
 */

export interface Attachment {
  /** The kind of object, e.g. 'report'. */
  ownerType: string;
  ownerId: string;
  uploadIds: readonly string[];
  /** Who attaches: only their own uploads may be used (null: an Open311 client's uploads). */
  userId: string | null;
  /** The request field the ids came from, for error details (default `photoIds`). */
  field?: string;
  /** Guard for every statement, e.g. the idempotency claim or a version check (see guardedInsert). */
  guard?: SQL;
}

/**
 * The uploads exist, belong to `userId` and are attached to nothing (else a 422 naming each bad id). A
 * race with another object claiming one at the same moment is caught by the statements below.
 */
export async function checkUploadsUsable(deps: Pick<AppDeps, "db">, a: Omit<Attachment, "ownerType" | "ownerId">): Promise<void> {
  const field = a.field ?? "photoIds";
  if (a.uploadIds.length === 0) return;
  if (new Set(a.uploadIds).size !== a.uploadIds.length) {
    throw validationFailed("a photo is listed twice", [{ path: field, message: "duplicate id" }]);
  }
  const rows = await deps.db
    .select({ id: uploads.id, ownerId: uploads.ownerId, attachedType: uploadAttachments.ownerType })
    .from(uploads)
    .leftJoin(uploadAttachments, eq(uploadAttachments.uploadId, uploads.id))
    .where(inArray(uploads.id, [...a.uploadIds]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems = a.uploadIds.flatMap((id, i) => {
    const row = byId.get(id);
    if (!row || row.ownerId !== a.userId) return [{ path: `${field}.${i}`, message: "no such upload of yours" }];
    if (row.attachedType) return [{ path: `${field}.${i}`, message: `already attached to a ${row.attachedType}` }];
    return [];
  });
  if (problems.length > 0) throw validationFailed("some photos cannot be used", problems);
}

/**
 * Checks the uploads (checkUploadsUsable), then returns the statements attaching them, for the same
 * atomic() group as the object's own rows. An upload attached elsewhere in the meantime breaks
 * upload_attachments' primary key, so the whole group is undone.
 */
export async function attachUploads(deps: Pick<AppDeps, "db">, a: Attachment): Promise<AtomicQuery[]> {
  await checkUploadsUsable(deps, a);
  return attachStatements(deps.db, a);
}

/** attachUploads without the check, for a caller that checked earlier and builds its group later. */
export function attachStatements(db: AppDb, a: Attachment): AtomicQuery[] {
  return a.uploadIds.map((uploadId) =>
    guardedInsert(db, uploadAttachments, { uploadId, ownerType: a.ownerType, ownerId: a.ownerId }, a.guard ?? sql`1 = 1`),
  );
}

/** Detaches every upload of one object (e.g. before deleting it); the uploads become unused again. */
export function detachUploadsStatement(db: AppDb, ownerType: string, ownerId: string): AtomicQuery {
  return db.delete(uploadAttachments).where(and(eq(uploadAttachments.ownerType, ownerType), eq(uploadAttachments.ownerId, ownerId)));
}

/** Detaches one upload from whatever it is attached to (needed before deleting the upload: a foreign key). */
export function detachUploadStatement(db: AppDb, uploadId: string): AtomicQuery {
  return db.delete(uploadAttachments).where(eq(uploadAttachments.uploadId, uploadId));
}

/** What a domain does when WeChat finds photos attached to its objects risky (e.g. hide them from the public). */
export type RiskyUploadsHandler = (db: AppDb, uploads: { uploadId: string; ownerId: string }[]) => Promise<void>;

const riskyHandlers = new Map<string, RiskyUploadsHandler>();

/** A domain registers, once at start-up, how its objects react to a risky photo. */
export function whenUploadsRisky(ownerType: string, handler: RiskyUploadsHandler): void {
  riskyHandlers.set(ownerType, handler);
}

/** Tells each owning domain about its risky uploads (called by the media-check callback). */
export async function uploadsFoundRisky(db: AppDb, uploadIds: readonly string[]): Promise<void> {
  if (uploadIds.length === 0) return;
  const rows = await db
    .select()
    .from(uploadAttachments)
    .where(inArray(uploadAttachments.uploadId, [...uploadIds]));
  const byType = new Map<string, { uploadId: string; ownerId: string }[]>();
  for (const r of rows) {
    byType.set(r.ownerType, [...(byType.get(r.ownerType) ?? []), { uploadId: r.uploadId, ownerId: r.ownerId }]);
  }
  for (const [type, list] of byType) await riskyHandlers.get(type)?.(db, list);
}

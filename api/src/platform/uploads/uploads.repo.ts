import type { ContentCheck } from "@civic/shared";
import { eq, inArray } from "drizzle-orm";
import { uploads } from "../../db/schema";
import type { AppDb } from "../../db/types";

export interface UploadRow {
  id: string;
  ownerId: string | null;
  contentType: string;
  contentCheck: ContentCheck;
  blobKey: string;
}

export interface UploadFull extends UploadRow {
  size: number;
  checkTraceId: string | null;
  createdAt: string;
}

const rowColumns = {
  id: uploads.id,
  ownerId: uploads.ownerId,
  contentType: uploads.contentType,
  contentCheck: uploads.contentCheck,
  blobKey: uploads.blobKey,
};

/** Uploaded photos (metadata already stripped) and their WeChat image-check state. */
export function uploadsRepo(db: AppDb) {
  return {
    async insert(row: { id: string; ownerId: string | null; blobKey: string; contentType: string; size: number; now: string }) {
      await db.insert(uploads).values({
        id: row.id,
        ownerId: row.ownerId,
        blobKey: row.blobKey,
        contentType: row.contentType,
        size: row.size,
        contentCheck: "pending",
        createdAt: row.now,
      });
    },

    async byId(id: string): Promise<UploadFull | null> {
      const [row] = await db
        .select({ ...rowColumns, size: uploads.size, checkTraceId: uploads.checkTraceId, createdAt: uploads.createdAt })
        .from(uploads)
        .where(eq(uploads.id, id));
      return (row as UploadFull | undefined) ?? null;
    },

    /** The given uploads (any order; unknown ids are simply absent). */
    async byIds(ids: readonly string[]): Promise<UploadRow[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select(rowColumns)
        .from(uploads)
        .where(inArray(uploads.id, [...ids]));
      return rows as UploadRow[];
    },

    /** Records the trace id of a started image check (the check stays pending until its callback). */
    async setTraceId(id: string, traceId: string) {
      await db.update(uploads).set({ checkTraceId: traceId }).where(eq(uploads.id, id));
    },

    async setCheck(id: string, check: ContentCheck) {
      await db.update(uploads).set({ contentCheck: check }).where(eq(uploads.id, id));
    },

    /** Applies a callback verdict to the upload with that trace id; returns the upload ids it touched. */
    async setCheckByTrace(traceId: string, check: ContentCheck): Promise<string[]> {
      const rows = await db
        .update(uploads)
        .set({ contentCheck: check })
        .where(eq(uploads.checkTraceId, traceId))
        .returning({ id: uploads.id });
      return rows.map((r) => r.id);
    },

    async deleteRow(id: string) {
      await db.delete(uploads).where(eq(uploads.id, id));
    },
  };
}

import { isStaff, type User } from "@civic/shared";
import { eq } from "drizzle-orm";
import { uploadAttachments, uploads } from "../../db/schema";
import type { AppDb } from "../../db/types";

/*
 * Who may open an upload through the bearer-authenticated content route: its uploader and staff always;
 * anyone else only when the upload is attached to an object whose domain says they may see that object
 * ("an upload attached to X is readable by whoever may see X"). Each domain registers, once at start-up,
 * the check for its owner types, like whenUploadsRisky. A photo WeChat found risky stays with its uploader
 * and staff.
 */

/** May `user` see the object `ownerId` of this owner type (and so the uploads attached to it)? */
export type UploadReadersCheck = (db: AppDb, user: User, ownerId: string) => Promise<boolean>;

const checks = new Map<string, UploadReadersCheck>();

/** A domain registers who may read uploads attached to its objects of `ownerType`. */
export function whoMayReadUploads(ownerType: string, check: UploadReadersCheck): void {
  checks.set(ownerType, check);
}

/** The uploader, staff, or a reader the owning domain allows; anyone else (and no one for a risky photo) is refused. */
export async function mayReadUpload(db: AppDb, user: User | undefined, upload: { id: string; ownerId: string | null }): Promise<boolean> {
  if (!user) return false;
  if (isStaff(user) || upload.ownerId === user.id) return true;
  const row = (
    await db
      .select({ ownerType: uploadAttachments.ownerType, ownerId: uploadAttachments.ownerId, contentCheck: uploads.contentCheck })
      .from(uploadAttachments)
      .innerJoin(uploads, eq(uploads.id, uploadAttachments.uploadId))
      .where(eq(uploadAttachments.uploadId, upload.id))
      .limit(1)
  )[0];
  if (!row || row.contentCheck === "risky") return false;
  const check = checks.get(row.ownerType);
  return check ? check(db, user, row.ownerId) : false;
}

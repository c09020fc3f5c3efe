import type { PickupPhoto } from "@civic/shared";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { pickupBookings, uploadAttachments, uploads } from "../db/schema";
import type { AppDeps } from "../deps";
import { auditStatement } from "../platform/audit";
import { whenUploadsRisky } from "../platform/uploads/attach";
import { signedPhotoUrl } from "../platform/uploads/photo-urls";
import { whoMayReadUploads } from "../platform/uploads/readers";
import { OUTCOME_PHOTOS } from "./collector-day.repo";

/*
 * A booking's photos (the resident's, owner type "pickup") and its outcome photos (the collector's,
 * "pickup_outcome"), both attached to the booking id. Whoever may see the booking sees both: its resident,
 * the collector holding the job, and staff (through the platform's readers hook); everyone else gets 404.
 */

/** The upload_attachments owner type of the resident's photos of the items (owner id: the booking). */
export const BOOKING_PHOTOS = "pickup";

export interface BookingPhotos {
  photos: PickupPhoto[];
  outcomePhotos: PickupPhoto[];
}

/**
 * Signed URLs of the photos of each booking, for `viewerId` (who may see the bookings: checked by the
 * caller). A photo WeChat found risky is left out for everyone but its uploader.
 */
export async function bookingPhotos(
  deps: Pick<AppDeps, "db" | "config" | "clock">,
  bookingIds: readonly string[],
  viewerId: string,
): Promise<Map<string, BookingPhotos>> {
  const out = new Map<string, BookingPhotos>(bookingIds.map((id) => [id, { photos: [], outcomePhotos: [] }]));
  if (bookingIds.length === 0) return out;
  const rows = await deps.db
    .select({
      uploadId: uploadAttachments.uploadId,
      ownerType: uploadAttachments.ownerType,
      bookingId: uploadAttachments.ownerId,
      uploader: uploads.ownerId,
      check: uploads.contentCheck,
    })
    .from(uploadAttachments)
    .innerJoin(uploads, eq(uploads.id, uploadAttachments.uploadId))
    .where(and(inArray(uploadAttachments.ownerType, [BOOKING_PHOTOS, OUTCOME_PHOTOS]), inArray(uploadAttachments.ownerId, [...bookingIds])))
    .orderBy(asc(uploads.createdAt), asc(uploadAttachments.uploadId));
  const now = deps.clock();
  for (const r of rows) {
    if (r.check === "risky" && r.uploader !== viewerId) continue;
    const photo = { id: r.uploadId, url: await signedPhotoUrl(deps.config.media, r.uploadId, now) };
    const entry = out.get(r.bookingId);
    if (entry) (r.ownerType === BOOKING_PHOTOS ? entry.photos : entry.outcomePhotos).push(photo);
  }
  return out;
}

/**
 * Registered once at start-up: the resident who booked and the collector holding the job may open both
 * kinds of photos; a risky verdict is recorded for the bureau in the audit log (and the photo is then shown
 * to no one but its uploader and staff: see bookingPhotos and the platform's readers hook).
 */
export function registerPickupPhotoRules() {
  const mayRead = async (db: AppDeps["db"], user: { id: string }, bookingId: string) =>
    (
      await db
        .select({ id: pickupBookings.id })
        .from(pickupBookings)
        .where(and(eq(pickupBookings.id, bookingId), or(eq(pickupBookings.residentId, user.id), eq(pickupBookings.collectorId, user.id))))
        .limit(1)
    ).length > 0;
  const onRisky = async (db: AppDeps["db"], found: { uploadId: string; ownerId: string }[]) => {
    const at = new Date().toISOString();
    for (const f of found) {
      await auditStatement(db, {
        actorId: null,
        action: "pickup.photo.risky",
        targetType: "pickup",
        targetId: f.ownerId,
        detail: { uploadId: f.uploadId },
        at,
      });
    }
  };
  for (const type of [BOOKING_PHOTOS, OUTCOME_PHOTOS]) {
    whoMayReadUploads(type, mayRead);
    whenUploadsRisky(type, onRisky);
  }
}

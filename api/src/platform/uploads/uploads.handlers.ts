import type { UploadResponse } from "@civic/shared";
import { currentUser } from "../../auth/auth.middleware";
import { clientIp } from "../client-ip";
import { openidOf, startImageCheck } from "../content-check";
import { ApiError, notFound, validationFailed } from "../errors";
import { newId } from "../ids";
import { enforceRateLimit } from "../rate-limit";
import type { AppRouteHandler } from "../router";
import { detectImageType, IMAGE_EXTENSION, ImageCleanError, stripImageMetadata } from "./image-sanitize";
import { photoSignatureValid, signedPhotoUrl } from "./photo-urls";
import { mayReadUpload } from "./readers";
import { uploadsRepo } from "./uploads.repo";
import type { createUpload, uploadContent } from "./uploads.routes";

/** The largest photo accepted (the file itself; a multipart body may be slightly larger). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Per user and per IP, per hour (windows stay within LONGEST_WINDOW_SECONDS: see purgeExpiredRateLimits). */
export const UPLOADS_PER_USER_PER_HOUR = 60;
export const UPLOADS_PER_IP_PER_HOUR = 200;

const unsupported = () => new ApiError(415, "unsupported_media_type", "only JPEG, PNG and WebP photos are accepted");
const tooLarge = () => new ApiError(413, "payload_too_large", `the photo is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);

/** The uploaded bytes: the `file` field of a multipart form, or the raw body. */
async function readUpload(c: Parameters<AppRouteHandler<typeof createUpload>>[0]): Promise<Uint8Array> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    let form: Record<string, unknown>;
    try {
      form = (await c.req.parseBody()) as Record<string, unknown>;
    } catch {
      throw validationFailed("the multipart body could not be read");
    }
    const file = form.file;
    if (!(file instanceof Blob)) throw validationFailed("send the photo in the form field `file`");
    if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
    return new Uint8Array(await file.arrayBuffer());
  }
  if (/^image\/(jpeg|png|webp)\b/.test(type)) return new Uint8Array(await c.req.arrayBuffer());
  throw unsupported();
}

export const createUploadHandler: AppRouteHandler<typeof createUpload> = async (c) => {
  const deps = c.get("deps");
  const { db, blobs, clock, config, log } = deps;
  const user = currentUser(c);
  const now = clock();
  await enforceRateLimit(db, { bucket: `upload:user:${user.id}`, limit: UPLOADS_PER_USER_PER_HOUR, windowSeconds: 3600, now });
  await enforceRateLimit(db, { bucket: `upload:ip:${clientIp(c)}`, limit: UPLOADS_PER_IP_PER_HOUR, windowSeconds: 3600, now });

  const raw = await readUpload(c);
  if (raw.length > MAX_UPLOAD_BYTES) throw tooLarge();
  const contentType = detectImageType(raw);
  if (!contentType) throw unsupported();
  let clean: Uint8Array;
  try {
    clean = stripImageMetadata(raw, contentType);
  } catch (err) {
    if (!(err instanceof ImageCleanError)) throw err;
    throw validationFailed("the image could not be cleaned", { reason: err.message });
  }

  const id = newId();
  // Random key with the detected type as a suffix (the Node disk store allows no "." in keys).
  const blobKey = `photos/${newId()}-${IMAGE_EXTENSION[contentType]}`;
  // Blob first, then the row: a row never points at nothing; a failed row insert takes its blob away.
  await blobs.put(blobKey, clean, contentType);
  const repo = uploadsRepo(db);
  try {
    await repo.insert({ id, ownerId: user.id, blobKey, contentType, size: clean.length, now: now.toISOString() });
  } catch (err) {
    await blobs.delete(blobKey).catch((e) => log.error("orphan blob not deleted", { blobKey, error: String(e) }));
    throw err;
  }
  await startImageCheck(deps, { uploadId: id, openid: await openidOf(db, user.id) });
  const body: UploadResponse = { id, url: await signedPhotoUrl(config.media, id, now), contentType, size: clean.length };
  return c.json(body, 201);
};

export const uploadContentHandler: AppRouteHandler<typeof uploadContent> = async (c) => {
  const { db, blobs, clock, config } = c.get("deps");
  const { id } = c.req.valid("param");
  const { exp, sig } = c.req.valid("query");
  const signed = exp !== undefined && sig !== undefined && (await photoSignatureValid(config.media, id, exp, sig, clock()));
  const upload = await uploadsRepo(db).byId(id);
  if (!upload) throw notFound("photo");
  if (!signed && !(await mayReadUpload(db, c.get("user"), upload))) throw notFound("photo");
  const blob = await blobs.get(upload.blobKey);
  if (!blob) throw notFound("photo");
  return c.body(blob.data as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": upload.contentType,
    "Cache-Control": "private, max-age=600",
    "X-Content-Type-Options": "nosniff",
    "Content-Length": String(blob.data.length),
  }) as never;
};

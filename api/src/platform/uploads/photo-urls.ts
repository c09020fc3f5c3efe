import type { AppConfig } from "../../config";
import { hmacBase64Url, timingSafeEqual } from "../hmac";

/*
 * Photos are never public: an authorised response hands out a short-lived signed URL (an <image> tag
 * cannot send a bearer token), and the content route serves bytes only for a valid, unexpired signature.
 * The expiry is rounded to the TTL so one photo keeps one URL for a while and caches well.
 */

async function signature(secret: string, uploadId: string, exp: number) {
  return hmacBase64Url(secret, `${uploadId}.${exp}`);
}

export const photoContentPath = (uploadId: string) => `/api/v1/uploads/${uploadId}/content`;

/** A URL (relative, or absolute with PUBLIC_BASE_URL when `absolute`) that serves the photo until it expires. */
export async function signedPhotoUrl(media: AppConfig["media"], uploadId: string, now: Date, absolute = false): Promise<string> {
  const ttl = media.urlTtlMinutes * 60;
  const nowS = Math.floor(now.getTime() / 1000);
  const exp = (Math.floor(nowS / ttl) + 2) * ttl;
  const sig = await signature(media.urlSecret, uploadId, exp);
  return `${absolute ? media.publicBaseUrl : ""}${photoContentPath(uploadId)}?exp=${exp}&sig=${sig}`;
}

export async function photoSignatureValid(
  media: AppConfig["media"],
  uploadId: string,
  exp: string,
  sig: string,
  now: Date,
): Promise<boolean> {
  const expS = Number(exp);
  if (!Number.isInteger(expS) || expS * 1000 < now.getTime()) return false;
  const expected = await signature(media.urlSecret, uploadId, expS);
  return timingSafeEqual(expected, sig);
}

import { hmacSha256Hex, toHex } from "@civic/shared";

/*
 * Operator keys. Choice: an operator's signing secret is derived, secret = hex HMAC-SHA256(FEED_KEY_SECRET,
 * "parking-feed-key:" + keyId), and shown once when the key is issued; the database keeps only
 * SHA-256(secret) and the key's status. Verifying recomputes the secret from the setting and checks it
 * against the stored hash (a revoked or unknown key fails here), then checks the request's signature
 * (shared/parking/feedSignature.ts). A leaked database alone cannot forge a request (it lacks
 * FEED_KEY_SECRET); the setting alone cannot either for a key that is not active in the database.
 * Rotating FEED_KEY_SECRET voids every key at once.
 */

export const deriveFeedSecret = (masterSecret: string, keyId: string) => hmacSha256Hex(masterSecret, `parking-feed-key:${keyId}`);

export const hashFeedSecret = async (secret: string) => toHex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret)));

/** Compares in time that does not depend on where two hex strings differ. */
export function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

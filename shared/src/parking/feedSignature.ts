import { FEED_KEY_HEADER, FEED_SIGNATURE_HEADER, FEED_TIMESTAMP_HEADER, feedSigningInput } from "./feed";

/*
 * Signing a feed request, with Web Crypto (Node 20, Workers and browsers alike): the operator's side of
 * the contract, used by the server to check, by the demo operator and by the contract tests to send.
 */

const encoder = new TextEncoder();

export function toHex(bytes: ArrayBuffer): string {
  let s = "";
  for (const b of new Uint8Array(bytes)) s += b.toString(16).padStart(2, "0");
  return s;
}

/** hex HMAC-SHA256(key, text). */
export async function hmacSha256Hex(key: string, text: string): Promise<string> {
  const k = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return toHex(await crypto.subtle.sign("HMAC", k, encoder.encode(text)));
}

/** hex HMAC-SHA256(secret, timestamp + "\n" + body): what an operator sends in x-civic-signature. */
export const signFeedBody = (secret: string, timestamp: string, rawBody: string) =>
  hmacSha256Hex(secret, feedSigningInput(timestamp, rawBody));

/** The three headers of a signed feed request at `now`. */
export async function feedRequestHeaders(keyId: string, secret: string, rawBody: string, now: Date): Promise<Record<string, string>> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    [FEED_KEY_HEADER]: keyId,
    [FEED_TIMESTAMP_HEADER]: timestamp,
    [FEED_SIGNATURE_HEADER]: await signFeedBody(secret, timestamp, rawBody),
  };
}

import { uuidv7 } from "uuidv7";
import { toBase64Url } from "./hmac";

/** Random, time-ordered ids for everything a client sees (never sequential integers). */
export const newId = (): string => uuidv7();

/** An opaque bearer token: 256 random bits. Only its hash is stored. */
export function newToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return toBase64Url(new Uint8Array(digest));
}

/*
 * Pickup codes (领取码): 8 characters from an alphabet without 0/O/1/I/L, so a code read aloud or typed from
 * a phone screen cannot be mistaken. 31^8 ≈ 8.5e11 codes; uniqueness is also enforced by the database.
 */
export const PICKUP_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const PICKUP_CODE_LENGTH = 8;
export const PICKUP_CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

/** Upper-cases and drops spaces and dashes, so "abcd-efgh" typed at the desk finds ABCDEFGH. */
export const normalizePickupCode = (raw: string): string => raw.replace(/[\s-]/g, "").toUpperCase();

/** A new code from `random` bytes (crypto.getRandomValues in the API). */
export function pickupCodeFrom(random: Uint8Array): string {
  let out = "";
  for (let i = 0; i < PICKUP_CODE_LENGTH; i++) out += PICKUP_CODE_ALPHABET[(random[i] ?? 0) % PICKUP_CODE_ALPHABET.length];
  return out;
}

/** Shown as ABCD EFGH. */
export const formatPickupCode = (code: string): string => `${code.slice(0, 4)} ${code.slice(4)}`;

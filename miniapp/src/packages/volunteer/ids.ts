import { newIdempotencyKey } from "../../services/idempotencyKey";

/** A v4-shaped uuid made on the phone for one check (the server dedupes by it). */
export function newCheckId(): string {
  const hex = newIdempotencyKey("x").slice(2).split("");
  hex[12] = "4";
  hex[16] = "89ab"[Number.parseInt(hex[16] ?? "0", 16) % 4] as string;
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

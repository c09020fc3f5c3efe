import { badRequest } from "./errors";

/*
 * Keyset paging cursors: the sort key of the last row shown, opaque to clients (base64url of a JSON array
 * of strings). A page after a cursor never repeats or skips a row although rows are added meanwhile.
 */
export function encodeCursor(parts: string[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(parts));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");
}

/** The cursor's parts, or a 400 when it is not one this API handed out with `size` parts. */
export function decodeCursor(cursor: string, size: number): string[] {
  try {
    const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    const parts = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    if (Array.isArray(parts) && parts.length === size && parts.every((p) => typeof p === "string")) return parts as string[];
  } catch {
    // answered by the 400 below
  }
  throw badRequest("cursor is not one this API handed out");
}

/* The volunteer subpackage's pages (registered in app.config.ts under packages/volunteer). */
export const ROOMS_PAGE = "/packages/volunteer/rooms/index";
/** Opened by a bin room's QR code / mini-program path with `?room=<code>`. */
export const CHECK_PAGE = "/packages/volunteer/check/index";
export const TODAY_PAGE = "/packages/volunteer/today/index";

export const checkPageUrl = (room: string) => `${CHECK_PAGE}?room=${encodeURIComponent(room)}`;

/** The room code from a scanned bin-room QR (a mini-program path or URL with room=..., or the bare code). */
export function roomFromScan(text: string): string | null {
  const trimmed = text.trim();
  const m = /[?&]room=([^&#]+)/.exec(trimmed);
  if (m?.[1]) return decodeURIComponent(m[1]);
  return /^[\w-]{1,64}$/.test(trimmed) ? trimmed : null;
}

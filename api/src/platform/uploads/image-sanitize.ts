/*
 * Photo uploads: the type is judged by magic bytes only, and metadata is stripped by walking the file's
 * own structure (JPEG segments, PNG chunks, WebP RIFF chunks) and copying only what draws the picture.
 * Pure: Uint8Array in, Uint8Array out, no Node APIs (runs on Node and in workerd alike).
 *
 * Anything that does not parse cleanly, or that carries bytes after its end (JPEG EOI, PNG IEND, the
 * RIFF size) is refused: such trailing data is how polyglots (JPEG+ZIP, JPEG+HTML) are built, and a
 * file we cannot walk is a file we cannot promise to have cleaned.
 */

export type ImageType = "image/jpeg" | "image/png" | "image/webp";

export const IMAGE_EXTENSION: Record<ImageType, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/** The structure could not be walked, or there is data past the image's end. */
export class ImageCleanError extends Error {}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

/** JPEG (FF D8 FF), PNG (its 8-byte signature) or WebP (RIFF....WEBP); null for anything else. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, PNG_SIGNATURE)) return "image/png";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return "image/webp";
  return null;
}

/** Returns the image without its metadata; throws ImageCleanError when it cannot be cleaned. */
export function stripImageMetadata(bytes: Uint8Array, type: ImageType): Uint8Array {
  if (type === "image/jpeg") return cleanJpeg(bytes);
  if (type === "image/png") return cleanPng(bytes);
  return cleanWebp(bytes);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/* ------------------------------------------------------------------ JPEG */

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;
const APP0 = 0xe0;
const APP14 = 0xee;

/** Start-of-frame markers (C0..CF except DHT C4, JPG C8, DAC CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * Keeps APP0 (JFIF), an "Adobe" APP14 (only a colour-transform flag, needed to decode CMYK/YCCK files
 * correctly; no personal data) and every non-APP segment; drops APP1 (Exif, XMP), APP2 (ICC, MPF), the
 * other APPn (IPTC in APP13, maker data) and COM. Entropy-coded data after each SOS is copied up to the
 * next real marker (FF00 stuffing and RSTn belong to the data), so progressive files with several scans work.
 */
function cleanJpeg(b: Uint8Array): Uint8Array {
  if (b[0] !== 0xff || b[1] !== SOI) throw new ImageCleanError("not a JPEG");
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  let i = 2;
  let sawFrame = false;
  let sawScan = false;
  for (;;) {
    if (i >= b.length || b[i] !== 0xff) throw new ImageCleanError("expected a JPEG marker");
    while (b[i] === 0xff) i++; // fill bytes
    if (i >= b.length) throw new ImageCleanError("truncated JPEG");
    const marker = b[i] as number;
    i++;
    if (marker === EOI) {
      if (!sawFrame || !sawScan) throw new ImageCleanError("JPEG without a frame or scan");
      if (i !== b.length) throw new ImageCleanError("data after the JPEG's end");
      parts.push(Uint8Array.of(0xff, EOI));
      return concat(parts);
    }
    if (marker === SOI || marker === 0x00 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      throw new ImageCleanError("unexpected JPEG marker");
    }
    if (i + 2 > b.length) throw new ImageCleanError("truncated JPEG segment");
    const length = ((b[i] as number) << 8) | (b[i + 1] as number);
    if (length < 2 || i + length > b.length) throw new ImageCleanError("JPEG segment length out of range");
    const segment = b.subarray(i - 2, i + length); // FF marker + length + payload
    const payloadAt = i + 2;
    i += length;
    const isApp = marker >= APP0 && marker <= 0xef;
    const keep = marker === COM ? false : !isApp ? true : marker === APP0 || (marker === APP14 && ascii(b, payloadAt, 5) === "Adobe");
    if (keep) parts.push(Uint8Array.of(0xff, marker), segment.subarray(2));
    if (isSof(marker)) sawFrame = true;
    if (marker !== SOS) continue;
    if (!sawFrame) throw new ImageCleanError("JPEG scan before its frame");
    sawScan = true;
    // Entropy-coded data: runs until an FF followed by something other than 00, FF or RSTn.
    const start = i;
    for (;;) {
      if (i + 1 >= b.length) throw new ImageCleanError("JPEG scan without an end");
      if (b[i] === 0xff) {
        const next = b[i + 1] as number;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
          i += 2;
          continue;
        }
        if (next === 0xff) {
          i++;
          continue;
        }
        break;
      }
      i++;
    }
    parts.push(b.subarray(start, i));
  }
}

/* ------------------------------------------------------------------ PNG */

const PNG_DROP = new Set(["eXIf", "tEXt", "zTXt", "iTXt", "tIME"]);

const u32be = (b: Uint8Array, at: number) =>
  (((b[at] as number) << 24) | ((b[at + 1] as number) << 16) | ((b[at + 2] as number) << 8) | (b[at + 3] as number)) >>> 0;

/** Walks the chunks (length, type, data, CRC) from IHDR to IEND; drops eXIf and the text and time chunks. */
function cleanPng(b: Uint8Array): Uint8Array {
  if (!startsWith(b, PNG_SIGNATURE)) throw new ImageCleanError("not a PNG");
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  let i = 8;
  let first = true;
  let sawData = false;
  for (;;) {
    if (i + 12 > b.length) throw new ImageCleanError("truncated PNG chunk");
    const length = u32be(b, i);
    if (length > 0x7fffffff || i + 12 + length > b.length) throw new ImageCleanError("PNG chunk length out of range");
    const type = ascii(b, i + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new ImageCleanError("bad PNG chunk type");
    if (first && type !== "IHDR") throw new ImageCleanError("PNG without IHDR first");
    first = false;
    const end = i + 12 + length;
    if (type === "IDAT") sawData = true;
    if (!PNG_DROP.has(type)) parts.push(b.subarray(i, end));
    i = end;
    if (type === "IEND") {
      if (length !== 0 || !sawData) throw new ImageCleanError("bad PNG end");
      if (i !== b.length) throw new ImageCleanError("data after the PNG's end");
      return concat(parts);
    }
  }
}

/* ------------------------------------------------------------------ WebP */

const u32le = (b: Uint8Array, at: number) =>
  ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16) | ((b[at + 3] as number) << 24)) >>> 0;

const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

/** Walks the RIFF chunks; drops EXIF and "XMP ", clears their VP8X flags and writes the new RIFF size. */
function cleanWebp(b: Uint8Array): Uint8Array {
  if (b.length < 20 || ascii(b, 0, 4) !== "RIFF" || ascii(b, 8, 4) !== "WEBP") throw new ImageCleanError("not a WebP");
  const riffSize = u32le(b, 4);
  if (riffSize % 2 !== 0 || riffSize < 4 + 8) throw new ImageCleanError("bad RIFF size");
  if (8 + riffSize !== b.length) throw new ImageCleanError(8 + riffSize > b.length ? "truncated WebP" : "data after the WebP's end");
  const chunks: Uint8Array[] = [];
  let i = 12;
  let first = true;
  while (i < b.length) {
    if (i + 8 > b.length) throw new ImageCleanError("truncated WebP chunk");
    const fourcc = ascii(b, i, 4);
    if (!/^[\x20-\x7e]{4}$/.test(fourcc)) throw new ImageCleanError("bad WebP chunk id");
    const size = u32le(b, i + 4);
    const end = i + 8 + size + (size % 2);
    if (end > b.length) throw new ImageCleanError("WebP chunk size out of range");
    if (first && fourcc !== "VP8 " && fourcc !== "VP8L" && fourcc !== "VP8X")
      throw new ImageCleanError("WebP without an image chunk first");
    if (fourcc === "VP8X") {
      if (!first || size < 10) throw new ImageCleanError("bad VP8X chunk");
      const copy = b.slice(i, end);
      copy[8] = (copy[8] as number) & ~(VP8X_EXIF | VP8X_XMP);
      chunks.push(copy);
    } else if (fourcc !== "EXIF" && fourcc !== "XMP ") {
      chunks.push(b.subarray(i, end));
    }
    first = false;
    i = end;
  }
  const body = concat(chunks);
  const out = new Uint8Array(12 + body.length);
  out.set(b.subarray(0, 12));
  const size = 4 + body.length;
  out[4] = size & 0xff;
  out[5] = (size >>> 8) & 0xff;
  out[6] = (size >>> 16) & 0xff;
  out[7] = (size >>> 24) & 0xff;
  out.set(body, 12);
  return out;
}

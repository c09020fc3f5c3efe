/*
 * Sample images built in code, for upload tests on every host (no Node APIs: contract suites run in
 * workerd too). Each is a valid file of its kind; the "with metadata" variants carry a recognisable
 * marker string (GPS_MARKER) inside the metadata so a test can prove it is gone after cleaning.
 */

/** Written into every metadata block the builders add; must not survive an upload. */
export const GPS_MARKER = "CIVIC-GPS-31.3085N-120.6195E";

const enc = (s: string) => new TextEncoder().encode(s);

export function concatBytes(...parts: (Uint8Array | number[])[]): Uint8Array {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** True when `needle` occurs in `hay`. */
export function containsBytes(hay: Uint8Array, needle: Uint8Array | string): boolean {
  const n = typeof needle === "string" ? enc(needle) : needle;
  outer: for (let i = 0; i + n.length <= hay.length; i++) {
    for (let j = 0; j < n.length; j++) if (hay[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const le24 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff];

/* ------------------------------------------------------------------ JPEG */

const segment = (marker: number, payload: Uint8Array | number[]) => {
  const p = payload instanceof Uint8Array ? payload : Uint8Array.from(payload);
  return concatBytes([0xff, marker, ...be16(p.length + 2)], p);
};

/**
 * A minimal baseline JPEG: 8x8, one grey component, one block. Its Huffman tables each hold a single
 * one-bit code (DC category 0, AC end-of-block), so the entropy-coded data is the bits "00" padded with ones.
 */
export function sampleJpeg(): Uint8Array {
  const jfif = [...enc("JFIF"), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const dqt = [0x00, ...new Array(64).fill(1)];
  const sof0 = [8, ...be16(8), ...be16(8), 1, 1, 0x11, 0];
  const dhtDc = [0x00, 1, ...new Array(15).fill(0), 0x00];
  const dhtAc = [0x10, 1, ...new Array(15).fill(0), 0x00];
  const sos = [1, 1, 0x00, 0, 63, 0];
  return concatBytes(
    [0xff, 0xd8],
    segment(0xe0, jfif),
    segment(0xdb, dqt),
    segment(0xc0, sof0),
    segment(0xc4, dhtDc),
    segment(0xc4, dhtAc),
    segment(0xda, sos),
    [0x3f],
    [0xff, 0xd9],
  );
}

/** A big-endian TIFF/Exif block: IFD0 with a GPSInfo pointer; the GPS IFD with latitude N 31°18'30" and GPSMapDatum = GPS_MARKER. */
function exifWithGps(): Uint8Array {
  const datum = enc(`${GPS_MARKER}\0`);
  // Layout (offsets from the TIFF header): header 8, IFD0 at 8 (1 entry: 2+12+4 = 18), GPS IFD at 26
  // (3 entries: 2+36+4 = 42), then latitude rationals at 68 (24 bytes), then the datum string at 92.
  const gpsIfd = 26;
  const latAt = gpsIfd + 42;
  const datumAt = latAt + 24;
  const tiff = [
    ...enc("MM"),
    0,
    42,
    ...be32(8),
    // IFD0
    ...be16(1),
    ...be16(0x8825),
    ...be16(4),
    ...be32(1),
    ...be32(gpsIfd),
    ...be32(0),
    // GPS IFD
    ...be16(3),
    ...be16(0x0001), // GPSLatitudeRef ASCII "N"
    ...be16(2),
    ...be32(2),
    ...enc("N"),
    0,
    0,
    0,
    ...be16(0x0002), // GPSLatitude RATIONAL x3
    ...be16(5),
    ...be32(3),
    ...be32(latAt),
    ...be16(0x0012), // GPSMapDatum ASCII
    ...be16(2),
    ...be32(datum.length),
    ...be32(datumAt),
    ...be32(0),
    ...be32(31),
    ...be32(1),
    ...be32(18),
    ...be32(1),
    ...be32(30),
    ...be32(1),
    ...datum,
  ];
  return concatBytes(enc("Exif\0\0"), tiff);
}

/** sampleJpeg() with an Exif APP1 carrying a GPS IFD, an XMP APP1, an IPTC APP13 and a comment, all before the frame. */
export function jpegWithGps(): Uint8Array {
  const base = sampleJpeg();
  const afterApp0 = 2 + 2 + 16; // SOI + APP0 (marker, length, 14 bytes)
  const xmp = concatBytes(
    enc("http://ns.adobe.com/xap/1.0/\0"),
    enc(`<x:xmpmeta><exif:GPSLatitude>${GPS_MARKER}</exif:GPSLatitude></x:xmpmeta>`),
  );
  const iptc = concatBytes(enc("Photoshop 3.0\0"), enc(GPS_MARKER));
  return concatBytes(
    base.subarray(0, afterApp0),
    segment(0xe1, exifWithGps()),
    segment(0xe1, xmp),
    segment(0xed, iptc),
    segment(0xfe, enc(GPS_MARKER)),
    base.subarray(afterApp0),
  );
}

/* ------------------------------------------------------------------ PNG */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function pngChunk(type: string, data: Uint8Array | number[]): Uint8Array {
  const d = data instanceof Uint8Array ? data : Uint8Array.from(data);
  const typed = concatBytes(enc(type), d);
  return concatBytes(be32(d.length), typed, be32(crc32(typed)));
}

/** zlib stream with one stored (uncompressed) deflate block. */
function zlibStored(raw: Uint8Array): Uint8Array {
  let a = 1;
  let b = 0;
  for (const x of raw) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  const len = raw.length;
  return concatBytes([0x78, 0x01, 0x01, len & 0xff, len >> 8, ~len & 0xff, (~len >> 8) & 0xff], raw, be32(((b << 16) | a) >>> 0));
}

/** A 2x2 RGB PNG. */
export function samplePng(extraChunksBeforeData: Uint8Array[] = []): Uint8Array {
  const ihdr = [...be32(2), ...be32(2), 8, 2, 0, 0, 0];
  const rows = Uint8Array.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return concatBytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    pngChunk("IHDR", ihdr),
    ...extraChunksBeforeData,
    pngChunk("IDAT", zlibStored(rows)),
    pngChunk("IEND", []),
  );
}

/** samplePng() with eXIf (the GPS Exif), tEXt, zTXt-free iTXt and tIME chunks. */
export function pngWithMetadata(): Uint8Array {
  return samplePng([
    pngChunk("eXIf", exifWithGps().subarray(6)),
    pngChunk("tEXt", concatBytes(enc("Comment\0"), enc(GPS_MARKER))),
    pngChunk("iTXt", concatBytes(enc("XML:com.adobe.xmp\0\0\0\0\0"), enc(GPS_MARKER))),
    pngChunk("tIME", [0x07, 0xea, 10, 1, 12, 0, 0]),
  ]);
}

/* ------------------------------------------------------------------ WebP */

/** The 1x1 lossless VP8L bitstream of the well-known smallest WebP. */
const VP8L_1X1 = Uint8Array.from([0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00]).subarray(0, 13);

function riffChunk(fourcc: string, data: Uint8Array): Uint8Array {
  return concatBytes(enc(fourcc), le32(data.length), data, data.length % 2 ? [0] : []);
}

function riff(chunks: Uint8Array[]): Uint8Array {
  const body = concatBytes(enc("WEBP"), ...chunks);
  return concatBytes(enc("RIFF"), le32(body.length), body);
}

/** A 1x1 lossless WebP (simple format: one VP8L chunk). */
export function sampleWebp(): Uint8Array {
  return riff([riffChunk("VP8L", VP8L_1X1)]);
}

/** The same picture in the extended format: VP8X with the EXIF and XMP flags set, then VP8L, EXIF and "XMP ". */
export function webpWithExif(): Uint8Array {
  const vp8x = Uint8Array.from([0x08 | 0x04, 0, 0, 0, ...le24(0), ...le24(0)]);
  return riff([
    riffChunk("VP8X", vp8x),
    riffChunk("VP8L", VP8L_1X1),
    riffChunk("EXIF", exifWithGps().subarray(6)),
    riffChunk("XMP ", enc(`<x:xmpmeta>${GPS_MARKER}</x:xmpmeta>`)),
  ]);
}

/* ------------------------------------------------------------------ things that are not images */

/** An ELF executable header (what a renamed binary starts with). */
export function elfExecutable(): Uint8Array {
  return concatBytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], new Uint8Array(56));
}

/** A Windows PE ("MZ") header. */
export function mzExecutable(): Uint8Array {
  return concatBytes(enc("MZ"), new Uint8Array(62), enc("This program cannot be run in DOS mode."));
}

export function svgImage(): Uint8Array {
  return enc('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>alert(1)</script><rect width="8" height="8"/></svg>');
}

export function gifImage(): Uint8Array {
  return concatBytes(enc("GIF89a"), [1, 0, 1, 0, 0, 0, 0], [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0], [0x3b]);
}

/** A valid JPEG with a ZIP archive appended after EOI (a classic polyglot). */
export function jpegZipPolyglot(): Uint8Array {
  const zipEnd = concatBytes(enc("PK\x05\x06"), new Uint8Array(18));
  const entry = concatBytes(enc("PK\x03\x04"), new Uint8Array(26), enc("payload.html"), enc("<script>alert(1)</script>"));
  return concatBytes(sampleJpeg(), entry, zipEnd);
}

/** A valid JPEG followed by HTML. */
export function jpegHtmlPolyglot(): Uint8Array {
  return concatBytes(sampleJpeg(), enc("<html><script>alert(document.cookie)</script></html>"));
}

/** Anything larger than the 10 MB upload limit that starts like a JPEG. */
export function oversizeJpeg(bytes = 10 * 1024 * 1024 + 1024): Uint8Array {
  const big = new Uint8Array(bytes);
  big.set(sampleJpeg());
  return big;
}

/** A multipart/form-data body with one `file` field, as wx.uploadFile sends it. */
export function multipartBody(file: Uint8Array, opts: { filename?: string; contentType?: string } = {}) {
  const boundary = `----civic${Math.random().toString(16).slice(2)}`;
  const head = enc(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${opts.filename ?? "photo.jpg"}"\r\nContent-Type: ${opts.contentType ?? "image/jpeg"}\r\n\r\n`,
  );
  const tail = enc(`\r\n--${boundary}--\r\n`);
  return { body: concatBytes(head, file, tail), contentType: `multipart/form-data; boundary=${boundary}` };
}

import { detectImageType, ImageCleanError, stripImageMetadata } from "@civic/api/platform/uploads/image-sanitize";
import { describe, expect, it } from "vitest";
import {
  concatBytes,
  containsBytes,
  elfExecutable,
  GPS_MARKER,
  gifImage,
  jpegHtmlPolyglot,
  jpegWithGps,
  jpegZipPolyglot,
  mzExecutable,
  pngChunk,
  pngWithMetadata,
  sampleJpeg,
  samplePng,
  sampleWebp,
  svgImage,
  webpWithExif,
} from "../support/images";

const clean = (b: Uint8Array) => {
  const type = detectImageType(b);
  if (!type) throw new Error("not an image");
  return stripImageMetadata(b, type);
};

describe("image-sanitize: type by magic bytes", () => {
  it("knows JPEG, PNG and WebP and nothing else", () => {
    expect(detectImageType(sampleJpeg())).toBe("image/jpeg");
    expect(detectImageType(samplePng())).toBe("image/png");
    expect(detectImageType(sampleWebp())).toBe("image/webp");
    for (const b of [elfExecutable(), mzExecutable(), svgImage(), gifImage(), new Uint8Array(0), Uint8Array.of(0xff, 0xd8)]) {
      expect(detectImageType(b)).toBeNull();
    }
    // RIFF but not WebP (e.g. a WAV file).
    expect(detectImageType(concatBytes(new TextEncoder().encode("RIFF\x04\x00\x00\x00WAVE")))).toBeNull();
  });
});

describe("image-sanitize: JPEG", () => {
  it("drops APP1 (Exif, XMP), APP13 and COM and keeps the picture byte for byte", () => {
    const out = clean(jpegWithGps());
    expect([...out]).toEqual([...sampleJpeg()]);
    expect(containsBytes(out, GPS_MARKER)).toBe(false);
  });

  it("drops APP2 (ICC/MPF) but keeps an Adobe APP14 and entropy data with stuffed bytes and restart markers", () => {
    const base = sampleJpeg();
    const app2 = concatBytes([0xff, 0xe2, 0, 8], new TextEncoder().encode("ICC_P\0"));
    const adobe = concatBytes([0xff, 0xee, 0, 14], new TextEncoder().encode("Adobe"), [0, 100, 0, 0, 0, 0, 1]);
    const sosEnd = base.length - 3; // the entropy byte, then FF D9
    const withExtras = concatBytes(
      base.subarray(0, 20),
      app2,
      adobe,
      base.subarray(20, sosEnd),
      [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56],
      base.subarray(sosEnd),
    );
    const out = clean(withExtras);
    expect(containsBytes(out, "ICC_P")).toBe(false);
    expect(containsBytes(out, "Adobe")).toBe(true);
    expect(containsBytes(out, Uint8Array.of(0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56))).toBe(true);
    expect([out[out.length - 2], out[out.length - 1]]).toEqual([0xff, 0xd9]);
  });

  it("refuses data after EOI (polyglots), truncation, a bad segment length, and no frame", () => {
    for (const bad of [
      jpegZipPolyglot(),
      jpegHtmlPolyglot(),
      concatBytes(sampleJpeg(), [0]),
      sampleJpeg().subarray(0, sampleJpeg().length - 2),
      sampleJpeg().subarray(0, 30),
      concatBytes([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff], new Uint8Array(10)),
      concatBytes([0xff, 0xd8], [0xff, 0xd9]),
    ]) {
      expect(() => stripImageMetadata(bad, "image/jpeg")).toThrow(ImageCleanError);
    }
  });
});

describe("image-sanitize: PNG", () => {
  it("drops eXIf, tEXt, zTXt, iTXt and tIME and keeps the rest byte for byte", () => {
    const out = clean(pngWithMetadata());
    expect([...out]).toEqual([...samplePng()]);
    const z = clean(samplePng([pngChunk("zTXt", new TextEncoder().encode(`k\0\0${GPS_MARKER}`))]));
    expect([...z]).toEqual([...samplePng()]);
  });

  it("refuses data after IEND, inconsistent lengths, a missing IHDR or IEND", () => {
    const png = samplePng();
    expect(() => clean(concatBytes(png, new TextEncoder().encode("PK\x03\x04")))).toThrow(ImageCleanError);
    expect(() => clean(png.subarray(0, png.length - 12))).toThrow(ImageCleanError);
    const badLength = png.slice();
    badLength[8 + 3] = 200; // IHDR claims 200 bytes
    expect(() => clean(badLength)).toThrow(ImageCleanError);
    const noIhdr = concatBytes(png.subarray(0, 8), png.subarray(8 + 25));
    expect(() => stripImageMetadata(noIhdr, "image/png")).toThrow(ImageCleanError);
  });
});

describe("image-sanitize: WebP", () => {
  it("drops EXIF and XMP chunks, clears their VP8X flags and fixes the RIFF size", () => {
    const out = clean(webpWithExif());
    expect(containsBytes(out, "EXIF")).toBe(false);
    expect(containsBytes(out, "XMP ")).toBe(false);
    expect(containsBytes(out, GPS_MARKER)).toBe(false);
    expect((out[20] as number) & 0x0c).toBe(0);
    const size = (out[4] as number) | ((out[5] as number) << 8) | ((out[6] as number) << 16) | ((out[7] as number) << 24);
    expect(size).toBe(out.length - 8);
    expect([...clean(sampleWebp())]).toEqual([...sampleWebp()]);
  });

  it("refuses bytes past the RIFF size, a RIFF size beyond the file, and a chunk overrunning it", () => {
    const w = sampleWebp();
    expect(() => clean(concatBytes(w, [0, 0]))).toThrow(ImageCleanError);
    expect(() => clean(w.subarray(0, w.length - 2))).toThrow(ImageCleanError);
    const overrun = w.slice();
    overrun[16] = 0x40; // VP8L claims 64 bytes
    expect(() => clean(overrun)).toThrow(ImageCleanError);
  });
});

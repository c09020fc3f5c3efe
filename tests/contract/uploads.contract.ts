import { beforeEach, describe, expect, it } from "vitest";
import { signedMediaCheckPush, TEST_CALLBACK_TOKEN, TEST_PUBLIC_BASE_URL } from "../fakes/wechat-controls";
import {
  containsBytes,
  elfExecutable,
  GPS_MARKER,
  gifImage,
  jpegHtmlPolyglot,
  jpegWithGps,
  jpegZipPolyglot,
  multipartBody,
  mzExecutable,
  oversizeJpeg,
  pngWithMetadata,
  sampleJpeg,
  samplePng,
  svgImage,
  webpWithExif,
} from "../support/images";
import { type ContractHarness, call, expectEnvelope, type GetHarness, loginAs } from "./harness";

type Upload = { status: number; json: { id?: string; url?: string; contentType?: string; size?: number; error?: { code: string } } };

/** POSTs a file as multipart/form-data (what wx.uploadFile sends). */
async function uploadMultipart(
  h: ContractHarness,
  token: string | undefined,
  file: Uint8Array,
  opts: { filename?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<Upload> {
  const { body, contentType } = multipartBody(file, opts);
  const res = await h.request("/api/v1/uploads", {
    method: "POST",
    headers: { "content-type": contentType, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(opts.headers ?? {}) },
    body: body as BodyInit,
  });
  return { status: res.status, json: (await res.json()) as Upload["json"] };
}

async function uploadRaw(h: ContractHarness, token: string, file: Uint8Array, contentType: string, headers: Record<string, string> = {}) {
  const res = await h.request("/api/v1/uploads", {
    method: "POST",
    headers: { "content-type": contentType, authorization: `Bearer ${token}`, ...headers },
    body: file as BodyInit,
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Upload["json"] };
}

async function fetchBytes(h: ContractHarness, path: string, token?: string) {
  const res = await h.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** The media checks the fake WeChat received for one user (dev-login openids get a prefix; the fake is shared). */
async function checksFor(h: ContractHarness, openid: string) {
  return (await h.wechat.controls.mediaChecks()).filter((c) => c.openid === openid || c.openid.endsWith(`:${openid}`));
}

/** The JPEG's segment markers before its first SOS. */
function jpegMarkersBeforeScan(b: Uint8Array): number[] {
  const markers: number[] = [];
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1] as number;
    markers.push(marker);
    if (marker === 0xda) break;
    i += 2 + (((b[i + 2] as number) << 8) | (b[i + 3] as number));
  }
  return markers;
}

export function registerUploadsContract(getHarness: GetHarness) {
  describe("uploads: photos judged by their bytes, metadata removed, served by signed URL", () => {
    beforeEach(async () => {
      await getHarness().wechat.controls.reset();
    });

    it("stores a JPEG carrying GPS Exif without any of it, still a valid JPEG ending in EOI", async () => {
      const h = getHarness();
      const me = await loginAs(h, "upload-gps");
      const original = jpegWithGps();
      expect(containsBytes(original, GPS_MARKER)).toBe(true);
      // Declared type and name are ignored: the bytes say JPEG.
      const up = await uploadMultipart(h, me.token, original, { filename: "IMG_0001.png", contentType: "image/png" });
      expect(up.status).toBe(201);
      expect(up.json).toMatchObject({ contentType: "image/jpeg" });
      expect(up.json.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(up.json.url).toMatch(new RegExp(`^/api/v1/uploads/${up.json.id}/content\\?exp=\\d+&sig=[\\w-]+$`));
      const got = await fetchBytes(h, up.json.url as string);
      expect(got.status).toBe(200);
      expect(got.headers.get("content-type")).toBe("image/jpeg");
      expect(got.headers.get("cache-control")).toBe("private, max-age=600");
      expect(got.headers.get("x-content-type-options")).toBe("nosniff");
      const b = got.bytes;
      expect(b.length).toBe(up.json.size);
      expect([b[0], b[1], b[2]]).toEqual([0xff, 0xd8, 0xff]);
      expect([b[b.length - 2], b[b.length - 1]]).toEqual([0xff, 0xd9]);
      expect(containsBytes(b, "Exif")).toBe(false);
      expect(containsBytes(b, GPS_MARKER)).toBe(false);
      expect(containsBytes(b, "http://ns.adobe.com/xap")).toBe(false);
      const markers = jpegMarkersBeforeScan(b);
      expect(markers).not.toContain(0xe1);
      expect(markers).not.toContain(0xed);
      expect(markers).not.toContain(0xfe);
      expect(markers).toContain(0xc0);
      expect(markers.at(-1)).toBe(0xda);
      // Exactly the picture without its metadata.
      expect([...b]).toEqual([...sampleJpeg()]);
    });

    it("cleans a PNG's eXIf/tEXt/iTXt/tIME chunks and a WebP's EXIF/XMP chunks and flags", async () => {
      const h = getHarness();
      const me = await loginAs(h, "upload-png-webp");
      const png = await uploadMultipart(h, me.token, pngWithMetadata(), { filename: "a.jpg", contentType: "image/jpeg" });
      expect(png.status).toBe(201);
      expect(png.json.contentType).toBe("image/png");
      const pngBytes = (await fetchBytes(h, png.json.url as string)).bytes;
      expect([...pngBytes]).toEqual([...samplePng()]);
      for (const chunk of ["eXIf", "tEXt", "iTXt", "tIME", GPS_MARKER]) expect(containsBytes(pngBytes, chunk), chunk).toBe(false);

      const webp = await uploadRaw(h, me.token, webpWithExif(), "image/webp");
      expect(webp.status).toBe(201);
      expect(webp.json.contentType).toBe("image/webp");
      const w = (await fetchBytes(h, webp.json.url as string)).bytes;
      expect(String.fromCharCode(...w.subarray(0, 4), ...w.subarray(8, 16))).toBe("RIFFWEBPVP8X");
      const riffSize = (w[4] as number) | ((w[5] as number) << 8) | ((w[6] as number) << 16) | ((w[7] as number) << 24);
      expect(riffSize).toBe(w.length - 8);
      expect((w[20] as number) & 0x0c).toBe(0); // EXIF and XMP flags cleared
      for (const chunk of ["EXIF", "XMP ", GPS_MARKER]) expect(containsBytes(w, chunk), chunk).toBe(false);
      expect(containsBytes(w, "VP8L")).toBe(true);
    });

    it("takes a raw image body too (Content-Type image/jpeg)", async () => {
      const h = getHarness();
      const me = await loginAs(h, "upload-raw");
      const up = await uploadRaw(h, me.token, sampleJpeg(), "image/jpeg");
      expect(up.status).toBe(201);
      expect(up.json).toMatchObject({ contentType: "image/jpeg", size: sampleJpeg().length });
    });

    it("refuses executables, SVG, GIF, polyglots and oversize files with the right envelope, storing nothing", async () => {
      const h = getHarness();
      const me = await loginAs(h, "upload-bad");
      const cases: [string, Uint8Array, number, string][] = [
        ["ELF renamed .jpg", elfExecutable(), 415, "unsupported_media_type"],
        ["MZ renamed .jpg", mzExecutable(), 415, "unsupported_media_type"],
        ["SVG", svgImage(), 415, "unsupported_media_type"],
        ["GIF", gifImage(), 415, "unsupported_media_type"],
        ["empty file", new Uint8Array(0), 415, "unsupported_media_type"],
        ["JPEG + ZIP polyglot", jpegZipPolyglot(), 422, "validation_failed"],
        ["JPEG + HTML polyglot", jpegHtmlPolyglot(), 422, "validation_failed"],
        ["truncated JPEG", sampleJpeg().subarray(0, 40), 422, "validation_failed"],
        ["over 10 MB", oversizeJpeg(), 413, "payload_too_large"],
      ];
      for (const [name, bytes, status, code] of cases) {
        const res = await uploadMultipart(h, me.token, bytes, { filename: "photo.jpg", contentType: "image/jpeg" });
        expect(res.status, name).toBe(status);
        expectEnvelope(res, code);
        expect(res.json.id, name).toBeUndefined();
      }
      const raw = await uploadRaw(h, me.token, jpegZipPolyglot(), "image/jpeg");
      expect(raw.status).toBe(422);
      expect(raw.json.error?.code).toBe("validation_failed");
      const json = await call(h, "POST", "/api/v1/uploads", { token: me.token, body: { file: "data:image/jpeg;base64,/9j/" } });
      expect(json.status).toBe(415);
      expectEnvelope(json, "unsupported_media_type");
      const noFile = await h.request("/api/v1/uploads", {
        method: "POST",
        headers: { authorization: `Bearer ${me.token}`, "content-type": "multipart/form-data; boundary=x" },
        body: '--x\r\nContent-Disposition: form-data; name="other"\r\n\r\nhello\r\n--x--\r\n',
      });
      expect(noFile.status).toBe(422);
      // Nothing was started for the refused files, and a good upload afterwards behaves as ever.
      expect(await checksFor(h, "upload-bad")).toEqual([]);
      const good = await uploadMultipart(h, me.token, jpegWithGps());
      expect(good.status).toBe(201);
      expect((await fetchBytes(h, good.json.url as string)).status).toBe(200);
      expect(await checksFor(h, "upload-bad")).toHaveLength(1);
    });

    it("needs a signed-in caller", async () => {
      const h = getHarness();
      const res = await uploadMultipart(h, undefined, sampleJpeg());
      expect(res.status).toBe(401);
      expectEnvelope(res, "unauthorized");
    });

    it("serves bytes only for a valid, unexpired signature, or to the owner and staff; 404 otherwise", async () => {
      const h = getHarness();
      const owner = await loginAs(h, "photo-owner");
      const other = await loginAs(h, "photo-other");
      const moderator = await loginAs(h, "photo-mod", "moderator");
      const admin = await loginAs(h, "photo-admin", "admin");
      const collector = await loginAs(h, "photo-collector", "collector");
      h.setNow("2026-11-02T08:00:00Z");
      const up = await uploadMultipart(h, owner.token, sampleJpeg());
      expect(up.status).toBe(201);
      const url = up.json.url as string;
      const plain = `/api/v1/uploads/${up.json.id}/content`;
      expect((await fetchBytes(h, url)).status).toBe(200);
      const tampered = url.replace(/sig=([\w-])/, (_m, c: string) => `sig=${c === "A" ? "B" : "A"}`);
      expect((await fetchBytes(h, tampered)).status).toBe(404);
      const otherExp = url.replace(/exp=(\d+)/, (_m, e: string) => `exp=${Number(e) + 1}`);
      expect((await fetchBytes(h, otherExp)).status).toBe(404);
      // Another photo's signature does not open this one.
      const second = await uploadMultipart(h, owner.token, samplePng());
      const swapped = `${plain}?${(second.json.url as string).split("?")[1]}`;
      expect((await fetchBytes(h, swapped)).status).toBe(404);
      expect((await fetchBytes(h, plain)).status).toBe(404);
      expect((await fetchBytes(h, plain, other.token)).status).toBe(404);
      expect((await fetchBytes(h, plain, collector.token)).status).toBe(404);
      expect((await fetchBytes(h, plain, owner.token)).status).toBe(200);
      expect((await fetchBytes(h, plain, moderator.token)).status).toBe(200);
      expect((await fetchBytes(h, plain, admin.token)).status).toBe(200);
      const missing = await fetchBytes(h, url.replace(up.json.id as string, "01930000-0000-7000-8000-000000000000"));
      expect(missing.status).toBe(404);
      // Two hours later the URL has expired.
      h.setNow("2026-11-02T10:00:00Z");
      const expired = await h.request(url);
      expect(expired.status).toBe(404);
      expectEnvelope({ json: await expired.json() }, "not_found");
    });

    it("limits uploads per user and per IP with 429 and Retry-After", async () => {
      const h = getHarness();
      h.setNow("2026-11-02T08:10:00Z");
      const me = await loginAs(h, "upload-flood");
      // Refused files count too (the limit comes before the body is read), which keeps this test cheap.
      for (let i = 0; i < 60; i++) {
        const r = await uploadRaw(h, me.token, gifImage(), "image/png", { "x-forwarded-for": "198.51.100.7" });
        expect(r.status).toBe(415);
      }
      const limited = await uploadRaw(h, me.token, sampleJpeg(), "image/jpeg", { "x-forwarded-for": "198.51.100.7" });
      expect(limited.status).toBe(429);
      expect(limited.json.error?.code).toBe("rate_limited");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

      // 200 an hour from one address, whoever sends them.
      const ip = { "cf-connecting-ip": "203.0.113.9" };
      for (let u = 0; u < 4; u++) {
        const user = await loginAs(h, `upload-ip-${u}`);
        for (let i = 0; i < 50; i++) expect((await uploadRaw(h, user.token, gifImage(), "image/png", ip)).status).toBe(415);
      }
      const fresh = await loginAs(h, "upload-ip-fresh");
      const blocked = await uploadRaw(h, fresh.token, sampleJpeg(), "image/jpeg", ip);
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get("retry-after")).toBeTruthy();
      expect((await uploadRaw(h, fresh.token, sampleJpeg(), "image/jpeg", { "cf-connecting-ip": "203.0.113.10" })).status).toBe(201);
    });
  });

  describe("uploads: WeChat's image check and its signed callback", () => {
    beforeEach(async () => {
      await getHarness().wechat.controls.reset();
    });

    it("starts mediaCheckAsync with an absolute signed URL WeChat can fetch, for the uploader's openid", async () => {
      const h = getHarness();
      const me = await loginAs(h, "media-check-user");
      const up = await uploadMultipart(h, me.token, sampleJpeg());
      expect(up.status).toBe(201);
      const checks = await checksFor(h, "media-check-user");
      expect(checks).toHaveLength(1);
      const check = checks[0] as (typeof checks)[number];
      expect(check.media_url.startsWith(`${TEST_PUBLIC_BASE_URL}/api/v1/uploads/${up.json.id}/content?exp=`)).toBe(true);
      const fetched = await fetchBytes(h, check.media_url.slice(TEST_PUBLIC_BASE_URL.length));
      expect(fetched.status).toBe(200);
      expect([...fetched.bytes]).toEqual([...sampleJpeg()]);
    });

    it("an upload still succeeds when WeChat's check cannot start (the photo is held, never passed)", async () => {
      const h = getHarness();
      const me = await loginAs(h, "media-check-down");
      await h.wechat.controls.setContent({ media: "error" });
      expect((await uploadMultipart(h, me.token, sampleJpeg())).status).toBe(201);
      await h.wechat.controls.setContent({ media: "timeout" });
      expect((await uploadMultipart(h, me.token, sampleJpeg())).status).toBe(201);
    });

    it("accepts a correctly signed wxa_media_check push, answers 'success', and refuses forged ones", async () => {
      const h = getHarness();
      const me = await loginAs(h, "media-push-user");
      await uploadMultipart(h, me.token, sampleJpeg());
      const [check] = await checksFor(h, "media-push-user");
      if (!check) throw new Error("no media check recorded");
      const post = (query: string, body: unknown) =>
        h.request(`/wechat/media-check?${query}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });

      const good = await signedMediaCheckPush({ trace_id: check.trace_id, suggest: "risky" });
      const ok = await post(good.query, good.body);
      expect(ok.status).toBe(200);
      expect(ok.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await ok.text()).toBe("success");
      // Delivered twice (WeChat retries): still fine.
      expect(await (await post(good.query, good.body)).text()).toBe("success");

      const forged = await signedMediaCheckPush({ trace_id: check.trace_id, suggest: "pass" }, { token: "not-the-token" });
      const refused = await post(forged.query, forged.body);
      expect(refused.status).toBe(403);
      expectEnvelope({ json: await refused.json() }, "forbidden");
      const unsigned = await post("", good.body);
      expect(unsigned.status).toBe(403);
      // A signature over other parameters does not hold for these.
      const tamperedQuery = good.query.replace(/nonce=\d+/, "nonce=1");
      expect((await post(tamperedQuery, good.body)).status).toBe(403);

      const unknown = await signedMediaCheckPush({ trace_id: "no-such-trace", suggest: "pass" });
      const answered = await post(unknown.query, unknown.body);
      expect(answered.status).toBe(200);
      expect(await answered.text()).toBe("success");
    });

    it("answers WeChat's URL check (GET with echostr) only when signed with the token", async () => {
      const h = getHarness();
      const signed = await signedMediaCheckPush({ trace_id: "x", suggest: "pass" }, { token: TEST_CALLBACK_TOKEN });
      const ok = await h.request(`/wechat/media-check?${signed.query}&echostr=hello-civic-42`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe("hello-civic-42");
      const bad = await signedMediaCheckPush({ trace_id: "x", suggest: "pass" }, { token: "wrong" });
      expect((await h.request(`/wechat/media-check?${bad.query}&echostr=hello`)).status).toBe(403);
    });
  });
}

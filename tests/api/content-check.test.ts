import { createApp } from "@civic/api";
import { reportCategories, reportPhotos, reports, uploadAttachments, uploads, users } from "@civic/api/db/schema";
import { checkReportText } from "@civic/api/reports/text-check";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeWechat, REVIEW_WORD, RISKY_WORD, startFakeWechat } from "../fakes/wechat";
import { signedMediaCheckPush, wechatControls } from "../fakes/wechat-controls";
import { elfExecutable, jpegZipPolyglot, multipartBody, oversizeJpeg, sampleJpeg, svgImage } from "../support/images";
import { createNodeHarness } from "./node-harness";

/** Content safety and upload storage on better-sqlite3, reading the columns the API does not expose. */
let wechat: FakeWechat;
let controls: ReturnType<typeof wechatControls>;
beforeAll(async () => {
  wechat = await startFakeWechat();
  controls = wechatControls(wechat.url);
});
afterAll(async () => {
  await wechat.close();
});
beforeEach(async () => {
  await controls.reset();
});

const NOW = "2026-11-02T08:00:00Z";

async function seedReport(db: ReturnType<typeof createNodeHarness>["db"], id: string) {
  await db.insert(users).values({ id: "reporter", openid: "o-reporter", createdAt: NOW }).onConflictDoNothing();
  await db
    .insert(reportCategories)
    .values({ code: "other", name: "其他", groupCode: "other", department: "综合科", slaHours: 24, createdAt: NOW, updatedAt: NOW })
    .onConflictDoNothing();
  await db.insert(reports).values({
    id,
    reporterId: "reporter",
    categoryCode: "other",
    description: "x",
    address: "观前街",
    lat: 31.3,
    lng: 120.6,
    latBand: 0,
    district: "姑苏区",
    status: "submitted",
    slaHours: 24,
    createdAt: NOW,
    updatedAt: NOW,
  });
}

async function login(h: ReturnType<typeof createNodeHarness>["harness"], openid: string) {
  const res = await h.request("/api/v1/auth/dev-login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ openid }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function upload(app: { request: (p: string, i: RequestInit) => Response | Promise<Response> }, token: string, bytes: Uint8Array) {
  const { body, contentType } = multipartBody(bytes);
  const res = await app.request("/api/v1/uploads", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": contentType },
    body: body as BodyInit,
  });
  return { status: res.status, json: (await res.json()) as { id?: string } };
}

describe("checkReportText", () => {
  const cases: [string, "auto" | "pass" | "review" | "risky" | "error" | "timeout", string, string][] = [
    ["pass", "pass", "路灯不亮", "pass"],
    ["review", "review", "路灯不亮", "review"],
    ["risky", "risky", "路灯不亮", "risky"],
    ["error (errcode -1)", "error", "路灯不亮", "error"],
    ["timeout", "timeout", "路灯不亮", "error"],
    ["the risky marker word", "auto", `这里有${RISKY_WORD}`, "risky"],
    ["the review marker word", "auto", `${REVIEW_WORD}的情况`, "review"],
  ];
  for (const [name, control, text, expected] of cases) {
    it(`records ${expected} for ${name}`, async () => {
      const node = createNodeHarness(wechat, { nearbyInMemory: false });
      await seedReport(node.db, "r-text");
      await controls.setContent({ text: control });
      const verdict = await checkReportText(node.deps, { reportId: "r-text", text, openid: "o-reporter" });
      expect(verdict).toBe(expected);
      const [row] = await node.db.select({ textCheck: reports.textCheck }).from(reports).where(eq(reports.id, "r-text"));
      expect(row?.textCheck).toBe(expected);
    });
  }

  it("sends the v2 request (scene 3, the openid) and, without an openid (Open311), holds for review without calling", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    await seedReport(node.db, "r-311");
    await checkReportText(node.deps, { reportId: "r-311", text: "井盖缺失", openid: "o-reporter" });
    expect((await controls.textChecks()).at(-1)).toMatchObject({ content: "井盖缺失", openid: "o-reporter", scene: 3 });
    const before = (await controls.textChecks()).length;
    expect(await checkReportText(node.deps, { reportId: "r-311", text: "井盖缺失", openid: null })).toBe("review");
    expect((await controls.textChecks()).length).toBe(before);
  });

  it("a demo without WeChat credentials holds text for a human without calling out", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    await seedReport(node.db, "r-demo");
    const before = (await controls.textChecks()).length;
    const demo = { ...node.deps, config: { ...node.deps.config, wechat: { ...node.deps.config.wechat, appId: "" } } };
    expect(await checkReportText(demo, { reportId: "r-demo", text: "路灯不亮", openid: "o-reporter" })).toBe("review");
    expect((await controls.textChecks()).length).toBe(before);
  });
});

describe("image checks and uploads storage", () => {
  it("a push sets the upload's check; 'risky' hides the photo on its report; an error push is 'error'", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    const token = await login(node.harness, "img-owner");
    const a = (await upload(node.app, token, sampleJpeg())).json.id as string;
    const b = (await upload(node.app, token, sampleJpeg())).json.id as string;
    const checks = (await controls.mediaChecks()).filter((c) => c.openid.endsWith("img-owner"));
    expect(checks).toHaveLength(2);
    const rows = await node.db.select().from(uploads);
    expect(rows.map((r) => r.contentCheck)).toEqual(["pending", "pending"]);
    expect(new Set(rows.map((r) => r.checkTraceId))).toEqual(new Set(checks.map((c) => c.trace_id)));
    await seedReport(node.db, "r-photo");
    await node.db.insert(reportPhotos).values({ uploadId: a, reportId: "r-photo", kind: "report", position: 0 });
    await node.db.insert(uploadAttachments).values({ uploadId: a, ownerType: "report", ownerId: "r-photo" });

    const traceOf = (id: string) => rows.find((r) => r.id === id)?.checkTraceId as string;
    const push = async (trace: string, suggest: "pass" | "review" | "risky" | "error", token?: string) => {
      const p = await signedMediaCheckPush({ trace_id: trace, suggest }, token ? { token } : {});
      return node.app.request(`/wechat/media-check?${p.query}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(p.body),
      });
    };
    const forged = await push(traceOf(a), "pass", "wrong-token");
    expect(forged.status).toBe(403);
    expect((await node.db.select().from(uploads).where(eq(uploads.id, a)))[0]?.contentCheck).toBe("pending");

    expect(await (await push(traceOf(a), "risky")).text()).toBe("success");
    expect((await node.db.select().from(uploads).where(eq(uploads.id, a)))[0]?.contentCheck).toBe("risky");
    expect((await node.db.select().from(reportPhotos).where(eq(reportPhotos.uploadId, a)))[0]?.hidden).toBe(true);
    expect(await (await push(traceOf(b), "error")).text()).toBe("success");
    expect((await node.db.select().from(uploads).where(eq(uploads.id, b)))[0]?.contentCheck).toBe("error");
    expect(await (await push(traceOf(b), "pass")).text()).toBe("success");
    expect((await node.db.select().from(uploads).where(eq(uploads.id, b)))[0]?.contentCheck).toBe("pass");
  });

  it("a check that cannot start (error, timeout) marks the upload 'error', never 'pass'", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    const token = await login(node.harness, "img-down");
    await controls.setContent({ media: "error" });
    const a = (await upload(node.app, token, sampleJpeg())).json.id as string;
    await controls.setContent({ media: "timeout" });
    const b = (await upload(node.app, token, sampleJpeg())).json.id as string;
    for (const id of [a, b]) {
      const [row] = await node.db.select().from(uploads).where(eq(uploads.id, id));
      expect(row).toMatchObject({ contentCheck: "error", checkTraceId: null });
    }
  });

  it("demo mode (DEV_LOGIN on, no callback token) accepts unsigned pushes", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    const demo = createApp({
      ...node.deps,
      config: { ...node.deps.config, notifications: { ...node.deps.config.notifications, callbackToken: "" } },
    });
    const token = await login(node.harness, "img-demo");
    const id = (await upload(node.app, token, sampleJpeg())).json.id as string;
    const [row] = await node.db.select().from(uploads).where(eq(uploads.id, id));
    const p = await signedMediaCheckPush({ trace_id: row?.checkTraceId as string, suggest: "pass" });
    const res = await demo.request("/wechat/media-check", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(p.body),
    });
    expect(await res.text()).toBe("success");
    expect((await node.db.select().from(uploads).where(eq(uploads.id, id)))[0]?.contentCheck).toBe("pass");
    // With a token configured the same unsigned push is refused.
    expect(
      (
        await node.app.request("/wechat/media-check", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(p.body),
        })
      ).status,
    ).toBe(403);
  });

  it("stores nothing for a refused file, and nothing when the blob write fails", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    const puts: string[] = [];
    const recording = createApp({
      ...node.deps,
      blobs: {
        ...node.deps.blobs,
        put: async (k, d, t) => {
          puts.push(k);
          await node.deps.blobs.put(k, d, t);
        },
      },
    });
    const token = await login(node.harness, "img-refused");
    for (const bad of [elfExecutable(), svgImage(), jpegZipPolyglot(), oversizeJpeg()]) {
      const res = await upload(recording, token, bad);
      expect(res.status).toBeGreaterThanOrEqual(413);
      expect(res.json.id).toBeUndefined();
    }
    expect(puts).toEqual([]);
    expect(node.sqlite.prepare("select count(*) as n from uploads").get()).toEqual({ n: 0 });
    const broken = createApp({
      ...node.deps,
      blobs: {
        ...node.deps.blobs,
        put: async () => {
          throw new Error("disk full");
        },
      },
    });
    expect((await upload(broken, token, sampleJpeg())).status).toBe(500);
    expect(node.sqlite.prepare("select count(*) as n from uploads").get()).toEqual({ n: 0 });
    expect((await upload(recording, token, sampleJpeg())).status).toBe(201);
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatch(/^photos\/[0-9a-f-]{36}-jpg$/);
    expect(node.sqlite.prepare("select owner_id is not null as owned, content_check from uploads").get()).toEqual({
      owned: 1,
      content_check: "pending",
    });
  });
});

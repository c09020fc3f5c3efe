import { type KpiResponse, type QueueResponse, REOPEN_RATE_BASIS, type ReportDetail } from "@civic/shared";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_APPID, FAKE_SECRET, type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { type WechatControls, wechatControls } from "../fakes/wechat-controls";
import { launchPhoneBrowser, type PhoneBrowser } from "../support/chromium";
import { type CivicServer, freePort, startCivicServer } from "../support/civic-server";
import { sampleJpeg } from "../support/images";
import { miniappDist } from "../support/paths";
import { appActions, isApi } from "./app-actions";
import { answerTo, screenshot, watchForProblems } from "./story";

/*
 * Issue 8, bureau staff, in the H5 build in real Chromium against the real Node API (demo data) and the fake
 * WeChat: a report whose text and photo WeChat could not clear is held — the public sees nothing of it; the
 * moderator's 立案 is refused naming what is held; they pass the text and the photo (复核通过), then accept
 * with an internal note and a public reply; the resident's timeline shows only the reply. The queue lists
 * overdue and held cases first; the KPI chart's dates read MM-DD every few days, and 重开率 states its base.
 */

const CALLBACK_TOKEN = "civic-e2e-staff-callback";
const SPOT = { lat: 31.3152, lng: 120.6288 };
const DESCRIPTION = "桥洞下有人摆摊卖不明来源的药品";
const INTERNAL_NOTE = "请姑苏片区今天内清除";
const REPLY = "已受理，我们会尽快派人处理";

let fake: FakeWechat;
let wechat: WechatControls;
let server: CivicServer;
let browser: PhoneBrowser;
let page: Page;
let problems: string[];
let reportId: string;
let photoId: string;
let residentToken: string;

const { shown, textOf, texts, openFresh, loginAs } = appActions(() => page);

async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: the story reads answers freely
  return { status: res.status, json: (text ? JSON.parse(text) : null) as any };
}

beforeAll(async () => {
  fake = await startFakeWechat();
  wechat = wechatControls(fake.url);
  const port = await freePort();
  server = await startCivicServer({
    staticDir: miniappDist("h5"),
    port,
    dispatchIntervalMs: 200,
    env: {
      WECHAT_API_BASE: fake.url,
      WECHAT_APPID: FAKE_APPID,
      WECHAT_SECRET: FAKE_SECRET,
      WECHAT_CALLBACK_TOKEN: CALLBACK_TOKEN,
      WECHAT_TIMEOUT_MS: "2000",
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    },
  });
  await wechat.setCallbackUrl(`${server.url}/wechat/media-check`, CALLBACK_TOKEN);
  browser = await launchPhoneBrowser({ baseURL: server.url });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
  problems = watchForProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fake?.close();
  if (problems?.length) console.log(`problems seen in the page:\n${problems.join("\n")}`);
});

describe("E2E (H5 in Chromium): bureau staff — notes vs replies, 复核通过, queue order, KPI charts", () => {
  it("a report WeChat could not clear is held: the public sees nothing of it", async () => {
    // WeChat answers "review" for both the text and the image: a human must look.
    await wechat.setContent({ text: "review", media: "review" });
    residentToken = (await api("/api/v1/auth/dev-login", { method: "POST", body: { openid: "demo-resident" } })).json.token;
    const form = new FormData();
    form.append("file", new Blob([sampleJpeg() as BlobPart], { type: "image/jpeg" }), "stall.jpg");
    const up = await fetch(`${server.url}/api/v1/uploads`, {
      method: "POST",
      headers: { authorization: `Bearer ${residentToken}` },
      body: form,
    });
    photoId = ((await up.json()) as { id: string }).id;
    const filed = await api("/api/v1/reports", {
      method: "POST",
      token: residentToken,
      body: { category: "illegal_posters", description: DESCRIPTION, photoIds: [photoId], location: SPOT, address: "平江路桥洞" },
    });
    expect(filed.status).toBe(201);
    reportId = filed.json.id;
    await wechat.setContent({ text: "auto", media: "pass" });
    expect((await api(`/api/v1/reports/${reportId}`)).status).toBe(404);
    const near = await api(`/api/v1/reports/public?lat=${SPOT.lat}&lng=${SPOT.lng}&radius=3000&limit=100`);
    expect(JSON.stringify(near.json)).not.toContain(DESCRIPTION);
  });

  it("the queue puts overdue cases first, then held ones; 待复核 finds the held case", async () => {
    await loginAs("moderator");
    await shown(".moderation-entry").click();
    await shown(".moderation-queue-page .queue-item").first().waitFor();
    const items = await page
      .locator(".moderation-queue-page .queue-item")
      .filter({ visible: true })
      .evaluateAll((els) =>
        els.map((e) => ({ held: e.classList.contains("queue-item--held"), overdue: e.classList.contains("queue-item--overdue") })),
      );
    const rank = (i: { held: boolean; overdue: boolean }) => (i.overdue ? 0 : i.held ? 1 : 2);
    const ranks = items.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(await textOf(".queue-filters__summary")).toContain("筛选：全部待办");
    await screenshot(page, "staff-01-queue-folded");

    await shown(".queue-filters__summary").click();
    const held = await answerTo<QueueResponse>(
      page,
      (u) => u.pathname === "/api/v1/moderation/reports" && u.searchParams.get("held") === "true",
      () => shown(".queue-filter-held").click(),
    );
    expect(held.body.reports.every((r) => r.held)).toBe(true);
    expect(held.body.reports.map((r) => r.id)).toContain(reportId);
    await screenshot(page, "staff-02-queue-held-filter");
  });

  it("立案 is refused while the text and photo are held, saying what to review", async () => {
    const item = shown(`.queue-item[data-id="${reportId}"]`);
    await answerTo<ReportDetail>(page, isApi(`/api/v1/moderation/reports/${reportId}`), () => item.click());
    await shown(".moderation-report-page .case-layout").waitFor();
    expect(await textOf(".text-review--held .badge-held")).toContain("描述待人工复核");
    expect(await shown(`.report-photo[data-id="${photoId}"] .photo-held`).count()).toBe(1);
    expect(await textOf(".report-sla")).toMatch(/^受理期限 /);

    await shown(".action-accept").click();
    await shown(".action-form-accept").waitFor();
    expect(await texts(".action-form-accept .field-label")).toEqual(["答复市民（公开，可选）", "内部备注（仅工作人员可见，可选）"]);
    const refused = page.waitForResponse((r) => r.url().endsWith(`/moderation/reports/${reportId}/accept`));
    await shown(".action-confirm").click();
    expect((await refused).status()).toBe(409);
    expect(await textOf(".action-error")).toBe("还有内容待人工复核：描述、1 张照片。请先逐项“复核通过”或隐藏/修改，再立案。");
    await screenshot(page, "staff-03-accept-refused-held");
    await shown(".action-cancel").click();
  });

  it("复核通过 for the text and the photo, then 立案 with an internal note and a public reply", async () => {
    const text = await answerTo<ReportDetail>(
      page,
      isApi(`/api/v1/moderation/reports/${reportId}/text/pass`),
      () => shown(".text-pass").click(),
      "POST",
    );
    expect(text.body.textHeld).toBe(false);
    await shown(".text-review--cleared").waitFor();
    const photo = await answerTo<ReportDetail>(
      page,
      isApi(`/api/v1/moderation/reports/${reportId}/photos/${photoId}/pass`),
      () => shown(`.report-photo[data-id="${photoId}"] .photo-pass`).click(),
      "POST",
    );
    expect(photo.body.held).toBe(false);
    await shown(`.report-photo[data-id="${photoId}"] .photo-reviewed`).waitFor();

    await shown(".action-accept").click();
    await shown(".action-form-accept .action-reply").waitFor();
    await shown(".action-form-accept .action-reply textarea").fill(REPLY);
    await shown(".action-form-accept .action-note textarea").fill(INTERNAL_NOTE);
    await screenshot(page, "staff-04-accept-form-labelled");
    const accepted = await answerTo<ReportDetail>(
      page,
      isApi(`/api/v1/moderation/reports/${reportId}/accept`),
      () => shown(".action-confirm").click(),
      "POST",
    );
    expect(accepted.sent).toEqual({ note: INTERNAL_NOTE, reply: REPLY });
    expect(accepted.body.status).toBe("accepted");
    await expect.poll(() => textOf(".report-sla")).toMatch(/^处置时限 /);
    const entry = shown(".moderation-report-page .timeline-entry--accept");
    await entry.waitFor();
    expect(await textOf(".timeline-entry--accept .timeline-reply")).toBe(`答复市民${REPLY}`);
    expect(await textOf(".timeline-entry--accept .timeline-note")).toBe(`内部备注${INTERNAL_NOTE}`);
    await screenshot(page, "staff-05-accepted-timeline");
  });

  it("the resident's timeline shows the reply, never the internal note; the public now sees the passed text and photo", async () => {
    const pub = await api(`/api/v1/reports/${reportId}`);
    expect(pub.json.description).toBe(DESCRIPTION);
    expect(pub.json.photos.map((p: { id: string }) => p.id)).toEqual([photoId]);
    expect(JSON.stringify(pub.json)).not.toContain(INTERNAL_NOTE);

    await loginAs("resident");
    await openFresh(`/pages/reports/detail?id=${reportId}`);
    await shown(".report-detail-page .report-timeline").waitFor();
    await expect.poll(() => texts(".report-timeline .timeline-reply")).toEqual([`答复：${REPLY}`]);
    expect(await page.locator("body").textContent()).not.toContain(INTERNAL_NOTE);
    await screenshot(page, "staff-06-resident-sees-reply-only");
  });

  it("the KPI chart labels its days MM-DD every few days and states the 重开率 base", async () => {
    await loginAs("moderator");
    await shown(".moderation-entry").click();
    const kpis = await answerTo<KpiResponse>(page, isApi("/api/v1/moderation/kpis"), () => shown(".kpi-link").click());
    await shown(".kpi-chart-daily .daily-bar").first().waitFor();
    const labels = await page
      // Unlabelled days have an empty (zero-size, so "invisible") label: count them all.
      .locator(".kpi-page .kpi-chart-daily .daily-bar__date")
      .evaluateAll((els) => els.map((e) => (e.textContent ?? "").trim()));
    expect(labels).toHaveLength(kpis.body.daily.length);
    const written = labels.filter(Boolean);
    expect(written.length).toBeGreaterThan(1);
    expect(written.length).toBeLessThanOrEqual(7);
    for (const l of written) expect(l).toMatch(/^\d{2}-\d{2}$/);
    // The latest day is always labelled.
    expect(labels.at(-1)).toBe(kpis.body.daily.at(-1)?.date.slice(5));
    // Labels do not overlap one another.
    const boxes = await page
      .locator(".kpi-chart-daily .daily-bar__date")
      .filter({ hasText: /\d/ })
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]));
    for (let i = 1; i < boxes.length; i++)
      expect((boxes[i] as number[])[0]).toBeGreaterThanOrEqual((boxes[i - 1] as number[])[1] as number);
    expect(await textOf(".kpi-tiles .kpi-reopen-basis")).toBe(REOPEN_RATE_BASIS);
    await screenshot(page, "staff-07-kpi-chart-labels");
  });
});

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  distanceMetres,
  gcj02ToWgs84,
  type InboxResponse,
  type KpiResponse,
  type MyReportsResponse,
  type QueueResponse,
  type ReportDetail,
  type UploadResponse,
} from "@civic/shared";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_APPID, FAKE_SECRET, type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { type WechatControls, wechatControls } from "../fakes/wechat-controls";
import { launchPhoneBrowser, type PhoneBrowser } from "../support/chromium";
import { type CivicServer, freePort, startCivicServer } from "../support/civic-server";
import { sampleJpeg } from "../support/images";
import { miniappDist } from "../support/paths";
import { freshTempDir } from "../support/temp-dirs";
import { appActions, isApi } from "./app-actions";
import { answerTo, screenshot, watchForProblems } from "./story";

/*
 * The closed loop of 随手拍 in the H5 build, in real Chromium, against the real Node API (temporary
 * database with the Suzhou demo data) and the loopback fake of WeChat's server API (text check, the
 * asynchronous image check with its signed push back to /wechat/media-check):
 *   a moderator reads the KPI page; a resident files a report with a photo; the moderator accepts,
 *   dispatches and resolves it with an after-photo; the resident reads the timeline, rates it and finds
 *   the status messages in 消息; the moderator closes the case and the KPI page counts it.
 * One phone (browser) and one server for the whole story; the actors take turns through the demo login.
 */

/** 牛皮癣 on a lamp post near 平江路, Suzhou, in GCJ-02 (what the API stores). */
const SPOT = { lat: 31.3152, lng: 120.6288 };
/** Browsers report WGS-84; the app converts to GCJ-02, so the phone "stands" at the WGS-84 twin of SPOT. */
const PHONE_POSITION = gcj02ToWgs84(SPOT);
const CATEGORY = { code: "illegal_posters", name: "牛皮癣小广告", search: "牛皮癣", department: "市容管理科" };
const ADDRESS = "平江路 88 号门口电线杆";
const DESCRIPTION = "电线杆上贴满了办证小广告，还有人往墙上喷电话号码";
const RESOLUTION_NOTE = "已清除电线杆和墙面上的小广告，并喷涂防贴漆";
const RATING_COMMENT = "处理很快，谢谢";
const CALLBACK_TOKEN = "civic-e2e-callback-token";
/** The demo role picker signs in `demo-<role>`; the server stores it as `dev:demo-<role>`. */
const RESIDENT_OPENID = "dev:demo-resident";

let fake: FakeWechat;
let wechat: WechatControls;
let server: CivicServer;
let browser: PhoneBrowser;
let page: Page;
let problems: string[];
const photos = freshTempDir("e2e-photos");
let beforePhoto: string;
let afterPhoto: string;

let kpiBefore: KpiResponse;
let reportId: string;
let reportPhotoId: string;
let resolutionPhotoId: string;

const { shown, texts, textIn, textOf, openFresh, loginAs } = appActions(() => page);

/** Taps `button`, answers the file chooser it opens (Taro H5's chooseMedia) with `file`. */
async function choosePhoto(button: Locator, file: string): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await button.click();
  await (await chooser).setFiles(file);
}

/** The KPI tiles as the page shows them. */
async function kpiTiles() {
  return {
    cases: await textOf(".kpi-cases .kpi-value"),
    casesCount: await textOf(".kpi-cases .kpi-count"),
    closureRate: await textOf(".kpi-closure-rate .kpi-value"),
    closureCount: await textOf(".kpi-closure-rate .kpi-count"),
    satisfactionCount: await textOf(".kpi-satisfaction-rate .kpi-count"),
  };
}

/** How the page must write a rate (0.756 → "75.6%"), written out independently of the app's formatter. */
const asPercent = (rate: number | null) => {
  if (rate === null) return "—";
  const tenths = Math.round(rate * 1000);
  return `${Math.floor(tenths / 10)}${tenths % 10 === 0 ? "" : `.${tenths % 10}`}%`;
};

const expectedTiles = (k: KpiResponse) => ({
  cases: String(k.overall.cases),
  casesCount: `已结案 ${k.overall.closed} 件`,
  closureRate: asPercent(k.overall.closureRate),
  closureCount: `${k.overall.closed} / ${k.overall.cases} 件`,
  satisfactionCount: `${k.overall.rated} 条评价`,
});

const todayOf = (k: KpiResponse) => k.daily.find((d) => d.date === k.to) ?? { cases: 0, closed: 0 };

/** The case page's action: open its panel, fill it, confirm; returns the API's answer. */
async function caseAction(name: string, fill: () => Promise<void> = async () => {}): Promise<ReportDetail> {
  await shown(`.action-${name}`).click();
  await shown(`.action-form-${name}`).waitFor();
  await fill();
  const answer = await answerTo<ReportDetail>(
    page,
    isApi(`/api/v1/moderation/reports/${reportId}/${name}`),
    () => shown(".action-confirm").click(),
    "POST",
  );
  expect(answer.status).toBe(200);
  await expect.poll(() => shown(`.action-form-${name}`).count()).toBe(0);
  return answer.body;
}

/**
 * 我的 → 随手拍案件处理 → the status chip → the case's card, paging with 加载更多 until it shows
 * (the queue is most urgent first, 20 at a time).
 */
async function findInQueue(status: string): Promise<Locator> {
  await shown(".moderation-entry").click();
  await shown(".moderation-queue-page .queue-filters").waitFor();
  // The filter panel is folded to one line until tapped.
  if ((await shown(".queue-filters.is-folded").count()) > 0) await shown(".queue-filters__summary").click();
  const isQueue = (u: URL) => u.pathname === "/api/v1/moderation/reports" && u.searchParams.get("status") === status;
  let listed = (await answerTo<QueueResponse>(page, isQueue, () => shown(`.status-chip-${status}`).click())).body.reports.length;
  await expect.poll(() => shown(".queue-item").count()).toBe(listed);
  const item = shown(`.queue-item[data-id="${reportId}"]`);
  while ((await item.count()) === 0) {
    if ((await shown(".queue-load-more").count()) === 0) throw new Error(`report ${reportId} is not in the queue of status ${status}`);
    listed += (await answerTo<QueueResponse>(page, isQueue, () => shown(".queue-load-more").click())).body.reports.length;
    await expect.poll(() => shown(".queue-item").count()).toBe(listed);
  }
  return item;
}

const staffTimeline = () => texts(".moderation-report-page .timeline-entry .timeline-action");

beforeAll(async () => {
  beforePhoto = join(photos.path, "poster-on-lamp-post.jpg");
  afterPhoto = join(photos.path, "lamp-post-cleaned.jpg");
  writeFileSync(beforePhoto, sampleJpeg());
  writeFileSync(afterPhoto, sampleJpeg());

  fake = await startFakeWechat();
  wechat = wechatControls(fake.url);
  // PUBLIC_BASE_URL names the server before it starts: take a free port first.
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
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
      PUBLIC_BASE_URL: origin,
    },
  });
  expect(server.url).toBe(origin);
  // The fake pushes each image verdict ('pass' by default), signed, to our callback.
  await wechat.setCallbackUrl(`${server.url}/wechat/media-check`, CALLBACK_TOKEN);

  browser = await launchPhoneBrowser({ baseURL: server.url, geolocation: { latitude: PHONE_POSITION.lat, longitude: PHONE_POSITION.lng } });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
  problems = watchForProblems(page);
  console.log(`E2E against ${server.url}, fake WeChat at ${fake.url}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fake?.close();
  photos.remove();
  if (problems?.length) console.log(`problems seen in the page:\n${problems.join("\n")}`);
});

describe("E2E (H5 in Chromium): 随手拍 closed loop — report, accept, dispatch, resolve, rate, close, KPIs", () => {
  it("a moderator reads the KPI dashboard before the story (demo cases only)", async () => {
    await loginAs("moderator");
    await shown(".moderation-entry").click();
    await shown(".moderation-queue-page .kpi-link").waitFor();
    const answer = await answerTo<KpiResponse>(page, isApi("/api/v1/moderation/kpis"), () => shown(".kpi-link").click());
    kpiBefore = answer.body;
    expect(kpiBefore.overall.cases).toBeGreaterThan(0);
    await shown(".kpi-page .kpi-tile").first().waitFor();
    expect(await kpiTiles()).toEqual(expectedTiles(kpiBefore));
    await screenshot(page, "report-01-kpis-before");
  });

  it("a resident opens 随手拍 from the home page and finds the category by searching", async () => {
    await loginAs("resident");
    await page.getByText("首页", { exact: true }).last().click();
    await shown(".service-report").click();
    await shown(".report-wizard-page .category-step").waitFor();
    expect(await shown(".category-item").count()).toBeGreaterThan(20);
    expect(await shown(".wizard-step--category").getAttribute("class")).toContain("is-current");

    await shown(".category-search input").fill(CATEGORY.search);
    await expect
      .poll(() => shown(".category-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-code"))))
      .toEqual([CATEGORY.code]);
    expect(await texts(".category-item .category-item__name")).toEqual([CATEGORY.name]);
    await screenshot(page, "report-02-category-search");

    await shown(`.category-item[data-code="${CATEGORY.code}"]`).click();
    await shown(".photo-step").waitFor();
    expect(await shown(".wizard-step--category").getAttribute("class")).toContain("is-done");
    // Enabled buttons are readable: Taro's H5 Button turns disabled={false} into a disabled="false"
    // attribute that its own [disabled] style fades, so the app passes true or nothing.
    const back = shown(".wizard-back");
    expect(await back.getAttribute("disabled")).toBeNull();
    expect(await back.evaluate((el) => [getComputedStyle(el).opacity, getComputedStyle(el).color])).toEqual(["1", "rgb(31, 42, 36)"]);
  });

  it("adds a photo, which uploads and goes to WeChat's image check with a URL WeChat can fetch", async () => {
    // No photo yet: the wizard says why it cannot go on.
    await shown(".wizard-next").click();
    expect(await textOf(".wizard-problem")).toBe("请至少拍一张现场照片");

    const upload = await answerTo<UploadResponse>(
      page,
      isApi("/api/v1/uploads"),
      () => choosePhoto(shown(".photo-add"), beforePhoto),
      "POST",
    );
    expect(upload.status).toBe(201);
    expect(upload.body.contentType).toBe("image/jpeg");
    reportPhotoId = upload.body.id;
    await shown(".photo-item.photo-item--done").waitFor();
    expect(await textOf(".photo-item--done .photo-done")).toBe("已上传");
    expect(await textOf(".photo-count")).toBe("已选 1/9 张");
    await screenshot(page, "report-03-photo-uploaded");

    // mediaCheckAsync got an absolute signed URL on PUBLIC_BASE_URL, and that URL serves the photo.
    await expect.poll(async () => (await wechat.mediaChecks()).length).toBe(1);
    const [check] = await wechat.mediaChecks();
    expect(check?.openid).toBe(RESIDENT_OPENID);
    expect(check?.media_url.startsWith(`${server.url}/api/v1/uploads/${reportPhotoId}/content?`)).toBe(true);
    const fetched = await fetch(check?.media_url ?? "");
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("content-type")).toBe("image/jpeg");
  });

  it("sets the place from the phone's position and an address, then describes the problem", async () => {
    await shown(".wizard-next").click();
    await shown(".location-step").waitFor();
    await shown(".wizard-next").click();
    expect(await textOf(".wizard-problem")).toBe("请选择问题所在的位置");

    await shown(".locate-me").click();
    await shown(".location-summary").waitFor();
    expect(await textOf(".location-summary__label")).toBe("我的当前位置");
    await shown(".address-input input").fill(ADDRESS);
    await screenshot(page, "report-04-location");

    await shown(".wizard-next").click();
    await shown(".details-step").waitFor();
    await shown(".description-input textarea").fill(DESCRIPTION);
    await expect.poll(() => textOf(".description-count")).toBe(`${DESCRIPTION.length}/1000`);
    await screenshot(page, "report-05-details");
  });

  it("sees no similar report nearby on the confirm step and submits; the detail page shows 待受理", async () => {
    const duplicates = await answerTo<{ candidates: unknown[] }>(page, isApi("/api/v1/reports/duplicates"), () =>
      shown(".wizard-next").click(),
    );
    expect(duplicates.body.candidates).toEqual([]);
    await shown(".confirm-step .no-duplicates").waitFor();
    const summary = await textOf(".report-summary");
    for (const part of [CATEGORY.name, "照片：1 张", ADDRESS, DESCRIPTION]) expect(summary).toContain(part);
    await screenshot(page, "report-06-confirm");

    const created = await answerTo<ReportDetail>(page, isApi("/api/v1/reports"), () => shown(".report-submit").click(), "POST");
    expect(created.status).toBe(201);
    const sent = created.sent as { photoIds: string[]; location: { lat: number; lng: number }; locationSource: string; category: string };
    expect(sent.photoIds).toEqual([reportPhotoId]);
    expect(sent.category).toBe(CATEGORY.code);
    expect(sent.locationSource).toBe("gps");
    // The browser's WGS-84 fix went out as GCJ-02: the spot itself, not ~500 m off.
    expect(distanceMetres(sent.location, SPOT)).toBeLessThan(5);
    const report = created.body;
    reportId = report.id;
    expect(report.status).toBe("submitted");
    expect(report.viewer).toBe("reporter");
    expect(report.photos.map((p) => p.id)).toEqual([reportPhotoId]);
    expect(report.location.lat).toBeCloseTo(sent.location.lat, 6);
    expect(report.location.lng).toBeCloseTo(sent.location.lng, 6);
    expect(report.timeline.map((e) => e.action)).toEqual(["submit"]);

    await shown(".report-detail-page .report-detail").waitFor();
    expect(page.url()).toContain(`pages/reports/detail?id=${reportId}`);
    expect(await texts(".report-detail .status-badge")).toEqual(["待受理"]);
    expect(await shown(".report-detail .status-badge--submitted").count()).toBe(1);
    expect(await texts(".report-detail .report-category")).toEqual([CATEGORY.name]);
    expect(await texts(".report-timeline .timeline-action")).toEqual(["提交上报"]);
    // The photo is shown from its signed URL, decoded by the browser.
    await expect
      .poll(() => shown(".report-photos .report-photo img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)))
      .toEqual([8]);
    await screenshot(page, "report-07-submitted");
  });

  it("a moderator finds it in the queue and opens the case: text and photo checks passed", async () => {
    await loginAs("moderator");
    const item = await findInQueue("submitted");
    expect(await item.getAttribute("class")).not.toContain("queue-item--held");
    expect(await textIn(item.locator(".queue-category"))).toBe(CATEGORY.name);
    expect(await textIn(item.locator(".queue-status"))).toBe("待受理");
    expect(await item.locator(".queue-thumb img").count()).toBe(1);
    await item.scrollIntoViewIfNeeded();
    await screenshot(page, "report-08-queue");

    const opened = await answerTo<ReportDetail>(page, isApi(`/api/v1/moderation/reports/${reportId}`), () => item.click());
    expect(opened.body.viewer).toBe("staff");
    await shown(".moderation-report-page .case-layout").waitFor();
    expect(await shown(".report-status").getAttribute("class")).toContain("status-submitted");
    // Staff name the case by its number (案件编号), not the UUID.
    expect(await textOf(".case-id")).toMatch(/^案件编号 \d{8}-\d{4}$/);
    expect(await textOf(".moderation-report-page .report-description")).toBe(DESCRIPTION);
    // msgSecCheck said pass; mediaCheckAsync's signed push said pass.
    expect(await shown(".text-check--pass").count()).toBe(1);
    expect(await shown(`.report-photo--report[data-id="${reportPhotoId}"] .photo-check--pass`).count()).toBe(1);
    expect(await staffTimeline()).toEqual(["提交上报"]);
    await screenshot(page, "report-09-case-submitted");
  });

  it("accepts (立案): the status becomes 已立案 and the SLA clock starts", async () => {
    const accepted = await caseAction("accept");
    expect(accepted.status).toBe("accepted");
    expect(accepted.slaDueAt).not.toBeNull();
    await expect.poll(() => shown(".report-status").getAttribute("class")).toContain("status-accepted");
    expect(await textOf(".report-status")).toBe("已立案");
    expect(await textOf(".action-done")).toBe("已立案");
    expect(await textOf(".report-sla")).toMatch(/^处置时限 /);
    expect(await staffTimeline()).toEqual(["提交上报", "受理立案"]);
    await screenshot(page, "report-10-accepted");
  });

  it("dispatches (派遣) to the category's department picked from the presets", async () => {
    const dispatched = await caseAction("dispatch", async () => {
      // Prefilled with the category's department; the preset chip picks the same one.
      expect(await shown(".department-input input").inputValue()).toBe(CATEGORY.department);
      const preset = shown(".department-option").filter({ hasText: CATEGORY.department });
      await preset.click();
      expect(await preset.getAttribute("class")).toContain("is-active");
      await screenshot(page, "report-11-dispatch-form");
    });
    expect(dispatched.status).toBe("dispatched");
    expect(dispatched.department).toBe(CATEGORY.department);
    await expect.poll(() => shown(".report-status").getAttribute("class")).toContain("status-dispatched");
    expect(await textOf(".report-status")).toBe("处置中");
    expect(await textOf(".moderation-report-page .report-department .info-row__value")).toBe(CATEGORY.department);
    expect(await staffTimeline()).toEqual(["提交上报", "受理立案", "派遣处置"]);
    await screenshot(page, "report-12-dispatched");
  });

  it("resolves (处理反馈) with a note and an after-photo", async () => {
    const resolved = await caseAction("resolve", async () => {
      // The note is required: 确认 without it shows the problem beside the field.
      await shown(".action-confirm").click();
      expect(await textOf(".field-error-reply")).toBe("请填写处理结果");
      await shown(".resolve-note textarea").fill(RESOLUTION_NOTE);
      const upload = await answerTo<UploadResponse>(
        page,
        isApi("/api/v1/uploads"),
        () => choosePhoto(shown(".resolve-add-photo"), afterPhoto),
        "POST",
      );
      resolutionPhotoId = upload.body.id;
      await shown(".after-photo.after-photo--done").waitFor();
      await screenshot(page, "report-13-resolve-form");
    });
    expect(resolved.status).toBe("resolved");
    expect(resolved.resolutionNote).toBe(RESOLUTION_NOTE);
    expect(resolved.photos.filter((p) => p.kind === "resolution").map((p) => p.id)).toEqual([resolutionPhotoId]);
    await expect.poll(() => shown(".report-status").getAttribute("class")).toContain("status-resolved");
    expect(await textOf(".report-status")).toBe("已处理");
    expect(await textOf(".moderation-report-page .report-resolution .info-row__value")).toBe(RESOLUTION_NOTE);
    expect(await shown(`.report-photo--resolution[data-id="${resolutionPhotoId}"]`).count()).toBe(1);
    expect(await staffTimeline()).toEqual(["提交上报", "受理立案", "派遣处置", "处理反馈"]);
    await screenshot(page, "report-14-resolved");
  });

  it("the resident sees the whole timeline and the bureau's answer in 我的上报", async () => {
    await loginAs("resident");
    // Three status messages (立案, 派遣, 处理反馈) are waiting, filled in by the dispatcher.
    await expect.poll(async () => (await shown(".inbox-entry .unread-count").count()) && textOf(".inbox-entry .unread-count")).toBe("3");

    const mine = await answerTo<MyReportsResponse>(page, isApi("/api/v1/reports/mine"), () => shown(".my-reports-entry").click());
    expect(mine.body.reports.map((r) => r.id)).toEqual([reportId]);
    const item = shown(`.my-reports-page .report-item[data-id="${reportId}"]`);
    await item.waitFor();
    expect(await textIn(item.locator(".status-badge--resolved"))).toBe("已处理");
    expect(await textIn(item.locator(".report-relation--reporter"))).toBe("我反映的");
    await screenshot(page, "report-15-my-reports");

    const detail = await answerTo<ReportDetail>(page, isApi(`/api/v1/reports/${reportId}`), () => item.click());
    expect(detail.body.canRate).toBe(true);
    await shown(".report-detail-page .report-detail").waitFor();
    expect(await texts(".report-detail .status-badge")).toEqual(["已处理"]);
    expect(await texts(".report-timeline .timeline-action")).toEqual(["提交上报", "受理立案", "派遣处置", "处理反馈"]);
    // The 处理结果 is the bureau's public reply on the resident's timeline.
    expect(await texts(".report-timeline .timeline-entry--resolve .timeline-reply")).toEqual([`答复：${RESOLUTION_NOTE}`]);
    expect(await textOf(".report-resolution .resolution-note")).toBe(RESOLUTION_NOTE);
    expect(await shown(".resolution-photos .report-photo").count()).toBe(1);
    expect(await textOf(".report-detail .report-department .info-row__value")).toBe(CATEGORY.department);
    await shown(".rate-panel").waitFor();
    await screenshot(page, "report-16-resident-timeline");
  });

  it("rates the result 5 stars with a comment, and sees the rating", async () => {
    await shown(".rate-star-5").click();
    await expect.poll(() => shown(".rate-star.is-on").count()).toBe(5);
    await shown(".rate-comment textarea").fill(RATING_COMMENT);
    await screenshot(page, "report-17-rating");
    const rated = await answerTo<ReportDetail>(
      page,
      isApi(`/api/v1/reports/${reportId}/rate`),
      () => shown(".rate-submit").click(),
      "POST",
    );
    expect((rated.sent as { rating: number; comment: string }).rating).toBe(5);
    expect(rated.body.rating).toBe(5);
    expect(rated.body.ratingComment).toBe(RATING_COMMENT);
    expect(rated.body.canRate).toBe(false);

    await shown(".report-detail .report-rating").waitFor();
    expect(await textOf(".report-detail .report-rating .info-row__value")).toBe(`★★★★★ ${RATING_COMMENT}`);
    await expect.poll(() => shown(".rate-panel").count()).toBe(0);
    await screenshot(page, "report-18-rated");
  });

  it("finds the status updates in 消息 and opens the report from one", async () => {
    await openFresh("/pages/me/index");
    const inbox = await answerTo<InboxResponse>(page, isApi("/api/v1/inbox"), () => shown(".inbox-entry").click());
    const mine = inbox.body.messages.filter((m) => m.reportId === reportId);
    expect(mine.map((m) => m.title).sort()).toEqual(
      [`${CATEGORY.name}：受理立案`, `${CATEGORY.name}：处理反馈`, `${CATEGORY.name}：派遣处置`].sort(),
    );
    expect(inbox.body.unread).toBe(3);
    await shown(".inbox-page .inbox-item").first().waitFor();
    expect((await texts(".inbox-item .inbox-title")).sort()).toEqual(mine.map((m) => m.title).sort());
    expect(await shown(".inbox-item.is-unread").count()).toBe(3);
    expect(await textOf(".inbox-page .page-subtitle")).toBe("3 条未读");
    await screenshot(page, "report-19-inbox");

    // H5 cannot ask for WeChat subscribe messages: everything went to the in-app inbox, nothing to WeChat.
    expect((await wechat.messages()).filter((m) => m.touser === RESIDENT_OPENID)).toEqual([]);

    const resolveMessage = mine.find((m) => m.title.endsWith("处理反馈"));
    const read = answerTo<null>(page, isApi(`/api/v1/inbox/${resolveMessage?.id}/read`), async () => {}, "POST");
    await shown(`.inbox-item[data-id="${resolveMessage?.id}"]`).click();
    expect((await read).status).toBe(204);
    await shown(".report-detail-page .report-detail").waitFor();
    expect(page.url()).toContain(`pages/reports/detail?id=${reportId}`);
  });

  it("the moderator closes the case (核查结案) after reading the rating", async () => {
    await loginAs("moderator");
    const item = await findInQueue("resolved");
    expect(await textIn(item.locator(".queue-status"))).toBe("已处理");
    await answerTo<ReportDetail>(page, isApi(`/api/v1/moderation/reports/${reportId}`), () => item.click());
    await shown(".moderation-report-page .case-layout").waitFor();
    expect(await textOf(".moderation-report-page .report-rating .info-row__value")).toBe(`5 星：${RATING_COMMENT}`);

    const closed = await caseAction("close");
    expect(closed.status).toBe("closed");
    await expect.poll(() => shown(".report-status").getAttribute("class")).toContain("status-closed");
    expect(await textOf(".report-status")).toBe("已结案");
    const timeline = await staffTimeline();
    expect(timeline[0]).toBe("提交上报");
    expect(timeline.at(-1)).toBe("核查结案");
    expect(timeline).toEqual(expect.arrayContaining(["受理立案", "派遣处置", "处理反馈", "评价"]));
    await screenshot(page, "report-20-closed");
  });

  it("the KPI dashboard counts the case: one more case, one more closed, one more rating", async () => {
    const answer = await answerTo<KpiResponse>(page, isApi("/api/v1/moderation/kpis"), () => openFresh("/packages/moderation/kpis/index"));
    const after = answer.body;
    expect({ from: after.from, to: after.to }).toEqual({ from: kpiBefore.from, to: kpiBefore.to });
    expect(after.overall.cases).toBe(kpiBefore.overall.cases + 1);
    expect(after.overall.closed).toBe(kpiBefore.overall.closed + 1);
    expect(after.overall.closedOnTime).toBe(kpiBefore.overall.closedOnTime + 1);
    expect(after.overall.rated).toBe(kpiBefore.overall.rated + 1);
    expect(after.overall.closureRate).toBeCloseTo(after.overall.closed / after.overall.cases, 10);
    expect(todayOf(after).cases).toBe(todayOf(kpiBefore).cases + 1);
    expect(todayOf(after).closed).toBe(todayOf(kpiBefore).closed + 1);

    await shown(".kpi-page .kpi-tile").first().waitFor();
    expect(await kpiTiles()).toEqual(expectedTiles(after));
    const bar = shown(`.kpi-chart-daily .daily-bar[data-date="${after.to}"]`);
    expect(await bar.getAttribute("data-cases")).toBe(String(todayOf(after).cases));
    expect(await bar.getAttribute("data-closed")).toBe(String(todayOf(after).closed));
    await screenshot(page, "report-21-kpis-after");
  });

  it("saw no errors in the page", () => {
    expect(problems).toEqual([]);
  });
});

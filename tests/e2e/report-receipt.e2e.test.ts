import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  DEFAULT_CITY,
  gcj02ToWgs84,
  type PublicReportsResponse,
  type ReportDetail,
  resolvePlace,
  type UploadResponse,
} from "@civic/shared";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_APPID, FAKE_SECRET, type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { launchPhoneBrowser, type PhoneBrowser } from "../support/chromium";
import { type CivicServer, startCivicServer } from "../support/civic-server";
import { sampleJpeg } from "../support/images";
import { miniappDist } from "../support/paths";
import { freshTempDir } from "../support/temp-dirs";
import { answerTo, screenshot, watchForProblems } from "./story";

/*
 * The resident's report, from the wizard to the receipt, in the H5 build in Chromium against the real Node
 * API (demo data): the place on the map with its district and street; browser back at step 3 asks first;
 * leaving keeps the draft, which the wizard offers back; submitting shows the receipt with the case
 * number and the first-response due time. Then the public map and detail: "N 人反映" counts the reporter,
 * 我也遇到了 only on open cases, and another person's rating is 市民评价.
 */

/** 平江路, Suzhou, in GCJ-02; the phone reports its WGS-84 twin. */
const SPOT = { lat: 31.3152, lng: 120.6288 };
const PHONE = gcj02ToWgs84(SPOT);
const CATEGORY = "illegal_posters";
const ADDRESS = "平江路 66 号旁的电线杆";
const DESCRIPTION = "电线杆上又贴满了小广告";

let fake: FakeWechat;
let server: CivicServer;
let browser: PhoneBrowser;
let page: Page;
let problems: string[];
const photos = freshTempDir("e2e-receipt-photos");
let photoFile: string;
let photoId: string;

const shown = (selector: string): Locator => page.locator(selector).filter({ visible: true });
const textOf = async (selector: string) => ((await shown(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();
const isApi = (path: string) => (u: URL) => u.pathname === path;

async function loginResident(): Promise<void> {
  await page.goto("/?visit=1#/pages/me/index");
  await shown(".me-page .login-prompt").click();
  await shown(".role-resident").click();
  await answerTo(page, isApi("/api/v1/auth/dev-login"), () => shown(".login-submit").click());
  await shown(".me-page .profile .user-role-resident").waitFor();
}

async function openWizardFromHome(): Promise<void> {
  await page.getByText("首页", { exact: true }).last().click();
  await shown(".service-report").click();
  await shown(".report-wizard-page").waitFor();
}

/** Where the pin should name: the city's own boundaries, read independently of the page. */
function expectedPlace(p: { lat: number; lng: number }): string {
  const place = resolvePlace(DEFAULT_CITY, p);
  if (!place) throw new Error("the spot must lie inside the city");
  return place.street ? `${place.district.name} · ${place.street.name}` : place.district.name;
}

beforeAll(async () => {
  photoFile = join(photos.path, "posters.jpg");
  writeFileSync(photoFile, sampleJpeg());
  fake = await startFakeWechat();
  server = await startCivicServer({
    staticDir: miniappDist("h5"),
    env: { WECHAT_API_BASE: fake.url, WECHAT_APPID: FAKE_APPID, WECHAT_SECRET: FAKE_SECRET, WECHAT_TIMEOUT_MS: "2000" },
  });
  browser = await launchPhoneBrowser({ baseURL: server.url, geolocation: { latitude: PHONE.lat, longitude: PHONE.lng } });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
  problems = watchForProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fake?.close();
  photos.remove();
  if (problems?.length) console.log(`problems seen in the page:\n${problems.join("\n")}`);
});

describe("E2E (H5 in Chromium): the resident's report — place on the map, draft, receipt; the public map's counts", () => {
  it("picks the category, uploads a photo and sees the place on the map with its district and street", async () => {
    await loginResident();
    await openWizardFromHome();
    await shown(`.category-item[data-code="${CATEGORY}"]`).click();
    const upload = await answerTo<UploadResponse>(
      page,
      isApi("/api/v1/uploads"),
      async () => {
        const chooser = page.waitForEvent("filechooser");
        await shown(".photo-add").click();
        await (await chooser).setFiles(photoFile);
      },
      "POST",
    );
    photoId = upload.body.id;
    await shown(".photo-item.photo-item--done").waitFor();
    await shown(".wizard-next").click();

    await shown(".locate-me").click();
    await shown(".location-summary .place-map").waitFor();
    expect(await textOf(".place-map__name")).toBe(`所在区域：${expectedPlace(SPOT)}`);
    await screenshot(page, "receipt-01-place-on-map");

    // A tap to the right of the centre moves the pin east: the label says it was picked on the map.
    const canvas = shown(".place-map .offline-map__canvas");
    const box = await canvas.boundingBox();
    if (!box) throw new Error("no map on screen");
    await canvas.click({ position: { x: box.width * 0.7, y: box.width * 0.5 } });
    await expect.poll(() => textOf(".location-summary__label")).toBe("地图上选择的位置");
    expect(await textOf(".place-map__name")).toMatch(/^所在区域：\S+区/);
    await shown(".address-input input").fill(ADDRESS);
    await screenshot(page, "receipt-02-pin-moved");
  });

  it("browser back at step 3 asks first; leaving keeps the draft, and reopening offers it back", async () => {
    const wizardUrl = page.url();
    // Closing or reloading the tab with input asks too (the browser's own beforeunload dialog).
    const unloadRefused = () =>
      page.evaluate(() => {
        const e = new Event("beforeunload", { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      });
    expect(await unloadRefused()).toBe(true);
    await page.goBack();
    await shown(".leave-prompt").waitFor();
    expect(await textOf(".leave-prompt .section-title")).toBe("上报还没有提交，确定要离开吗？");
    expect(page.url()).toBe(wizardUrl);
    await screenshot(page, "receipt-03-asked-before-leaving");
    // 继续填写 keeps the resident on the step, input intact.
    await shown(".leave-prompt__stay").click();
    await expect.poll(() => shown(".leave-prompt").count()).toBe(0);
    expect(await shown(".address-input input").inputValue()).toBe(ADDRESS);

    await page.goBack();
    await shown(".leave-prompt__leave").click();
    await shown(".index-page, .home-page, .service-report").first().waitFor();
    expect(page.url()).not.toContain("reports/new");

    await shown(".service-report").click();
    await shown(".draft-resume").waitFor();
    expect(await textOf(".draft-resume .section-title")).toBe("继续上次未提交的上报？");
    await screenshot(page, "receipt-04-draft-offered");
    await shown(".draft-resume__continue").click();
    await shown(".location-step").waitFor();
    expect(await shown(".address-input input").inputValue()).toBe(ADDRESS);
    expect(await textOf(".location-summary__label")).toBe("地图上选择的位置");
  });

  it("the confirm step labels every field and shows the photo; submitting shows the receipt with the case number and due time", async () => {
    await shown(".wizard-next").click();
    await shown(".description-input textarea").fill(DESCRIPTION);
    await answerTo(page, isApi("/api/v1/reports/duplicates"), () => shown(".wizard-next").click());
    for (const label of ["类别", "位置", "描述", "照片：1 张"]) {
      expect(await shown(".report-summary .summary-field__label").allInnerTexts()).toContain(label);
    }
    // The restored photo is shown from its uploaded URL, decoded by the browser.
    await expect
      .poll(() => shown(".report-summary .summary-photo img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)))
      .toEqual([8]);
    await screenshot(page, "receipt-05-confirm");

    const created = await answerTo<ReportDetail>(page, isApi("/api/v1/reports"), () => shown(".report-submit").click(), "POST");
    expect((created.sent as { photoIds: string[] }).photoIds).toEqual([photoId]);
    expect((created.sent as { address: string }).address).toBe(ADDRESS);
    const report = created.body;
    expect(report.caseNumber).toMatch(/^\d{8}-\d{4}$/);
    await shown(".report-receipt").waitFor();
    expect(await textOf(".receipt-case-number")).toBe(report.caseNumber);
    expect(await textOf(".receipt-due")).toMatch(/^最迟 .+ 前受理答复$/);
    expect(await shown(".receipt-step__label").allInnerTexts()).toEqual(["1. 立案", "2. 派遣", "3. 处理", "4. 核查结案"]);
    expect(await textOf(".report-case-number .info-row__value")).toBe(report.caseNumber);
    await screenshot(page, "receipt-06-receipt");

    // Submitted: nothing left to lose, so leaving no longer asks.
    expect(
      await page.evaluate(() => {
        const e = new Event("beforeunload", { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      }),
    ).toBe(false);
    // The draft went with the submission: the wizard starts empty.
    await page.goto("/?visit=2#/packages/reports/new/index");
    await shown(".report-wizard-page .category-step").waitFor();
    expect(await shown(".draft-resume").count()).toBe(0);
  });

  it("the public map counts the reporter in N 人反映; 我也遇到了 only on open cases; others' ratings are 市民评价", async () => {
    await page.goto("/?visit=3#/pages/reports/map");
    const listed = await answerTo<PublicReportsResponse>(
      page,
      (u) => u.pathname === "/api/v1/reports/public",
      () => shown(".district-item.district-gusu").click(),
    );
    const reports = listed.body.reports;
    expect(reports.length).toBeGreaterThan(0);
    const first = reports[0];
    if (!first) throw new Error("no public report");
    const item = shown(`.public-report-item[data-id="${first.id}"]`);
    expect((await item.locator(".report-time").textContent()) ?? "").toContain(`${first.followers + 1} 人反映`);
    await screenshot(page, "receipt-07-public-map");

    const done = reports.find((r) => r.status === "closed" || r.status === "resolved");
    const open = reports.find((r) => r.status === "accepted" || r.status === "dispatched");
    if (!done || !open) throw new Error("the demo data should have open and finished cases in 姑苏区");
    const detail = await answerTo<ReportDetail>(page, isApi(`/api/v1/reports/${done.id}`), () =>
      page.goto(`/?visit=4#/pages/reports/detail?id=${done.id}`),
    );
    await shown(".report-detail").waitFor();
    expect(await shown(".follow-button").count()).toBe(0);
    expect(await textOf(".report-followers")).toBe(`${detail.body.followers + 1} 人反映了这个问题`);
    if (detail.body.rating !== null) expect(await textOf(".report-rating .info-row__label")).toBe("市民评价");
    expect(await page.getByText("我的评价").count()).toBe(0);
    await screenshot(page, "receipt-08-closed-case");

    await page.goto(`/?visit=5#/pages/reports/detail?id=${open.id}`);
    await shown(".report-detail").waitFor();
    await shown(".follow-button").waitFor();
    expect(await textOf(".follow-button")).toBe("我也遇到了");
  });

  it("saw no errors in the page", () => {
    expect(problems).toEqual([]);
  });
});

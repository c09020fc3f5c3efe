import type { NearbyToiletsResponse, PublicReportsResponse } from "@civic/shared";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhoneBrowser, type PhoneBrowser } from "../support/chromium";
import { type CivicServer, startCivicServer } from "../support/civic-server";
import { miniappDist } from "../support/paths";
import { screenshot, watchForProblems } from "./story";

/*
 * A resident who arrives by a link (or reloads) on a page outside the tab bar must never be stuck: the
 * H5 header shows the page's title and 首页 (no history) or 返回. 导航前往 offers the map apps' web
 * links in a browser, and a tile of a service still to come says what it will do.
 */

/** Guanqian Street, Suzhou, GCJ-02. */
const GUANQIAN = { lat: 31.3017, lng: 120.62 };

let server: CivicServer;
let browser: PhoneBrowser;
let page: Page;
let problems: string[];
let toilet: NearbyToiletsResponse["toilets"][number];
let reportId: string;

/** Only what is on screen: Taro's H5 router keeps the pages below the current one in the DOM, hidden. */
const shown = (selector: string): Locator => page.locator(selector).filter({ visible: true });
const textOf = async (selector: string) => ((await shown(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

/** A fresh load of the app at a page, as a shared link or a reload does (the query makes it a real load). */
let visits = 0;
async function openByLink(path: string): Promise<void> {
  visits++;
  await page.goto(`/?visit=${visits}#${path}`);
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(new URL(path, server.url));
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  server = await startCivicServer({ staticDir: miniappDist("h5") });
  browser = await launchPhoneBrowser({ baseURL: server.url });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
  problems = watchForProblems(page);
  const nearby = await getJson<NearbyToiletsResponse>(`/api/v1/toilets/nearby?lat=${GUANQIAN.lat}&lng=${GUANQIAN.lng}&radius=1000&limit=5`);
  toilet = nearby.toilets[0] as typeof toilet;
  const reports = await getJson<PublicReportsResponse>(`/api/v1/reports/public?lat=${GUANQIAN.lat}&lng=${GUANQIAN.lng}&radius=3000`);
  reportId = reports.reports[0]?.id as string;
  expect(toilet).toBeDefined();
  expect(reportId).toBeDefined();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (problems?.length) console.log(`problems seen in the page:\n${problems.join("\n")}`);
});

describe("E2E (H5 in Chromium): no dead ends outside the tab bar", () => {
  it("a link straight to a toilet's detail shows the header 厕所详情 with 首页, which leads home", async () => {
    await openByLink(`/pages/toilets/detail?id=${encodeURIComponent(toilet.id)}`);
    await shown(".toilet-detail").waitFor();
    expect(await textOf(".nav-header__title")).toBe("厕所详情");
    expect(await textOf(".nav-header .nav-home")).toBe("首页");
    expect(await shown(".nav-header .nav-back").count()).toBe(0);
    await screenshot(page, "nav-01-toilet-detail-deep-link");
    await shown(".nav-header .nav-home").click();
    await shown(".home-page .service-grid").waitFor();
    expect(await shown(".nav-header").count()).toBe(0);
    expect(await page.evaluate(() => location.hash)).toMatch(/^(#\/?(pages\/index\/index)?)?$/);
  });

  it("a link straight to a report's detail shows 上报详情 with 首页, which leads home", async () => {
    await openByLink(`/pages/reports/detail?id=${encodeURIComponent(reportId)}`);
    await shown(".report-detail-page .page-body").waitFor();
    expect(await textOf(".nav-header__title")).toBe("上报详情");
    await screenshot(page, "nav-02-report-detail-deep-link");
    await shown(".nav-header .nav-home").click();
    await shown(".home-page .service-grid").waitFor();
  });

  it("a page opened from home shows 返回, which goes back to home; a reload there turns it into 首页", async () => {
    await shown(".service-toilets").click();
    await shown(".toilet-finder-page .nav-header").waitFor();
    expect(await textOf(".nav-header__title")).toBe("找厕所");
    expect(await textOf(".nav-header .nav-back")).toBe("‹ 返回");
    await screenshot(page, "nav-03-finder-with-back");
    await shown(".nav-header .nav-back").click();
    await shown(".home-page .service-grid").waitFor();

    await shown(".reports-map-entry").click();
    await shown(".reports-map-page .nav-header .nav-back").waitFor();
    await page.reload();
    await shown(".reports-map-page .nav-header .nav-home").waitFor();
    expect(await textOf(".nav-header__title")).toBe("身边的上报");
  });

  it("the tab pages keep the tab bar and get no header", async () => {
    await openByLink("/pages/me/index");
    await shown(".me-page").waitFor();
    expect(await shown(".nav-header").count()).toBe(0);
  });
});

describe("E2E (H5 in Chromium): 导航前往 in a browser", () => {
  it("opens a sheet of Amap, Tencent and Baidu links at the toilet's GCJ-02 point and name, and 复制地址", async () => {
    await openByLink(`/pages/toilets/detail?id=${encodeURIComponent(toilet.id)}`);
    await shown(".navigate-button").click();
    const links = shown("a.navigate-link");
    await expect.poll(() => links.count()).toBe(3);
    expect((await links.allInnerTexts()).map((t) => t.trim())).toEqual(["高德地图", "腾讯地图", "百度地图"]);
    const [amap, tencent, baidu] = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    // Each app's own coordinate order and GCJ-02 flag; the name travels URL-encoded and comes back intact.
    const a = new URL(amap as string);
    expect(a.origin + a.pathname).toBe("https://uri.amap.com/marker");
    expect(a.searchParams.get("position")?.split(",").map(Number)).toEqual([toilet.lng, toilet.lat]);
    expect(a.searchParams.get("name")).toBe(toilet.name);
    expect(a.searchParams.get("coordinate")).toBe("gaode");
    const t = new URL(tencent as string);
    expect(t.origin + t.pathname).toBe("https://apis.map.qq.com/uri/v1/marker");
    expect(decodeURIComponent(t.searchParams.get("marker") ?? "")).toBe(`coord:${toilet.lat},${toilet.lng};title:${toilet.name}`);
    const b = new URL(baidu as string);
    expect(b.origin + b.pathname).toBe("https://api.map.baidu.com/marker");
    expect(b.searchParams.get("location")?.split(",").map(Number)).toEqual([toilet.lat, toilet.lng]);
    expect(b.searchParams.get("title")).toBe(toilet.name);
    expect(b.searchParams.get("coord_type")).toBe("gcj02");
    // Taro's H5 page scrolls inside its own container: bring the sheet into the picture.
    await shown(".navigate-sheet").scrollIntoViewIfNeeded();
    await screenshot(page, "nav-04-navigate-sheet");

    await shown(".navigate-copy").click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem("taro_clipboard") ?? "")).toContain(toilet.name);
    await page.locator(".taro__toast").getByText("地址已复制").waitFor();
  });
});

describe("E2E (H5 in Chromium): the home tiles 停车 and 夜市摊位", () => {
  it("a tap on 停车 opens the parking finder, and 夜市摊位 the night markets", async () => {
    await openByLink("/pages/index/index");
    expect(await page.locator(".coming-soon").count()).toBe(0);
    await shown(".service-parking").click();
    await expect.poll(() => page.url()).toContain("/packages/parking/finder/index");
    await shown(".nav-header__title").filter({ hasText: "找停车" }).waitFor();
    await screenshot(page, "nav-05-parking-tile");
    await openByLink("/pages/index/index");
    await shown(".service-night-market").click();
    await expect.poll(() => page.url()).toContain("/packages/night-markets/list/index");
    await shown(".nav-header__title").filter({ hasText: "夜市摊位" }).waitFor();
  });
});

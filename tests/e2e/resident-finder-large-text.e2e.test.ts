import { gcj02ToWgs84, type NearbyToiletsResponse } from "@civic/shared";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhoneBrowser, type PhoneBrowser } from "../support/chromium";
import { type CivicServer, startCivicServer } from "../support/civic-server";
import { miniappDist } from "../support/paths";
import { answerTo, screenshot, watchForProblems } from "./story";

/*
 * 找厕所 says 最近的 30 个 when the answer is as long as the limit it asked for; a filter tapped while
 * offline keeps the last results under the error; and in large text (适老化) nothing is clipped: tiles,
 * tab labels and the wizard's search placeholder fit, and no name breaks inside a word.
 */

const GUANQIAN = { lat: 31.3017, lng: 120.62 };
const PHONE_POSITION = gcj02ToWgs84(GUANQIAN);

let server: CivicServer;
let browser: PhoneBrowser;
let page: Page;
let problems: string[];

const shown = (selector: string): Locator => page.locator(selector).filter({ visible: true });
const textOf = async (selector: string) => ((await shown(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();
const isNearby = (u: URL) => u.pathname === "/api/v1/toilets/nearby";

/** Elements whose content is wider than their box (clipped or spilling), described for the failure message. */
function clipped(selector: string): Promise<string[]> {
  return shown(selector).evaluateAll((els) =>
    els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.className}: "${e.textContent}" ${e.scrollWidth}>${e.clientWidth}`),
  );
}

beforeAll(async () => {
  server = await startCivicServer({ staticDir: miniappDist("h5") });
  browser = await launchPhoneBrowser({ baseURL: server.url, geolocation: { latitude: PHONE_POSITION.lat, longitude: PHONE_POSITION.lng } });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
  problems = watchForProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (problems?.length) console.log(`problems seen in the page (the offline story fails requests on purpose):\n${problems.join("\n")}`);
});

describe("E2E (H5 in Chromium): the toilet finder's result line and offline filters", () => {
  let shownBefore: string[];

  it("says 找到 N 个 for a count and 最近的 30 个 when the search hit its limit", async () => {
    await page.goto("/#/pages/toilets/index");
    const first = await answerTo<NearbyToiletsResponse>(page, isNearby, () => shown(".find-toilets").click());
    const limit = Number(first.url.searchParams.get("limit"));
    expect(limit).toBe(30);
    await shown(".toilet-item").first().waitFor();
    const n1 = first.body.toilets.length;
    expect(await textOf(".result-count")).toBe(n1 >= limit ? `1公里内最近的 ${n1} 个` : `1公里内找到 ${n1} 个`);

    const wide = await answerTo<NearbyToiletsResponse>(
      page,
      (u) => isNearby(u) && u.searchParams.get("radius") === "3000",
      () => shown(".radius-3000").click(),
    );
    // The demo city has more than 30 toilets within 3 km of Guanqian: the answer is the cap.
    expect(wide.body.toilets).toHaveLength(30);
    await expect.poll(() => textOf(".result-count")).toBe("3公里内最近的 30 个");
    await shown(".view-map").click();
    expect(await textOf(".result-count")).toBe("3公里内最近的 30 个");
    await shown(".view-list").click();
    await screenshot(page, "finder-01-nearest-30");
    shownBefore = await shown(".toilet-item .toilet-name").allInnerTexts();
  });

  it("offline, a filter change keeps the last results on screen with the error above them; back online, 重试 applies it", async () => {
    await browser.context.setOffline(true);
    await shown(".filter-accessible").click();
    await shown(".stale-error").waitFor();
    expect(await textOf(".stale-error__text")).toContain("以下是上次的结果");
    expect(await shown(".toilet-item .toilet-name").allInnerTexts()).toEqual(shownBefore);
    expect(await shown(".state-error").count()).toBe(0);
    const errorBox = await shown(".stale-error").boundingBox();
    const firstItem = await shown(".toilet-item").first().boundingBox();
    expect(errorBox && firstItem && errorBox.y < firstItem.y).toBe(true);
    await screenshot(page, "finder-02-offline-keeps-results");

    await browser.context.setOffline(false);
    const again = await answerTo<NearbyToiletsResponse>(
      page,
      (u) => isNearby(u) && u.searchParams.get("accessible") === "true",
      () => shown(".stale-error .retry-button").click(),
    );
    await expect.poll(() => shown(".toilet-item .toilet-name").allInnerTexts()).toEqual(again.body.toilets.map((t) => t.name));
    expect(await shown(".stale-error").count()).toBe(0);
  });
});

describe("E2E (H5 in Chromium): large text (适老化) clips nothing", () => {
  it("signs in as a resident (the wizard needs it), turns large text on in 我的; the tab labels grow and fit", async () => {
    await page.goto("/#/pages/me/index");
    await shown(".me-page .login-prompt").click();
    await shown(".role-resident").click();
    await answerTo(
      page,
      (u) => u.pathname === "/api/v1/auth/dev-login",
      () => shown(".login-submit").click(),
    );
    await shown(".me-page .large-text-switch").waitFor();
    const label = shown(".weui-tabbar__label").first();
    await label.waitFor();
    const before = await label.evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    await shown(".large-text-switch").click();
    await expect.poll(() => label.evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThan(before * 1.3);
    expect(await clipped(".weui-tabbar__label")).toEqual([]);
    await screenshot(page, "large-01-me");
  });

  it("home: every tile's name fits and breaks only between whole parts (垃圾分类/ 积分, never 积/分)", async () => {
    await shown(".weui-tabbar__label").getByText("首页").click();
    await shown(".home-page.large-text .service-grid").waitFor();
    expect(await clipped(".service-tile__name")).toEqual([]);
    expect(await clipped(".service-tile")).toEqual([]);
    // A part kept together is drawn as a single line box.
    const split = await shown(".service-tile__name .keep-together").evaluateAll((els) =>
      els.filter((e) => e.getClientRects().length > 1).map((e) => e.textContent),
    );
    expect(split).toEqual([]);
    expect(await clipped(".weui-tabbar__label")).toEqual([]);
    await screenshot(page, "large-02-home");
  });

  it("the report wizard's search placeholder fits its input", async () => {
    await page.goto("/#/packages/reports/new/index");
    const input = shown(".category-search input").first();
    await input.waitFor();
    const fit = await input.evaluate((el) => {
      const inp = el as HTMLInputElement;
      const style = getComputedStyle(inp, "::placeholder");
      const ctx = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const own = getComputedStyle(inp);
      const room = inp.clientWidth - Number.parseFloat(own.paddingLeft) - Number.parseFloat(own.paddingRight);
      return { text: inp.placeholder, width: ctx.measureText(inp.placeholder).width, room };
    });
    expect(fit.text).toContain("共享单车");
    expect(fit.width).toBeLessThanOrEqual(fit.room);
    await screenshot(page, "large-03-wizard-placeholder");
  });
});

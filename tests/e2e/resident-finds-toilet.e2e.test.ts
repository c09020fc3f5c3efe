import { describeDay, distanceMetres, gcj02ToWgs84, type NearbyToiletsResponse, type ToiletDetail } from "@civic/shared";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhoneBrowser, type PhoneBrowser } from "../support/chromium";
import { type CivicServer, startCivicServer } from "../support/civic-server";
import { miniappDist } from "../support/paths";
import { answerTo, screenshot, watchForProblems } from "./story";

/*
 * A resident's story in the H5 build, in real Chromium, against the real Node API (temporary database
 * seeded with the Suzhou demo toilets): log in through the demo role picker, find toilets near Guanqian
 * Street, filter accessible ones, look at the map, open one and read its hours for each day.
 */

/** Guanqian Street, Suzhou, in GCJ-02 (what the API stores and searches in). */
const GUANQIAN = { lat: 31.3017, lng: 120.62 };
/** Browsers report WGS-84; the app converts to GCJ-02, so the phone "stands" at the WGS-84 twin of GUANQIAN. */
const PHONE_POSITION = gcj02ToWgs84(GUANQIAN);

const OPEN_LABELS = ["营业中", "已关闭", "时间未知"];
const DISTANCE = /^\d+(\.\d)?(米|公里)$/;

let server: CivicServer;
let browser: PhoneBrowser;
let page: Page;
let problems: string[];
let nearby: NearbyToiletsResponse;

const texts = (selector: string) => page.locator(selector).allInnerTexts();
const trimmed = (list: string[]) => list.map((t) => t.replace(/\s+/g, " ").trim());

beforeAll(async () => {
  server = await startCivicServer({ staticDir: miniappDist("h5") });
  browser = await launchPhoneBrowser({ baseURL: server.url, geolocation: { latitude: PHONE_POSITION.lat, longitude: PHONE_POSITION.lng } });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
  problems = watchForProblems(page);
  console.log(`E2E against ${server.url}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (problems?.length) console.log(`problems seen in the page:\n${problems.join("\n")}`);
});

/** Taps the bubbles that hold toilet `id` until its own marker shows, then taps the marker. */
async function openFromMap(id: string) {
  for (let step = 0; step < 8; step++) {
    const marker = page.locator(`.offline-map .map-marker[data-id="${id}"]`);
    if ((await marker.count()) > 0) return marker.click();
    const bubbles = page.locator(".offline-map .map-cluster");
    const holders = await bubbles.evaluateAll(
      (els, wanted) => els.map((e) => (e.getAttribute("data-ids") ?? "").split(" ").includes(wanted)),
      id,
    );
    const holder = holders.indexOf(true);
    if (holder < 0) throw new Error(`toilet ${id} is on the map neither as a marker nor in a bubble`);
    await bubbles.nth(holder).click();
  }
  throw new Error(`toilet ${id} never came out of its bubble`);
}

describe("E2E (H5 in Chromium): a resident finds an accessible public toilet", () => {
  it("opens the home page with the service grid", async () => {
    await page.goto("/");
    await page.locator(".service-toilets").waitFor();
    expect(await page.locator(".service-tile").count()).toBeGreaterThan(1);
    expect(trimmed(await texts(".service-toilets .service-tile__name"))).toEqual(["找厕所"]);
    await screenshot(page, "01-home");
  });

  it("logs in as a resident through the demo role picker", async () => {
    await page.getByText("我的", { exact: true }).last().click();
    await page.locator(".login-prompt").click();
    await page.locator(".role-picker").waitFor();
    await page.locator(".role-resident").click();
    await expect.poll(() => page.locator(".role-resident").getAttribute("class")).toContain("is-active");
    await screenshot(page, "02-login-role-picker");

    const login = await answerTo<{ token: string; user: { roles: string[] } }>(
      page,
      (u) => u.pathname === "/api/v1/auth/dev-login",
      () => page.locator(".login-submit").click(),
    );
    expect(login.body.user.roles).toContain("resident");

    // 我的 shows the stored user at once, then briefly 加载中 while /me answers: poll, don't read once.
    await expect.poll(async () => trimmed(await texts(".me-page .profile .user-role"))).toEqual(["居民"]);
    await screenshot(page, "03-me-logged-in");
  });

  it("finds toilets near Guanqian Street, nearest first, each with a distance and an open-now badge", async () => {
    await page.getByText("首页", { exact: true }).last().click();
    await page.locator(".service-toilets").click();
    await page.locator(".find-toilets").waitFor();

    const answer = await answerTo<NearbyToiletsResponse>(
      page,
      (u) => u.pathname === "/api/v1/toilets/nearby",
      () => page.locator(".find-toilets").click(),
    );
    nearby = answer.body;
    // The browser's WGS-84 fix was converted to GCJ-02 before searching: the search centre is Guanqian.
    const centre = { lat: Number(answer.url.searchParams.get("lat")), lng: Number(answer.url.searchParams.get("lng")) };
    expect(distanceMetres(centre, GUANQIAN)).toBeLessThan(30);
    expect(nearby.toilets.length).toBeGreaterThan(2);

    await page.locator(".toilet-item").first().waitFor();
    expect(trimmed(await texts(".toilet-item .toilet-name"))).toEqual(nearby.toilets.map((t) => t.name));
    const distances = trimmed(await texts(".toilet-item .toilet-distance"));
    expect(distances).toHaveLength(nearby.toilets.length);
    for (const d of distances) expect(d).toMatch(DISTANCE);
    const metres = nearby.toilets.map((t) => t.distanceM);
    expect(metres).toEqual([...metres].sort((a, b) => a - b));
    const badges = trimmed(await texts(".toilet-item .open-badge"));
    expect(badges).toHaveLength(nearby.toilets.length);
    for (const b of badges) expect(OPEN_LABELS).toContain(b);
    await screenshot(page, "04-toilet-list");
  });

  it("shows only accessible toilets once 无障碍 is on", async () => {
    const answer = await answerTo<NearbyToiletsResponse>(
      page,
      (u) => u.pathname === "/api/v1/toilets/nearby" && u.searchParams.get("accessible") === "true",
      () => page.locator(".filter-accessible").click(),
    );
    expect(answer.body.toilets.length).toBeGreaterThan(0);
    expect(answer.body.toilets.every((t) => t.accessible)).toBe(true);

    const names = answer.body.toilets.map((t) => t.name);
    await expect.poll(async () => trimmed(await texts(".toilet-item .toilet-name"))).toEqual(names);
    // Every listed item carries the accessible tag.
    const tagsPerItem = () =>
      page.locator(".toilet-item").evaluateAll((items) => items.map((el) => el.querySelectorAll(".tag-accessible").length));
    await expect.poll(tagsPerItem).toEqual(names.map(() => 1));
    nearby = answer.body;
    await screenshot(page, "05-accessible-only");
  });

  it("shows the same toilets on the offline map as markers and count bubbles that never overlap; a tap on a bubble zooms in, 显示全部 goes back", async () => {
    await page.locator(".view-map").click();
    await page.locator(".offline-map").waitFor();
    const marks = page.locator(".offline-map .map-marker, .offline-map .map-cluster");
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    // every toilet is on the map once: alone (numbered as in the list) or counted in a bubble
    const shownIds = await page.locator(".offline-map .map-marker").evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
    const counted = await page.locator(".offline-map .map-cluster").evaluateAll((els) => els.map((e) => Number(e.textContent)));
    expect(shownIds.length + counted.reduce((a, b) => a + b, 0)).toBe(nearby.toilets.length);
    for (const id of shownIds) expect(nearby.toilets.map((t) => t.id)).toContain(id);
    // as drawn by Chromium, no marker or bubble covers another
    const boxes = await marks.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as DOMRect;
        const b = boxes[j] as DOMRect;
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap, `marks ${i} and ${j} overlap`).toBe(false);
      }
    await expect(page.locator(".map-centre").isVisible()).resolves.toBe(true);
    await screenshot(page, "06-map");

    if (counted.length > 0) {
      await page.locator(".offline-map .map-cluster").first().click();
      await page.locator(".offline-map .map-reset").waitFor();
      await screenshot(page, "06b-map-zoomed");
      await page.locator(".offline-map .map-reset").click();
      await expect.poll(() => page.locator(".offline-map .map-cluster").count()).toBe(counted.length);
    }
    await page.locator(".view-list").click();
    await expect.poll(() => page.locator(".offline-map").count()).toBe(0);
  });

  it("opens a toilet from its marker on the map (zooming into its bubble) and shows its opening hours for each day of the week", async () => {
    const index = nearby.toilets.findIndex((t) => t.openNow !== "unknown");
    expect(index, "a toilet with known hours nearby").toBeGreaterThanOrEqual(0);
    const chosen = nearby.toilets[index] as NearbyToiletsResponse["toilets"][number];

    const answer = await answerTo<ToiletDetail>(
      page,
      (u) => u.pathname === `/api/v1/toilets/${chosen.id}`,
      async () => {
        await page.locator(".view-map").click();
        await openFromMap(chosen.id);
      },
    );
    expect(page.url()).toContain(`pages/toilets/detail?id=${chosen.id}`);
    await page.locator(".toilet-detail-page .toilet-detail__name").waitFor();
    expect(trimmed(await texts(".toilet-detail__name"))).toEqual([chosen.name]);

    const hours = answer.body.hours;
    expect(hours.kind).not.toBe("unknown");
    const expected = hours.kind === "weekly" ? hours.days.map((d) => describeDay(d)) : Array.from({ length: 7 }, () => "24小时");
    await expect.poll(async () => trimmed(await texts(".toilet-hours-day .hours-text"))).toEqual(expected);
    const weekdays = trimmed(await texts(".toilet-hours-day .hours-weekday")).map((d) => d.replace("（今天）", ""));
    expect(weekdays).toEqual(["周一", "周二", "周三", "周四", "周五", "周六", "周日"]);
    expect(await page.locator(".toilet-hours-day.is-today").count()).toBe(1);
    expect(await page.locator(".toilet-detail-page .tag-accessible").count()).toBe(1);
    await screenshot(page, "07-toilet-detail");
  });

  it("saw no errors in the page", () => {
    expect(problems).toEqual([]);
  });
});

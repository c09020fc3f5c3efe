import type { InboxResponse, MarketSubscription, MarketSuspension, MarketZoneDetail, NearbyMarketsResponse } from "@civic/shared";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhoneBrowser, type PhoneBrowser } from "../support/chromium";
import { type CivicServer, startCivicServer } from "../support/civic-server";
import { miniappDist } from "../support/paths";
import { appActions, isApi } from "./app-actions";
import { answerTo, screenshot, watchForProblems } from "./story";

/*
 * Issue 11, night markets end to end in the H5 build, in real Chromium, against the real Node API (temporary
 * database with the demo zones; the server's clock set to a Wednesday at 15:00 in Suzhou):
 *   a resident opens 夜市摊位 (by URL: the home tile is wired at merge), searches around 姑苏区, switches to
 *   今晚营业 and finds 石路夜市 opening at 18:00, opens it (hours, rules, the zone on the map) and subscribes
 *   to its notices; an admin suspends tonight's market with a reason; the resident sees the suspension on
 *   the zone's page and the notice in 消息.
 */

const WEDNESDAY_15H = Date.parse("2026-12-02T07:00:00Z");
const TONIGHT = "2026-12-02";
const REASON = "暴雨预警，暂停营业";
const MARKET = "石路夜市";

let server: CivicServer;
let browser: PhoneBrowser;
let page: Page;
let problems: string[];
let zoneId: string;

const { shown, texts, textOf, openFresh, loginAs } = appActions(() => page);

beforeAll(async () => {
  const started = Date.now();
  server = await startCivicServer({
    staticDir: miniappDist("h5"),
    dispatchIntervalMs: 200,
    clock: () => new Date(WEDNESDAY_15H + (Date.now() - started)),
  });
  browser = await launchPhoneBrowser({ baseURL: server.url });
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

describe("E2E (H5 in Chromium): 夜市 — a resident finds a market open tonight and subscribes, the bureau suspends it, the resident hears", () => {
  it("a resident opens 夜市摊位, searches around 姑苏区 and switches to 今晚营业: 石路夜市 opens at 18:00", async () => {
    await loginAs("resident");
    await openFresh("/packages/night-markets/list/index");
    const now = await answerTo<NearbyMarketsResponse>(page, isApi("/api/v1/night-markets/nearby"), () => shown(".district-gusu").click());
    expect(now.url.searchParams.get("when")).toBe("now");
    await shown(".night-markets-page .markets-tab--now.is-active").waitFor();
    await screenshot(page, "markets-01-open-now");

    const tonight = await answerTo<NearbyMarketsResponse>(page, isApi("/api/v1/night-markets/nearby"), () =>
      shown(".markets-tab--tonight").click(),
    );
    expect(tonight.url.searchParams.get("when")).toBe("tonight");
    const market = tonight.body.zones.find((z) => z.name === MARKET);
    if (!market) throw new Error(`${MARKET} is not open tonight: ${JSON.stringify(tonight.body.zones.map((z) => z.name))}`);
    zoneId = market.id;
    expect(market.status).toMatchObject({ state: "opens_later", text: "18:00 开市" });
    const item = `.zone-item[data-id="${zoneId}"]`;
    await shown(item).waitFor();
    expect(await textOf(`${item} .zone-time`)).toBe("18:00 开市");
    expect(await textOf(`${item} .zone-state`)).toBe("今晚开市");
    await shown(".view-map").click();
    await shown(`.zone-map [data-id="${zoneId}"]`).first().waitFor();
    await screenshot(page, "markets-02-tonight-map");
  });

  it("opens 石路夜市: hours by weekday, rules, the zone on a map, and subscribes to its notices", async () => {
    const detail = await answerTo<MarketZoneDetail>(page, isApi(`/api/v1/night-markets/${zoneId}`), () =>
      shown(`.zone-item[data-id="${zoneId}"]`).click(),
    );
    expect(detail.body.subscribed).toBe(false);
    await shown(".night-market-detail-page .zone-hours").waitFor();
    expect(await texts(".night-market-detail-page .hours-row__time")).toEqual(detail.body.hoursText);
    expect(await textOf(".night-market-detail-page .zone-detail__time")).toBe("18:00 开市");
    expect(await textOf(".zone-goods-forbidden .info-row__value")).toContain("明火烧烤");
    await screenshot(page, "markets-03-detail");

    const sub = await answerTo<MarketSubscription>(
      page,
      isApi(`/api/v1/night-markets/${zoneId}/subscription`),
      () => shown(".zone-subscribe-button").click(),
      "POST",
    );
    expect(sub.body.subscribed).toBe(true);
    await shown(".zone-unsubscribe").waitFor();
    await screenshot(page, "markets-04-subscribed");
  });

  it("an admin suspends tonight's market with a reason (the form says subscribers are told)", async () => {
    await loginAs("admin");
    await openFresh(`/packages/markets-admin/zones/edit?id=${zoneId}`);
    await shown(".admin-zone-edit-page .zone-suspensions").waitFor();
    expect(await textOf(".suspension-notice")).toContain("订阅了此处停市通知的居民会立即收到通知");
    await shown(".suspension-date input").fill(TONIGHT);
    await shown(".suspension-reason input").fill(REASON);
    const suspended = await answerTo<MarketSuspension>(
      page,
      isApi(`/api/v1/admin/night-markets/${zoneId}/suspensions`),
      () => shown(".suspension-submit").click(),
      "POST",
    );
    expect(suspended.status).toBe(201);
    expect(suspended.body).toMatchObject({ date: TONIGHT, reason: REASON });
    await expect.poll(() => texts(".zone-suspension__text")).toContain(`${TONIGHT} 停市：${REASON}`);
    await screenshot(page, "markets-05-suspended");
  });

  it("the resident sees tonight suspended on the zone's page and the notice in 消息", async () => {
    await loginAs("resident");
    const detail = await answerTo<MarketZoneDetail>(page, isApi(`/api/v1/night-markets/${zoneId}`), () =>
      openFresh(`/packages/night-markets/detail/index?id=${zoneId}`),
    );
    expect(detail.body.status.closedReason).toBe(REASON);
    await shown(".night-market-detail-page .zone-closed-date").first().waitFor();
    expect(await textOf(".night-market-detail-page .zone-detail__time")).toBe(`今晚暂停：${REASON}`);
    expect(await texts(".zone-closed-date__reason")).toContain(REASON);
    await screenshot(page, "markets-06-resident-sees-suspension");

    await expect
      .poll(
        async () => {
          const inbox = await answerTo<InboxResponse>(page, isApi("/api/v1/inbox"), () => openFresh("/pages/inbox/index"));
          return inbox.body.messages.map((m) => m.title);
        },
        { timeout: 15_000, interval: 500 },
      )
      .toContain("夜市暂停通知");
    await shown(".inbox-page .inbox-item").first().waitFor();
    expect(await texts(".inbox-item .inbox-title")).toContain("夜市暂停通知");
    await screenshot(page, "markets-07-inbox");
  });
});

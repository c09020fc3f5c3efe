import {
  addCityDays,
  cityClock,
  gcj02ToWgs84,
  type InboxResponse,
  monthDayZh,
  type NearbyToiletsResponse,
  type ToiletFeedback,
} from "@civic/shared";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhoneBrowser, type PhoneBrowser } from "../support/chromium";
import { type CivicServer, startCivicServer } from "../support/civic-server";
import { miniappDist } from "../support/paths";
import { appActions, isApi } from "./app-actions";
import { answerTo, screenshot, watchForProblems } from "./story";

/*
 * The toilet-feedback loop in the H5 build, in real Chromium, against the real Node API (temporary
 * database with the Suzhou demo toilets): a resident reports a toilet near Guanqian Street as closed; the
 * admin, from the feedback screen, marks it closed for 7 days with a reason and a reply; the resident finds
 * the message in 消息, and the finder's list and the toilet's page show 暂停开放 · 至M月D日 with the reason.
 * One phone, the actors taking turns through the demo login.
 */

const GUANQIAN = { lat: 31.3017, lng: 120.62 };
const PHONE_POSITION = gcj02ToWgs84(GUANQIAN);
const REASON = "化粪池维修";
const REPLY = "维修期间请使用临顿路公厕";

let server: CivicServer;
let browser: PhoneBrowser;
let page: Page;
let problems: string[];
let toiletId: string;
let toiletName: string;
let feedbackId: string;
/** The closure's last day: 7 days counting today, in the city. */
const until = addCityDays(cityClock(new Date()).date, 6);

const { shown, textOf, openFresh, loginAs } = appActions(() => page);

async function findNearGuanqian(): Promise<NearbyToiletsResponse> {
  await openFresh("/pages/toilets/index");
  await shown(".find-toilets").waitFor();
  const answer = await answerTo<NearbyToiletsResponse>(page, isApi("/api/v1/toilets/nearby"), () => shown(".find-toilets").click());
  await shown(".toilet-item").first().waitFor();
  return answer.body;
}

beforeAll(async () => {
  server = await startCivicServer({ staticDir: miniappDist("h5"), dispatchIntervalMs: 200 });
  browser = await launchPhoneBrowser({ baseURL: server.url, geolocation: { latitude: PHONE_POSITION.lat, longitude: PHONE_POSITION.lng } });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
  problems = watchForProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (problems?.length) console.log(`problems seen in the page:\n${problems.join("\n")}`);
});

describe("E2E (H5 in Chromium): a resident's report of a closed toilet comes back as 暂停开放", () => {
  it("a resident finds a toilet near Guanqian Street and reports it closed", async () => {
    await loginAs("resident");
    const nearby = await findNearGuanqian();
    const chosen = nearby.toilets.find((t) => t.openNow !== "closed") ?? nearby.toilets[0];
    if (!chosen) throw new Error("no toilet near Guanqian in the demo data");
    expect(chosen.temporaryClosure).toBeNull();
    toiletId = chosen.id;
    toiletName = chosen.name;
    await shown(`.toilet-item[data-id="${toiletId}"]`).click();
    await shown(".toilet-detail-page .report-button").click();
    await shown(".feedback-kind-closed").click();
    await shown(".feedback-note textarea").fill("门口贴了维修通知，进不去");
    const sent = await answerTo<ToiletFeedback>(page, isApi(`/api/v1/toilets/${toiletId}/feedback`), () =>
      shown(".feedback-submit").click(),
    );
    expect(sent.status).toBe(201);
    feedbackId = sent.body.id;
    await shown(".feedback-sent").waitFor();
    await screenshot(page, "toilet-loop-01-reported");
  });

  it("the admin, from the feedback screen, marks the toilet closed for 7 days with a reason and a reply", async () => {
    await loginAs("admin");
    await openFresh("/packages/admin/toilet-feedback/index");
    const card = shown(`.feedback-item[data-id="${feedbackId}"]`);
    await card.waitFor();
    expect(await textOf(`.feedback-item[data-id="${feedbackId}"] .feedback-toilet`)).toBe(toiletName);
    await card.locator(".resolve-choice-temporary_closure").click();
    await card.locator(".closure-days-7").click();
    expect(await card.locator(".closure-until").textContent()).toContain(`暂停开放至 ${monthDayZh(until)}`);
    await card.locator(".closure-reason-input input").fill(REASON);
    await card.locator(".resolve-note input").fill("现场核实：化粪池维修，已停用一周");
    await card.locator(".resolve-reply input").fill(REPLY);
    await screenshot(page, "toilet-loop-02-admin-chooses");
    // Staff use a desktop browser too: the same card at desktop width.
    const phone = page.viewportSize();
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "toilet-loop-02b-admin-desktop");
    expect(await card.locator(".resolve-button").isVisible()).toBe(true);
    if (phone) await page.setViewportSize(phone);
    const resolved = await answerTo<ToiletFeedback>(
      page,
      isApi(`/api/v1/admin/toilet-feedback/${feedbackId}/resolve`),
      () => card.locator(".resolve-button").click(),
      "POST",
    );
    expect(resolved.sent).toEqual({
      outcome: "现场核实：化粪池维修，已停用一周",
      replyToResident: REPLY,
      action: { type: "temporary_closure", until, reason: REASON },
    });
    expect(resolved.body.status).toBe("resolved");
    await expect.poll(() => shown(`.feedback-item[data-id="${feedbackId}"]`).count()).toBe(0);
    await screenshot(page, "toilet-loop-03-admin-done");
  });

  it("the resident finds the message in 消息: the toilet is marked closed until that day, with the reply", async () => {
    await loginAs("resident");
    const expected = `您反馈的 ${toiletName} 已标记为暂停开放至 ${monthDayZh(until)}，感谢反馈。答复：${REPLY}`;
    // The dispatcher fills the inbox on its next run (every 200 ms here).
    await expect
      .poll(async () => {
        await openFresh("/pages/inbox/index");
        await shown(".inbox-page").waitFor();
        await shown(".inbox-item, .state-empty").first().waitFor();
        return shown(".inbox-item .inbox-body").allInnerTexts();
      })
      .toContain(expected);
    const inbox = await answerTo<InboxResponse>(page, isApi("/api/v1/inbox"), () => openFresh("/pages/inbox/index"));
    expect(inbox.body.messages.find((m) => m.body === expected)?.subject).toEqual({ type: "toilet_feedback", id: feedbackId });
    await shown(".inbox-item").first().waitFor();
    await screenshot(page, "toilet-loop-04-inbox");
  });

  it("the finder shows 暂停开放 · 至M月D日 with the reason, in the list and on the toilet's page", async () => {
    const nearby = await findNearGuanqian();
    const listed = nearby.toilets.find((t) => t.id === toiletId);
    expect(listed).toMatchObject({ openNow: "closed", temporaryClosure: { until, reason: REASON } });
    const item = shown(`.toilet-item[data-id="${toiletId}"]`);
    expect(await item.locator(".closure-badge").textContent()).toBe(`暂停开放 · 至${monthDayZh(until)}`);
    expect(await item.locator(".closure-reason").textContent()).toBe(REASON);
    expect(await item.locator(".open-badge").textContent()).toBe("已关闭");
    await screenshot(page, "toilet-loop-05-finder-list");
    await item.click();
    await shown(".toilet-detail-page .toilet-detail .closure-badge").waitFor();
    expect(await textOf(".toilet-detail-page .closure-badge")).toBe(`暂停开放 · 至${monthDayZh(until)}`);
    expect(await textOf(".toilet-detail-page .closure-reason")).toBe(REASON);
    await screenshot(page, "toilet-loop-06-finder-detail");
  });

  it("saw no errors in the page", () => {
    expect(problems).toEqual([]);
  });
});

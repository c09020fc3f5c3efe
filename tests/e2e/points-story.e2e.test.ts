import {
  type CheckBatchResponse,
  type DeskRedemption,
  formatPickupCode,
  type PointsHistoryPage,
  type PointsSummary,
  type Redemption,
  type RedemptionList,
  type ResidentCode,
  type RewardDetail,
  type RewardList,
  type VolunteerBinRoom,
} from "@civic/shared";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhoneBrowser, type PhoneBrowser } from "../support/chromium";
import { type CivicServer, startCivicServer } from "../support/civic-server";
import { miniappDist } from "../support/paths";
import { appActions, isApi } from "./app-actions";
import { answerTo, screenshot, watchForProblems } from "./story";

/*
 * Issue 10, recycling points (积分) end to end in the H5 build, in real Chromium, against the real Node API
 * (temporary database with the demo data):
 *   a resident opens 我的积分 from the home page (垃圾分类/积分), reads the balance and shows 我的积分码; the
 *   demo volunteer (小蜜蜂) opens the check page of a bin room it serves (as the room's QR code would), types
 *   the resident's code (H5 has no scanner), taps 正确 and the check syncs: the page shows the points
 *   awarded; the resident sees the new balance and the check in 积分明细; redeems a reward it can afford
 *   (confirm), sees the pickup code in 我的兑换 and the balance down by the price; an admin opens 礼品领取,
 *   enters the code, sees the reward and the household label (never the resident's name) and taps 确认领取;
 *   the resident's redemption shows 已领取.
 */

let server: CivicServer;
let browser: PhoneBrowser;
let page: Page;
let problems: string[];

const { shown, texts, textIn, textOf, openFresh, loginAs } = appActions(() => page);

let residentName: string | null = null;
let startBalance: number;
let residentCode: ResidentCode;
let room: VolunteerBinRoom;
let awarded: number;
let balanceAfterCheck: number;
let redemption: Redemption;
let rewardPrice: number;

/** A button's disabled attribute and opacity: an enabled one has neither the attribute nor a faded look. */
async function enabledLook(selector: string): Promise<{ disabled: string | null; opacity: string }> {
  const button = shown(selector);
  return { disabled: await button.getAttribute("disabled"), opacity: await button.evaluate((el) => getComputedStyle(el).opacity) };
}

/** 首页 → 垃圾分类/积分 → 我的积分; answers the summary the hub read. */
async function openPointsHub(): Promise<PointsSummary> {
  await openFresh("/pages/index/index");
  const summary = await answerTo<PointsSummary>(page, isApi("/api/v1/points/me"), () => shown(".service-recycling").click());
  await shown(".points-home-page .points-balance").waitFor();
  expect(await textOf(".points-balance__value")).toBe(String(summary.body.balance));
  return summary.body;
}

beforeAll(async () => {
  server = await startCivicServer({ staticDir: miniappDist("h5") });
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

describe("E2E (H5 in Chromium): 积分 — a volunteer's check earns points, the resident redeems a reward, the desk hands it out", () => {
  it("a resident opens 我的积分 from the home tile 垃圾分类/积分 and reads the balance", async () => {
    residentName = (await loginAs("resident")).user.nickname ?? null;
    const summary = await openPointsHub();
    startBalance = summary.balance;
    // The demo resident has two months of weigh-ins.
    expect(startBalance).toBeGreaterThan(0);
    await screenshot(page, "points-01-hub");
  });

  it("opens 我的积分码: a QR code with the household label (not the name) and its countdown", async () => {
    const code = await answerTo<ResidentCode>(page, isApi("/api/v1/points/me/code"), () => shown(".points-code-button").click());
    residentCode = code.body;
    expect(residentCode.code.length).toBeGreaterThan(10);
    await shown(".points-code-page .points-code").waitFor();
    expect(await textOf(".points-code__label")).toBe(residentCode.householdLabel);
    if (residentName) expect(residentCode.householdLabel).not.toContain(residentName);
    expect(await textOf(".points-code__countdown")).toMatch(/^\d+:\d\d 后自动刷新$/);
    await screenshot(page, "points-02-code");
  });

  it("the demo volunteer opens 我的投放点 and the check page of a room it serves (as its QR code would)", async () => {
    await loginAs("volunteer");
    const rooms = await answerTo<{ rooms: VolunteerBinRoom[] }>(page, isApi("/api/v1/volunteer/bin-rooms"), () =>
      openFresh("/packages/volunteer/rooms/index"),
    );
    const mine = rooms.body.rooms.find((r) => r.mine);
    if (!mine) throw new Error(`the demo volunteer serves no bin room: ${JSON.stringify(rooms.body.rooms)}`);
    room = mine;
    await shown(`.room-card[data-code="${room.code}"]`).waitFor();
    expect(await textIn(shown(`.room-card[data-code="${room.code}"] .room-name`))).toBe(`${room.communityName} · ${room.name}`);

    await openFresh(`/packages/volunteer/check/index?room=${encodeURIComponent(room.code)}`);
    await shown(".volunteer-check-page .check-form").waitFor();
    // The room's name is known from the rooms list (kept on the phone for rooms without network).
    expect(await texts(".volunteer-check-page .page-subtitle")).toContain(`${room.communityName} ${room.name}`);
    // H5 has no scanner: the code is typed or pasted; nothing to save before it is there.
    expect(await shown(".check-scan").count()).toBe(0);
    expect(await shown(".check-correct").getAttribute("disabled")).not.toBeNull();
    await screenshot(page, "points-03-check-page");
  });

  it("types the resident's code, taps 正确, and the check syncs: the page shows the points awarded", async () => {
    await shown(".check-code input").fill(residentCode.code);
    // Enabled once the code is there, and readable (Taro's H5 Button fades any disabled attribute, even "false").
    await expect.poll(() => shown(".check-correct").getAttribute("disabled")).toBeNull();
    expect(await enabledLook(".check-correct")).toEqual({ disabled: null, opacity: "1" });
    const batch = await answerTo<CheckBatchResponse>(
      page,
      isApi("/api/v1/volunteer/checks/batch"),
      () => shown(".check-correct").click(),
      "POST",
    );
    const sent = batch.sent as { checks: { code: string; correct: boolean; binRoomCode?: string }[] };
    expect(sent.checks).toHaveLength(1);
    expect(sent.checks[0]).toMatchObject({ code: residentCode.code, correct: true, binRoomCode: room.code });
    const [result] = batch.body.results;
    if (result?.status !== "accepted") throw new Error(`the check was not accepted: ${JSON.stringify(result)}`);
    expect(result.householdLabel).toBe(residentCode.householdLabel);
    expect(result.points).toBeGreaterThan(0);
    awarded = result.points;
    await expect.poll(() => texts(".queue-item--done")).toEqual([`${residentCode.householdLabel} 正确 +${awarded} 分`]);
    await expect.poll(() => textOf(".queue-pending")).toMatch(/^待同步 0 条/);
    expect(await shown(".queue-item--conflict").count()).toBe(0);
    // 正确 saved the check on the phone and synced it at once: nothing is left for 同步.
    expect(await shown(".queue-sync").getAttribute("disabled")).not.toBeNull();
    await screenshot(page, "points-04-check-synced");
  });

  it("the resident sees the new balance and the check in 积分明细", async () => {
    await loginAs("resident");
    const summary = await openPointsHub();
    balanceAfterCheck = summary.balance;
    expect(balanceAfterCheck).toBe(startBalance + awarded);

    const history = await answerTo<PointsHistoryPage>(page, isApi("/api/v1/points/me/history"), () =>
      shown(".points-history-button").click(),
    );
    const reason = `垃圾分类检查正确（${room.communityName} ${room.name}）`;
    const entry = history.body.items.find((e) => e.kind === "sorting_check" && e.reason === reason);
    if (!entry) throw new Error(`no history line for the check: ${JSON.stringify(history.body.items.slice(0, 3))}`);
    const line = shown(`.points-entry[data-id="${entry.id}"]`);
    await line.waitFor();
    expect(await textIn(line.locator(".points-entry__reason"))).toBe(reason);
    expect(await textIn(line.locator(".points-entry__amount"))).toBe(`+${awarded}`);
    // Newest first: the check is the first line.
    expect((await texts(".points-entry__reason"))[0]).toBe(reason);
    await screenshot(page, "points-05-history");
  });

  it("opens 积分兑换 from the hub and redeems the cheapest reward it can afford (with a confirm)", async () => {
    await openPointsHub();
    const list = await answerTo<RewardList>(page, isApi("/api/v1/rewards"), () => shown(".points-link-rewards").click());
    expect(list.body.balance).toBe(balanceAfterCheck);
    await expect.poll(() => textOf(".reward-balance")).toBe(`我的积分 ${balanceAfterCheck}`);
    const affordable = list.body.rewards
      .filter((r) => r.stockLeft > 0 && r.price <= list.body.balance)
      .sort((a, b) => a.price - b.price)[0];
    if (!affordable) throw new Error(`nothing affordable with ${list.body.balance}`);
    rewardPrice = affordable.price;
    const card = shown(`.reward-card[data-id="${affordable.id}"]`);
    expect(await textIn(card.locator(".reward-afford"))).toBe("可兑换");
    expect(await textIn(card.locator(".reward-price"))).toBe(`${affordable.price} 积分`);
    await screenshot(page, "points-06-rewards");

    await answerTo<RewardDetail>(page, isApi(`/api/v1/rewards/${affordable.id}`), () => card.click());
    expect(await enabledLook(".reward-page .reward-redeem-button")).toEqual({ disabled: null, opacity: "1" });
    await shown(".reward-page .reward-redeem-button").click();
    await shown(".reward-confirm").waitFor();
    expect(await enabledLook(".reward-confirm-button")).toEqual({ disabled: null, opacity: "1" });
    expect(await textOf(".reward-confirm .section-title")).toBe(`确认兑换「${affordable.name}」？`);
    expect(await texts(".reward-confirm__line")).toEqual([
      `所需积分：${affordable.price}`,
      `兑换后剩余：${balanceAfterCheck - affordable.price}`,
    ]);
    await screenshot(page, "points-07-confirm");

    const redeemed = await answerTo<Redemption>(
      page,
      isApi(`/api/v1/rewards/${affordable.id}/redeem`),
      () => shown(".reward-confirm-button").click(),
      "POST",
    );
    redemption = redeemed.body;
    expect(redemption).toMatchObject({ rewardId: affordable.id, price: affordable.price, status: "reserved" });
    await expect.poll(() => textOf(".reward-done .reward-pickup-code")).toBe(formatPickupCode(redemption.pickupCode));
    await screenshot(page, "points-08-redeemed");
  });

  it("sees the pickup code in 我的兑换 (待领取), and the balance went down by the price", async () => {
    const mine = await answerTo<RedemptionList>(page, isApi("/api/v1/rewards/redemptions/mine"), () =>
      shown(".reward-done .btn-primary").click(),
    );
    expect(mine.body.redemptions.map((r) => r.id)).toContain(redemption.id);
    const card = shown(`.redemption[data-id="${redemption.id}"]`);
    await card.waitFor();
    expect(await textIn(card.locator(".reward-pickup-code"))).toBe(formatPickupCode(redemption.pickupCode));
    expect(await textIn(card.locator(".status-badge"))).toBe("待领取");
    await screenshot(page, "points-09-my-redemptions");

    const summary = await openPointsHub();
    expect(summary.balance).toBe(balanceAfterCheck - rewardPrice);
  });

  it("an admin opens 礼品领取, enters the code: the reward and the household label, never the resident's name", async () => {
    await loginAs("admin");
    await shown(".admin-entry").click();
    await shown(".admin-menu-rewards-desk").click();
    await shown(".reward-desk .desk-form").waitFor();
    expect(await enabledLook(".desk-lookup")).toEqual({ disabled: null, opacity: "1" });
    await shown(".desk-code-input input").fill(formatPickupCode(redemption.pickupCode));
    const found = await answerTo<DeskRedemption>(page, isApi(`/api/v1/rewards/desk/${redemption.pickupCode}`), () =>
      shown(".desk-lookup").click(),
    );
    expect(found.body).toMatchObject({ id: redemption.id, status: "reserved", householdLabel: residentCode.householdLabel });
    const result = shown(".desk-result--reserved");
    await result.waitFor();
    expect(await enabledLook(".desk-collect")).toEqual({ disabled: null, opacity: "1" });
    expect(await textIn(result.locator(".section-title"))).toBe(redemption.rewardName);
    expect(await textIn(result.locator(".desk-household"))).toBe(residentCode.householdLabel);
    expect(await textIn(result.locator(".desk-status"))).toBe("待领取");
    const resultText = await textIn(result);
    if (residentName) expect(resultText).not.toContain(residentName);
    expect(JSON.stringify(found.body)).not.toMatch(/nickname|phone/);
    await screenshot(page, "points-10-desk-found");

    const collected = await answerTo<DeskRedemption>(
      page,
      isApi(`/api/v1/rewards/desk/${redemption.pickupCode}/collect`),
      () => shown(".desk-collect").click(),
      "POST",
    );
    expect(collected.body.status).toBe("collected");
    await expect.poll(() => textOf(".desk-message")).toBe("已确认领取");
    expect(await textOf(".desk-result .desk-status")).toBe("已领取");
    expect(await shown(".desk-collect").count()).toBe(0);
    await screenshot(page, "points-11-desk-collected");
  });

  it("the resident's redemption shows 已领取 (no pickup code any more)", async () => {
    await loginAs("resident");
    await openPointsHub();
    await answerTo<RewardList>(page, isApi("/api/v1/rewards"), () => shown(".points-link-rewards").click());
    await answerTo<RedemptionList>(page, isApi("/api/v1/rewards/redemptions/mine"), () => shown(".rewards-mine-button").click());
    const card = shown(`.redemption[data-id="${redemption.id}"]`);
    await card.waitFor();
    expect(await textIn(card.locator(".status-badge"))).toBe("已领取");
    expect(await card.locator(".reward-pickup-code").count()).toBe(0);
    expect(await card.locator(".redemption-cancel").count()).toBe(0);
    await screenshot(page, "points-12-collected");
  });

  it("saw no errors in the page", () => {
    expect(problems).toEqual([]);
  });
});

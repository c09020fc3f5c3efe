import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEMO_PICKUP_STREETS } from "@civic/api/seed/demo-pickups";
import {
  addCityDays,
  type CollectorJob,
  type CollectorRoute,
  cityClock,
  cityInstant,
  DEFAULT_CITY,
  gcj02ToWgs84,
  type PickupBooking,
  type PickupKpis,
  type PickupOverview,
  type PickupSlot,
  pickupStreetCode,
  resolvePlace,
  type UploadResponse,
} from "@civic/shared";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhoneBrowser, type PhoneBrowser } from "../support/chromium";
import { type CivicServer, startCivicServer } from "../support/civic-server";
import { sampleJpeg } from "../support/images";
import { miniappDist } from "../support/paths";
import { freshTempDir } from "../support/temp-dirs";
import { appActions, isApi } from "./app-actions";
import { answerTo, screenshot, watchForProblems } from "./story";

/*
 * Issue 9, the bulky-waste pickup (大件垃圾预约) end to end in the H5 build, in real Chromium, against the
 * real Node API (temporary database with the demo data):
 *   a resident books through the wizard (a fridge and a mattress, a photo, the address typed, the map point
 *   from the phone's position, where the items will be left, the phone typed, a morning slot) and sees the
 *   booking number; an admin gives the demo collector the street; the collector accepts the job in 接单,
 *   and on the collection day opens the route, arrives, and completes with a photo and the fridge's kg;
 *   the resident sees 已收运 and the outcome and rates it; a moderator opens the day overview, which counts
 *   it as completed, and the KPIs of that day count it (due, completed on time, rated).
 *
 * Time. A job can be worked only on its collection day (409 too_early before), booking for tomorrow closes
 * at 16:00 and on-time KPIs count only days that have passed, so the story spans three days. The Node host
 * already takes an injected clock (startNodeServer's `clock`, which every handler reads as deps.clock), and
 * startCivicServer passes one through; the phone's clock is Playwright's (context.clock), so the pages'
 * "today" (the collector's route, the overview's default date) is the server's. Both are set together by
 * `liveAt` to a city moment and then run on in real time. The days are after the real today (the demo seed
 * lays out slots from real tomorrow on, and its bookings up to 3 days ahead), so nothing in the story happens
 * before the demo data was written and no demo booking shares the collection day.
 */

/** City dates of the story: D0 the booking day, D1 the collection day, D2 the bureau's morning after. */
const REAL_TODAY = cityClock(new Date()).date;
const D0 = addCityDays(REAL_TODAY, 5);
const D1 = addCityDays(D0, 1);
const D2 = addCityDays(D0, 2);

/** A street the demo collector does not serve (the seed gives it to another collector): the admin adds it. */
const STREET = DEFAULT_CITY.streets.find((s) => s.name === "娄葑街道" && s.districtCode === "320571");
if (!STREET) throw new Error("娄葑街道 is not in the city's street list");
const STREET_CODE = pickupStreetCode(STREET);
/** The resident's building in 娄葑 (GCJ-02); the phone reports its WGS-84 twin. */
const HOME = { lat: STREET.centre.lat + 0.0008, lng: STREET.centre.lng + 0.0006 };
const HOME_PHONE_POSITION = gcj02ToWgs84(HOME);
/** Where the collector's phone is when the day's route is drawn: about 1 km west of the home. */
const DEPOT = { lat: HOME.lat, lng: HOME.lng - 0.0105 };
const DEPOT_PHONE_POSITION = gcj02ToWgs84(DEPOT);
const ADDRESS = "娄葑街道东环路 1500 号 8 幢 2 单元 602 室";
const PLACEMENT = "单元楼下";
const ACCESS_NOTES = "小区北门进，门卫处登记即可";
const PHONE = "13912345678";
const FRIDGE_KG = "45.5";
const RATING_COMMENT = "师傅准时上门，冰箱搬得很小心";

let server: CivicServer;
let browser: PhoneBrowser;
let page: Page;
let problems: string[];
const photos = freshTempDir("e2e-pickup-photos");
let itemsPhoto: string;
let collectionPhoto: string;

let bookingId: string;
let bookingNumber: string;
let collectorId: string;

const { shown, texts, textIn, textOf, openFresh, loginAs } = appActions(() => page);

/*
 * The story's clock: a city moment set by liveAt, running on in real time from then. The server reads it as
 * deps.clock; the phone's Date is moved to the same moment.
 */
let anchorMs = 0;
let anchorSetAt = 0;
const storyNow = () => new Date(anchorMs + (Date.now() - anchorSetAt));

async function liveAt(date: string, hhmm: string): Promise<void> {
  const at = cityInstant(date, hhmm);
  anchorMs = at.getTime();
  anchorSetAt = Date.now();
  await browser.context.clock.setSystemTime(at);
}

/** Taps `button`, answers the file chooser it opens (Taro H5's chooseMedia) with `file`. */
async function choosePhoto(button: Locator, file: string): Promise<UploadResponse> {
  const upload = await answerTo<UploadResponse>(
    page,
    isApi("/api/v1/uploads"),
    async () => {
      const chooser = page.waitForEvent("filechooser");
      await button.click();
      await (await chooser).setFiles(file);
    },
    "POST",
  );
  expect(upload.status).toBe(201);
  return upload.body;
}

/** "2026-12-02" → "12月2日" (the pages' own date text, written out independently). */
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

beforeAll(async () => {
  itemsPhoto = join(photos.path, "fridge-and-mattress.jpg");
  collectionPhoto = join(photos.path, "loaded-on-truck.jpg");
  writeFileSync(itemsPhoto, sampleJpeg());
  writeFileSync(collectionPhoto, sampleJpeg());

  anchorMs = cityInstant(D0, "10:00").getTime();
  anchorSetAt = Date.now();
  server = await startCivicServer({ staticDir: miniappDist("h5"), clock: storyNow });
  browser = await launchPhoneBrowser({
    baseURL: server.url,
    geolocation: { latitude: HOME_PHONE_POSITION.lat, longitude: HOME_PHONE_POSITION.lng },
  });
  // Installed before the first page loads; from here on the phone's clock runs from the set moment.
  await browser.context.clock.install({ time: storyNow() });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
  problems = watchForProblems(page);
  console.log(`E2E against ${server.url}; the story's days: booking ${D0}, collection ${D1}, overview ${D2}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  photos.remove();
  if (problems?.length) console.log(`problems seen in the page:\n${problems.join("\n")}`);
});

describe("E2E (H5 in Chromium): 大件垃圾预约 — book, accept, route, complete with kg, rate, the bureau's overview and KPIs", () => {
  it(`${D0} 10:00 — a resident opens 大件垃圾预约 from the home page and chooses a fridge and a mattress`, async () => {
    await liveAt(D0, "10:00");
    await loginAs("resident");
    await page.getByText("首页", { exact: true }).last().click();
    await shown(".service-bulky-waste").click();
    await shown(".pickup-book-page .pickup-items-step").waitFor();
    expect(await shown(".wizard-step--items").getAttribute("class")).toContain("is-current");

    // Nothing chosen: the wizard says why it cannot go on.
    await shown(".wizard-next").click();
    expect(await textOf(".wizard-problem")).toBe("请至少选择一件物品");

    const fridge = shown('.pickup-item[data-code="fridge"]');
    expect(await fridge.locator(".badge-recyclable").count()).toBe(1);
    expect(await textOf('.pickup-item[data-code="fridge"] .pickup-item__note')).toBe("冰箱请提前断电除霜");
    await fridge.locator(".stepper-plus").click();
    // A second fridge is refused by name (one per booking).
    await fridge.locator(".stepper-plus").click();
    expect(await textOf(".pickup-item-refusal")).toBe("「冰箱」每次最多预约 1 件");
    await shown('.pickup-item[data-code="mattress"] .stepper-plus').click();
    expect(await textOf(".pickup-items-total")).toBe("已选 2/5 件");
    expect(await shown(".pickup-item.is-chosen").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")))).toEqual([
      "fridge",
      "mattress",
    ]);
    await screenshot(page, "pickup-01-items");
  });

  it("adds a photo of the items (optional), which uploads at once", async () => {
    await shown(".wizard-next").click();
    await shown(".pickup-photos-step").waitFor();
    const upload = await choosePhoto(shown(".pickup-photos-step .photo-add"), itemsPhoto);
    expect(upload.contentType).toBe("image/jpeg");
    await shown(".photo-item.photo-item--done").waitFor();
    expect(await textOf(".photo-item--done .photo-done")).toBe("已上传");
    await screenshot(page, "pickup-02-photo");
  });

  it("types the address and marks the point from the phone's position: the map names 娄葑街道", async () => {
    await shown(".wizard-next").click();
    await shown(".pickup-address-step").waitFor();
    await shown(".wizard-next").click();
    expect(await textOf(".wizard-problem")).toBe("请填写详细地址（小区、楼栋、门牌号）");

    await shown(".pickup-address-input input").fill(ADDRESS);
    await shown(".wizard-next").click();
    expect(await textOf(".wizard-problem")).toBe("请在地图上标出收运地点");

    await shown(".locate-me").click();
    await shown(".pickup-place .place-map__map").waitFor();
    const place = resolvePlace(DEFAULT_CITY, HOME);
    expect(place?.street?.name).toBe(STREET.name);
    expect(await textOf(".pickup-place-name")).toBe(`所在区域：${place?.district.name} · ${STREET.name}`);
    await screenshot(page, "pickup-03-address");
  });

  it("says where the items will be left (with the door-code reminder) and types the phone", async () => {
    await shown(".wizard-next").click();
    await shown(".pickup-placement-step").waitFor();
    expect(await textOf(".door-code-reminder")).toContain("请勿填写门禁密码");
    await shown(".placement-chip").getByText(PLACEMENT, { exact: true }).click();
    await shown(".access-notes-input textarea").fill(ACCESS_NOTES);
    await expect.poll(() => textOf(".access-notes-count")).toBe(`${ACCESS_NOTES.length}/250`);
    await screenshot(page, "pickup-04-placement");

    await shown(".wizard-next").click();
    await shown(".pickup-contact-step").waitFor();
    // H5 has no WeChat phone-number button: the number is typed.
    expect(await shown(".phone-number-button").count()).toBe(0);
    await shown(".phone-input input").fill("1391234");
    await shown(".wizard-next").click();
    expect(await textOf(".wizard-problem")).toBe("请填写 11 位手机号码");
    await shown(".phone-input input").fill(PHONE);
  });

  it(`picks the morning of ${D1} in 娄葑街道 and submits: the booking page shows its number and what to prepare`, async () => {
    const slots = await answerTo<{ slots: PickupSlot[]; firstDate: string }>(
      page,
      (u) => u.pathname === "/api/v1/pickups/slots" && u.searchParams.get("street") === STREET_CODE,
      () => shown(".wizard-next").click(),
    );
    // Bookable from tomorrow (by the server's clock): the first date offered is D1.
    expect(slots.body.firstDate).toBe(D1);
    const slot = slots.body.slots.find((s) => s.date === D1 && s.window === "am");
    if (!slot) throw new Error(`no morning slot on ${D1} in ${STREET_CODE}`);
    expect(await textOf(".street-current")).toBe(`街道：工业园区 ${STREET.name}`);
    expect(await shown(".slot-day").first().getAttribute("data-date")).toBe(D1);
    expect(await textOf(".pickup-slot-step .hint-text")).toBe("本次预约占用 6 个容量单位（按物品大小计算）。");
    await shown(`.slot-option[data-slot="${slot.id}"]`).click();
    await expect.poll(() => shown(`.slot-option[data-slot="${slot.id}"]`).getAttribute("class")).toContain("is-selected");
    expect(await textOf(".pickup-summary__slot")).toContain(monthDay(D1));
    await screenshot(page, "pickup-05-slot");

    const created = await answerTo<PickupBooking>(page, isApi("/api/v1/pickups"), () => shown(".pickup-submit").click(), "POST");
    expect(created.status).toBe(201);
    const sent = created.sent as { items: unknown; photoIds: string[]; contactPhone: string; placement: string; slotId: string };
    expect(sent.items).toEqual([
      { code: "fridge", qty: 1 },
      { code: "mattress", qty: 1 },
    ]);
    expect(sent.photoIds).toHaveLength(1);
    expect({ phone: sent.contactPhone, placement: sent.placement, slotId: sent.slotId }).toEqual({
      phone: PHONE,
      placement: PLACEMENT,
      slotId: slot.id,
    });
    const booking = created.body;
    bookingId = booking.id;
    bookingNumber = booking.number;
    expect(booking.status).toBe("booked");
    expect(booking.slot).toEqual({ id: slot.id, streetCode: STREET_CODE, date: D1, window: "am" });
    expect(booking.volumePoints).toBe(6);

    await shown(".pickup-booking-page .pickup-facts").waitFor();
    expect(page.url()).toContain(`packages/pickups/booking/index?id=${bookingId}`);
    expect(await textOf(".pickup-number")).toBe(`预约号 ${bookingNumber}`);
    expect(await texts(".pickup-facts .pickup-status")).toEqual(["已预约"]);
    expect(await textOf(".pickup-facts__slot")).toBe(
      `收运时间：${monthDay(D1)} 周${"日一二三四五六"[new Date(`${D1}T00:00:00Z`).getUTCDay()]} 上午 8:00–12:00`,
    );
    expect(await texts(".pickup-prepare__line")).toContain("· 冰箱请提前断电除霜");
    // Cancel and amend stay open until 14:00 the day before collection, which is today.
    expect(await textOf(".pickup-deadline")).toBe(`${monthDay(D0)} 14:00 前可以修改或取消`);
    await screenshot(page, "pickup-06-booked");
  });

  it("the demo collector does not see it yet: 娄葑街道 is not one of their streets", async () => {
    collectorId = (await loginAs("collector")).user.id;
    const list = await answerTo<{ jobs: CollectorJob[] }>(page, isApi("/api/v1/collector/jobs"), () => shown(".collector-entry").click());
    expect(list.body.jobs.map((j) => j.id)).not.toContain(bookingId);
    // The demo's own jobs lie before the story's days: the list is empty.
    expect(list.body.jobs).toEqual([]);
    await shown(".collector-jobs-page .state-empty").waitFor();
    expect(await textOf(".collector-jobs-page .state-text")).toBe("您服务的街道暂时没有待接的预约");
  });

  it("an admin adds 娄葑街道 to the collector's streets (admin API, with the admin's session)", async () => {
    const { token } = await loginAs("admin");
    const streets = [...DEMO_PICKUP_STREETS.slice(0, 4), STREET_CODE];
    const res = await fetch(`${server.url}/api/v1/admin/pickups/collectors/${collectorId}/streets`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ streets }),
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { userId: string; streets: string[] };
    expect(answer.streets).toEqual([...streets].sort());
  });

  it("the collector finds the job in 接单 (street, window, items and volume only) and accepts it", async () => {
    await loginAs("collector");
    await answerTo<{ jobs: CollectorJob[] }>(page, isApi("/api/v1/collector/jobs"), () => shown(".collector-entry").click());
    const card = shown(`.job-card[data-id="${bookingId}"]`);
    await card.waitFor();
    expect(await card.getAttribute("class")).toContain("job-card--open");
    const cardText = (sel: string) => textIn(card.locator(sel));
    expect(await cardText(".job-card__street")).toBe(STREET.name);
    expect(await cardText(".job-card__when")).toBe(`明天 ${monthDay(D1)} · 上午 8:00–12:00`);
    expect(await cardText(".job-card__items")).toBe("冰箱×1、床垫×1");
    expect(await cardText(".job-card__volume")).toBe("体积 6 点");
    // No address, phone or name before accepting.
    expect(await card.locator(".job-card__address").count()).toBe(0);
    await screenshot(page, "pickup-07-jobs");

    const accepted = await answerTo<CollectorJob>(
      page,
      isApi(`/api/v1/collector/jobs/${bookingId}/accept`),
      () => card.locator(".job-accept").click(),
      "POST",
    );
    expect(accepted.body).toMatchObject({ status: "accepted", mine: true });
    expect(accepted.body.contact).toMatchObject({
      number: bookingNumber,
      address: ADDRESS,
      contactPhone: PHONE,
      accessNotes: ACCESS_NOTES,
    });
    expect(await textOf(".job-notice--ok")).toBe("接单成功，可在任务中查看地址和电话");
    const mine = shown(`.job-section--mine .job-card[data-id="${bookingId}"]`);
    await mine.waitFor();
    expect(await textIn(mine.locator(".job-card__address"))).toBe(ADDRESS);
    expect(await textIn(mine.locator(".job-status"))).toBe("回收员已接单");
    await screenshot(page, "pickup-08-accepted");
  });

  it("before the collection day the job page offers only 退单: arriving and completing wait for the day", async () => {
    await shown(`.job-card[data-id="${bookingId}"] .job-open`).click();
    await shown(".collector-job-page .job-summary").waitFor();
    expect(await shown(".job-release").count()).toBe(1);
    expect(await shown(".job-arrive, .job-complete, .job-unable").count()).toBe(0);
    expect(await textOf(".job-before-day")).toBe(`收运当天（${monthDay(D1)}）才能标记到达和完成收运`);
  });

  it(`${D1} 08:30 — the collector opens the day's route: one stop, with the address, phone and access notes`, async () => {
    await liveAt(D1, "08:30");
    await browser.context.setGeolocation({ latitude: DEPOT_PHONE_POSITION.lat, longitude: DEPOT_PHONE_POSITION.lng });
    await openFresh("/packages/collector/jobs/index");
    await shown(".collector-jobs-page .job-section--mine").waitFor();
    const route = await answerTo<CollectorRoute>(
      page,
      (u) => u.pathname === "/api/v1/collector/route" && u.searchParams.get("date") === D1,
      () => shown(".day-link").click(),
    );
    expect(route.body.stops.map((s) => s.job.id)).toEqual([bookingId]);
    expect(route.body.start).not.toBeNull();
    await shown(".collector-day-page .route-stop").waitFor();
    const stop = shown(`.route-stop[data-id="${bookingId}"]`);
    expect(await textIn(stop.locator(".job-contact__address"))).toBe(ADDRESS);
    expect(await textIn(stop.locator(".job-contact__notes"))).toBe(`进入说明：${ACCESS_NOTES}`);
    expect(await textIn(stop.locator(".job-call"))).toBe(`拨打电话 ${PHONE}`);
    expect(await textOf(".route-summary")).toMatch(/^共 1 站，全程约 (\d+ 米|\d\.\d 公里)（从您当前位置出发）$/);
    await screenshot(page, "pickup-09-route");
  });

  it("arrives, then completes with a photo and the fridge's weight; the mattress carries no weight", async () => {
    await shown(`.route-stop[data-id="${bookingId}"] .route-stop__open`).click();
    await shown(".collector-job-page .job-arrive").waitFor();
    const arrived = await answerTo<CollectorJob>(
      page,
      isApi(`/api/v1/collector/jobs/${bookingId}/arrive`),
      () => shown(".job-arrive").click(),
      "POST",
    );
    expect(arrived.body.status).toBe("arrived");
    await expect.poll(() => textOf(".job-summary .job-status")).toBe("回收员已到达");

    await shown(".job-complete").click();
    await shown(".complete-form").waitFor();
    // Nothing yet: the form says what is missing (a photo, the fridge's kg) without asking the server.
    await shown(".complete-submit").click();
    expect(await textOf(".field-error-photos")).toBe("请至少拍一张收运现场的照片");
    expect(await textOf(".field-error-kg-fridge")).toBe("可回收物品请填写称重（0–1000 公斤）");
    expect(await shown(".taken-line-mattress .taken-kg").count()).toBe(0);

    const photo = await choosePhoto(shown(".job-add-photo"), collectionPhoto);
    await shown(".job-photo--done").waitFor();
    await shown(".taken-line-fridge .taken-kg input").fill(FRIDGE_KG);
    // Both put right: their errors are gone before submitting again.
    await expect.poll(() => shown(".complete-form .field-error").count()).toBe(0);
    await screenshot(page, "pickup-10-complete-form");

    const completed = await answerTo<CollectorJob>(
      page,
      isApi(`/api/v1/collector/jobs/${bookingId}/complete`),
      () => shown(".complete-submit").click(),
      "POST",
    );
    expect(completed.sent).toEqual({
      taken: [
        { code: "fridge", qty: 1, kg: Number(FRIDGE_KG) },
        { code: "mattress", qty: 1 },
      ],
      photoIds: [photo.id],
    });
    expect(completed.body.status).toBe("completed");
    await expect.poll(() => textOf(".job-done")).toBe("本次收运已完成，感谢您的工作。");
    await screenshot(page, "pickup-11-completed");
  });

  it(`${D1} 10:30 — the resident sees 已收运 with the outcome in 我的预约 and rates it`, async () => {
    await liveAt(D1, "10:30");
    await loginAs("resident");
    await shown(".my-pickups-entry").click();
    const item = shown(`.pickup-mine-item[data-id="${bookingId}"]`);
    await item.waitFor();
    expect(await textIn(item.locator(".pickup-status"))).toBe("已收运");
    await answerTo<PickupBooking>(page, isApi(`/api/v1/pickups/${bookingId}`), () => item.click());
    await shown(".pickup-booking-page .pickup-outcome").waitFor();
    expect(await texts(".pickup-facts .pickup-status")).toEqual(["已收运"]);
    expect(await texts(".pickup-outcome__line")).toEqual([`冰箱 × 1，${FRIDGE_KG} 公斤（可回收）`, "床垫 × 1"]);
    // The collector's photo opens for the resident who booked (a signed URL the API serves them).
    const photo = shown(".pickup-outcome__photos .report-photo__image img, .pickup-outcome__photos img.report-photo__image").first();
    await photo.waitFor();
    await expect
      .poll(() => photo.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))
      .toBe(true);
    // Collected: what to prepare no longer applies.
    expect(await shown(".pickup-prepare").count()).toBe(0);
    // Past the deadline and completed: no cancel, amend or 未收运.
    expect(await shown(".cancel-open, .amend-open, .pickup-missed-form").count()).toBe(0);

    await shown(".star-5").click();
    await shown(".rate-comment textarea").fill(RATING_COMMENT);
    await screenshot(page, "pickup-12-outcome-rate");
    const rated = await answerTo<PickupBooking>(
      page,
      isApi(`/api/v1/pickups/${bookingId}/rate`),
      () => shown(".rate-submit").click(),
      "POST",
    );
    expect(rated.sent).toEqual({ rating: 5, comment: RATING_COMMENT });
    expect(rated.body.rating).toBe(5);
    await expect.poll(() => textOf(".pickup-rated")).toBe("您的评价：★★★★★");
    expect(await shown(".pickup-rate-form").count()).toBe(0);
    await screenshot(page, "pickup-13-rated");
  });

  it(`${D2} 09:00 — a moderator opens 大件收运概况 for ${D1}: 娄葑街道 counts it completed, nothing overdue`, async () => {
    await liveAt(D2, "09:00");
    await loginAs("moderator");
    await shown(".moderation-entry").click();
    await shown(".moderation-queue-page .kpi-link").click();
    await shown(".kpi-pickups-link").click();
    await shown(".pickup-overview .overview-filters").waitFor();
    // The page opens on the city's today, by the phone's clock.
    expect(await shown(".overview-date input").inputValue()).toBe(D2);

    await answerTo<PickupOverview>(
      page,
      (u) => u.pathname === "/api/v1/admin/pickups/overview" && u.searchParams.get("district") === "320571",
      () => shown(".overview-district.district-yuanqu").click(),
    );
    await shown(".overview-date input").fill(D1);
    const day = await answerTo<PickupOverview>(
      page,
      (u) => u.pathname === "/api/v1/admin/pickups/overview" && u.searchParams.get("date") === D1,
      () => shown(".overview-apply").click(),
    );
    const row = day.body.streets.find((s) => s.streetCode === STREET_CODE);
    expect(row).toMatchObject({ booked: 0, accepted: 0, arrived: 0, completed: 1, unable: 0, overdue: 0, bookedPoints: 6 });
    const shownRow = shown(".overview-street").filter({ has: page.getByText(STREET.name, { exact: true }) });
    await expect.poll(() => textIn(shownRow.locator(".overview-completed"))).toBe("已完成 1");
    expect(await textIn(shownRow.locator(".overview-overdue"))).toBe("超时未完成 0");
    expect(await textIn(shownRow.locator(".overview-volume"))).toBe(`运力 6 / ${row?.capacityPoints} 点`);
    expect(await shown(".overview-overdue-note").count()).toBe(0);
    await screenshot(page, "pickup-14-overview");
  });

  it(`the KPIs of ${D1} count it: due 1, completed on time, no no-show, rated 5`, async () => {
    await shown(".kpi-from input").fill(D1);
    await shown(".kpi-to input").fill(D1);
    const kpis = await answerTo<PickupKpis>(
      page,
      (u) => u.pathname === "/api/v1/admin/pickups/kpis" && u.searchParams.get("from") === D1 && u.searchParams.get("to") === D1,
      () => shown(".kpi-apply").click(),
    );
    expect(kpis.body).toMatchObject({ due: 1, completed: 1, onTimeRate: 1, noShowRate: 0, averageRating: 5, rated: 1 });
    await expect.poll(() => textOf(".kpi-on-time .kpi-count")).toBe("应收运 1 单，已完成 1 单");
    expect(await textOf(".kpi-on-time .kpi-value")).toBe("100%");
    expect(await textOf(".kpi-no-show .kpi-value")).toBe("0%");
    expect(await textOf(".kpi-rating .kpi-value")).toBe("5.0 分");
    expect(await textOf(".kpi-rating .kpi-count")).toBe("1 条评价");
    // The page scrolls inside Taro's container: bring the tiles into the screenshot.
    await shown(".pickup-kpis").scrollIntoViewIfNeeded();
    await screenshot(page, "pickup-15-kpis");
  });

  it("saw no errors in the page", () => {
    expect(problems).toEqual([]);
  });
});

import { PickupBooking, PickupBookingRequest, PickupItem, PickupSlot, SessionResponse } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { bootWeapp } from "./boot";
import { HERE, RESIDENT, stubApi } from "./fixtures";
import type { RequestHandler, WxRequest } from "./harness/fake-wx";
import { findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";

/*
 * 大件垃圾预约 as WeChat would run it: the pickups subpackage's pages in the built weapp under the fake wx.
 * A signed-in resident picks items, fills the address from WeChat's saved addresses and the point from
 * WeChat's map picker, gets the phone through the phone-number button, picks a slot and books; then
 * opens 我的预约 and the booking.
 */
const SESSION = SessionResponse.parse({ token: "fake-session-token", expiresAt: "2099-01-01T00:00:00.000Z", user: RESIDENT });
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const ITEMS = [
  { code: "sofa", name: "沙发", category: "furniture", maxPerBooking: 2, recyclable: true, volumePoints: 3, note: null, active: true },
  {
    code: "fridge",
    name: "冰箱",
    category: "appliance",
    maxPerBooking: 1,
    recyclable: true,
    volumePoints: 2,
    note: "冰箱请提前断电除霜",
    active: true,
  },
].map((i) => PickupItem.parse(i));

const slot = (id: string, street: string, window: "am" | "pm") =>
  PickupSlot.parse({ id, streetCode: street, date: day(3), window, capacityPoints: 20, bookedPoints: 0, remaining: 20 });

const BOOKED = PickupBooking.parse({
  id: "0190a1b2-0000-7000-8000-00000000p0w1",
  number: "DJ-0001",
  status: "booked",
  slot: { id: "slot-am", streetCode: "320508:观前街道", date: day(3), window: "am" },
  items: [{ code: "sofa", name: "沙发", qty: 1, recyclable: true }],
  volumePoints: 3,
  address: "苏州市姑苏区观前街 1 号 3 栋 101",
  location: { lat: HERE.latitude, lng: HERE.longitude },
  placement: "单元楼下",
  accessNotes: "",
  contactPhone: "13800001111",
  onBehalf: null,
  changeableUntil: new Date(Date.now() + 86_400_000).toISOString(),
  prepare: [],
  createdAt: new Date().toISOString(),
  version: 1,
  rating: null,
  outcome: null,
  caseNumber: null,
  caseId: null,
});

const json = (statusCode: number, data: unknown) => ({ statusCode, data, header: { "content-type": "application/json" } });

function pickupsApi(): RequestHandler {
  const fallback = stubApi();
  return (req: WxRequest) => {
    const url = new URL(req.url, "https://api.test");
    const path = url.pathname;
    if (path.endsWith("/api/v1/pickups/items")) return json(200, { items: ITEMS });
    if (path.endsWith("/api/v1/pickups/slots")) {
      const street = url.searchParams.get("street") ?? "";
      return json(200, { slots: [slot("slot-am", street, "am"), slot("slot-pm", street, "pm")], firstDate: day(1), lastDate: day(28) });
    }
    if (path.endsWith("/api/v1/me/phone-number") && req.method === "POST") return json(200, { phone: "13800001111", countryCode: "86" });
    if (path.endsWith("/api/v1/pickups") && req.method === "POST") return json(201, BOOKED);
    if (path.endsWith("/api/v1/pickups/mine")) return json(200, { bookings: [BOOKED] });
    if (path.endsWith(`/api/v1/pickups/${BOOKED.id}`)) return json(200, BOOKED);
    return fallback(req);
  };
}

const has = (cls: string) => (t: WxmlElement) => findByClass(t, cls).length > 0 && t;

describe("weapp: 大件垃圾预约", () => {
  it("books through the wizard: items, WeChat address and map point, phone-number button, slot", async () => {
    const mp = await bootWeapp({ onRequest: pickupsApi(), storage: { "civic.session": SESSION } });
    const page = await mp.openPage("packages/pickups/book/index");

    let tree = await page.waitFor(has("pickup-item"), "the item list");
    const sofa = findByClass(tree, "pickup-item").find((el) => textOf(el).includes("沙发")) as WxmlElement;
    expect(textOf(sofa)).toContain("可回收");
    page.tap(findOneByClass(sofa, "stepper-plus"));
    tree = await page.waitFor((t) => textOf(findOneByClass(t, "pickup-items-total")).includes("1/5") && t, "one item");
    page.tap(findOneByClass(tree, "wizard-next"));

    tree = await page.waitFor(has("pickup-photos-step"), "the photo step");
    page.tap(findOneByClass(tree, "wizard-next"));

    tree = await page.waitFor(has("choose-address"), "the address step");
    page.tap(findOneByClass(tree, "choose-address"));
    tree = await page.waitFor(
      (t) => JSON.stringify(findOneByClass(t, "pickup-address-input").attr).includes("观前街 1 号") && t,
      "the address from WeChat",
    );
    page.tap(findOneByClass(tree, "pick-on-map"));
    tree = await page.waitFor(has("pickup-place"), "the point on the map");
    expect(textOf(findOneByClass(tree, "pickup-place-name"))).toContain("姑苏区");
    page.tap(findOneByClass(tree, "wizard-next"));

    tree = await page.waitFor(has("placement-chip"), "the placement step");
    expect(textOf(findOneByClass(tree, "door-code-reminder"))).toContain("请勿填写门禁密码");
    page.tap(findByClass(tree, "placement-chip")[0] as WxmlElement);
    tree = await page.waitFor(has("is-selected"), "the chosen placement");
    page.tap(findOneByClass(tree, "wizard-next"));

    tree = await page.waitFor(has("phone-number-button"), "the contact step");
    page.trigger(findOneByClass(tree, "phone-number-button"), "getphonenumber", { code: "wx-phone-code", errMsg: "getPhoneNumber:ok" });
    tree = await page.waitFor(
      (t) => JSON.stringify(findOneByClass(t, "phone-input").attr).includes("13800001111") && t,
      "the number from the phone-number exchange",
    );
    expect(mp.fake.requests.filter((r) => r.url.endsWith("/api/v1/me/phone-number"))).toHaveLength(1);
    page.tap(findOneByClass(tree, "wizard-next"));

    tree = await page.waitFor(has("slot-option"), "the slots");
    const slotsReq = mp.fake.requests.find((r) => r.url.includes("/api/v1/pickups/slots"));
    expect(decodeURIComponent(slotsReq?.url ?? "")).toMatch(/street=320508:/);
    page.tap(findByClass(tree, "slot-option")[0] as WxmlElement);
    tree = await page.waitFor(has("pickup-summary__slot"), "the chosen slot");
    page.tap(findOneByClass(tree, "pickup-submit"));
    await page.waitFor(() => mp.fake.callsOf("redirectTo").length > 0, "the redirect to the booking");

    const post = mp.fake.requests.find((r) => r.method === "POST" && r.url.endsWith("/api/v1/pickups"));
    expect(post?.header["Idempotency-Key"]).toMatch(/^pku-[0-9a-f]{32}$/);
    const body = PickupBookingRequest.parse(post?.data);
    expect(body).toMatchObject({
      items: [{ code: "sofa", qty: 1 }],
      address: "苏州市姑苏区观前街 1 号 3 栋 101",
      location: { lat: HERE.latitude, lng: HERE.longitude },
      placement: "单元楼下",
      contactPhone: "13800001111",
      slotId: "slot-am",
      // Asked at the submit tap and accepted in the fake wx: the API records the grant with the booking.
      subscriptions: ["civic-pickup-status"],
    });
    expect(mp.fake.callsOf("requestSubscribeMessage")).toEqual([expect.objectContaining({ tmplIds: ["civic-pickup-status"] })]);
    expect(mp.fake.callsOf("redirectTo")).toEqual([expect.objectContaining({ url: `/packages/pickups/booking/index?id=${BOOKED.id}` })]);
    expect(mp.errors).toEqual([]);
    expect([...mp.fake.missing]).toEqual([]);
  });

  it("opens 我的预约 and the booking with its cancel and amend", async () => {
    const mp = await bootWeapp({ onRequest: pickupsApi(), storage: { "civic.session": SESSION } });
    const mine = await mp.openPage("packages/pickups/mine/index");
    const list = await mine.waitFor(has("pickup-mine-item"), "my bookings");
    expect(textOf(findOneByClass(list, "pickup-status"))).toBe("已预约");

    const page = await mp.openPage("packages/pickups/booking/index", { id: BOOKED.id });
    const tree = await page.waitFor(has("pickup-facts"), "the booking");
    expect(textOf(findOneByClass(tree, "pickup-number"))).toContain("DJ-0001");
    expect(findByClass(tree, "amend-open")).toHaveLength(1);
    expect(findByClass(tree, "cancel-open")).toHaveLength(1);
    expect(findByClass(tree, "pickup-rate-form")).toHaveLength(0);
    expect(mp.errors).toEqual([]);
  });
});

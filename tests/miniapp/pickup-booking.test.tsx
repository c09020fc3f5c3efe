import { render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import PickupBookingPage from "../../miniapp/src/packages/pickups/booking/index";
import MyPickupsPage from "../../miniapp/src/packages/pickups/mine/index";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, type SentRequest, sessionFor, stubApi } from "./fixtures";
import { BOOKING_ID, bookingOf, dayFromNow, itemsBody, slotOf, slotsBody, summaryOf } from "./pickup-fixtures";
import { $, $$, tap, type, waitForSelector } from "./report-fixtures";
import Taro, { shimState } from "./shims/taro";

type Booking = ReturnType<typeof bookingOf>;

/** The API around one booking; every change answers the booking with `after` applied. */
function bookingApi(booking: Booking, after: Partial<Booking> = {}) {
  return (req: SentRequest) => {
    const path = `/api/v1/pickups/${BOOKING_ID}`;
    if (req.method === "GET" && req.path === path) return ok(booking);
    if (req.path === "/api/v1/pickups/items") return ok(itemsBody);
    if (req.path === "/api/v1/pickups/slots") return ok(slotsBody([slotOf("slot-a"), slotOf("slot-b", { window: "pm" })]));
    if ((req.method === "POST" && req.path.startsWith(`${path}/`)) || (req.method === "PATCH" && req.path === path))
      return ok({ ...booking, ...after, version: booking.version + 1 });
    return apiError(404, "not_found");
  };
}

async function openBooking(booking: Booking, after: Partial<Booking> = {}) {
  saveSession(sessionFor(["resident"]));
  shimState.routerParams = { id: BOOKING_ID };
  const sent = stubApi(bookingApi(booking, after));
  const view = render(<PickupBookingPage />);
  await waitForSelector(view.container, ".pickup-facts");
  return { ...view, sent };
}

const actionsShown = (c: HTMLElement) =>
  [".amend-open", ".cancel-open", ".pickup-missed-form", ".pickup-rate-form"].filter((s) => $(c, s) !== null);
const PAST = { id: "slot-old", streetCode: "320508:观前街道", date: dayFromNow(-2), window: "am" as const };

describe("我的预约", () => {
  it("lists my bookings with their status and opens one", async () => {
    saveSession(sessionFor(["resident"]));
    const navigate = vi.spyOn(Taro, "navigateTo");
    stubApi(() => ok({ bookings: [summaryOf(bookingOf()), summaryOf(bookingOf({ id: "other", number: "DJ-2", status: "completed" }))] }));
    const { container } = render(<MyPickupsPage />);
    await waitForSelector(container, ".pickup-mine-item");
    expect($$(container, ".pickup-status").map((s) => s.textContent)).toEqual(["已预约", "已收运"]);
    tap(container, `.pickup-mine-item[data-id="${BOOKING_ID}"]`);
    expect(navigate).toHaveBeenCalledWith({ url: `/packages/pickups/booking/index?id=${BOOKING_ID}` });
  });

  it("says there is none yet and offers 预约", async () => {
    saveSession(sessionFor(["resident"]));
    const navigate = vi.spyOn(Taro, "navigateTo");
    stubApi(() => ok({ bookings: [] }));
    const { container } = render(<MyPickupsPage />);
    await waitForSelector(container, ".pickup-mine-empty");
    tap(container, ".pickup-book-button");
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/pickups/book/index" });
  });

  it("shows the error with a retry", async () => {
    saveSession(sessionFor(["resident"]));
    stubApi(() => apiError(500, "internal"));
    const { container } = render(<MyPickupsPage />);
    await waitForSelector(container, ".state-error");
  });
});

describe("a booking", () => {
  it("shows the number, slot, items, what to prepare; cancel and amend while changeable, nothing else", async () => {
    const { container } = await openBooking(bookingOf({ caseNumber: null }));
    expect($(container, ".pickup-number")?.textContent).toBe("预约号 DJ20261204-0042");
    expect($(container, ".pickup-facts__slot")?.textContent).toContain("上午 8:00–12:00");
    expect($(container, ".pickup-facts__item")?.textContent).toBe("沙发 × 1（可回收）");
    expect($(container, ".pickup-prepare__line")?.textContent).toContain("冰箱请提前断电除霜");
    expect($(container, ".pickup-case-number")).toBeNull();
    expect(actionsShown(container)).toEqual([".amend-open", ".cancel-open"]);
  });

  it("cancels with a reason", async () => {
    const { container, sent } = await openBooking(bookingOf(), { status: "cancelled" });
    tap(container, ".cancel-open");
    type(container, ".cancel-reason", "家里人自己搬走了");
    tap(container, ".cancel-confirm");
    await waitFor(() => expect($(container, ".pickup-status")?.textContent).toBe("已取消"));
    const post = sent.find((r) => r.method === "POST");
    expect(post?.path).toBe(`/api/v1/pickups/${BOOKING_ID}/cancel`);
    expect(post?.body).toEqual({ reason: "家里人自己搬走了" });
    expect(actionsShown(container)).toEqual([]);
  });

  it("amends the items and the slot with the wizard's steps, sending the version read", async () => {
    const { container, sent } = await openBooking(bookingOf({ version: 3 }));
    tap(container, ".amend-open");
    await waitForSelector(container, '.pickup-item[data-code="chair"]');
    tap(container, '.pickup-item[data-code="chair"] .stepper-plus');
    await waitForSelector(container, '.slot-option[data-slot="slot-b"]');
    tap(container, '.slot-option[data-slot="slot-b"]');
    tap(container, ".amend-save");
    await waitFor(() => expect(sent.some((r) => r.method === "PATCH")).toBe(true));
    expect(sent.find((r) => r.method === "PATCH")?.body).toEqual({
      version: 3,
      items: [
        { code: "chair", qty: 1 },
        { code: "sofa", qty: 1 },
      ],
      slotId: "slot-b",
    });
  });

  it("amend answered slot full says so and keeps the panel open", async () => {
    saveSession(sessionFor(["resident"]));
    shimState.routerParams = { id: BOOKING_ID };
    const base = bookingApi(bookingOf());
    stubApi((req) =>
      req.method === "PATCH"
        ? { statusCode: 409, data: { error: { code: "conflict", message: "full", details: { reason: "slot_full" } } } }
        : base(req),
    );
    const { container } = render(<PickupBookingPage />);
    await waitForSelector(container, ".amend-open");
    tap(container, ".amend-open");
    await waitForSelector(container, '.slot-option[data-slot="slot-b"]');
    tap(container, '.slot-option[data-slot="slot-b"]');
    tap(container, ".amend-save");
    await waitForSelector(container, ".slot-notice");
    expect($(container, ".slot-notice")?.textContent).toBe("该时段已约满，请重新选择");
  });

  it("after the deadline and the window: no cancel or amend, but 未收运", async () => {
    const { container, sent } = await openBooking(
      bookingOf({ slot: PAST, changeableUntil: new Date(Date.now() - 3 * 86_400_000).toISOString() }),
      { status: "missed", caseNumber: "DJ-CASE-7" },
    );
    expect(actionsShown(container)).toEqual([".pickup-missed-form"]);
    tap(container, ".missed-submit");
    await waitFor(() => expect($(container, ".pickup-case-number")?.textContent).toBe("案件编号：DJ-CASE-7"));
    expect(sent.find((r) => r.method === "POST")?.path).toBe(`/api/v1/pickups/${BOOKING_ID}/missed`);
    expect(actionsShown(container)).toEqual([]);
  });

  it("after the deadline but before the window ends: nothing to do", async () => {
    const { container } = await openBooking(bookingOf({ changeableUntil: new Date(Date.now() - 1000).toISOString() }));
    expect(actionsShown(container)).toEqual([]);
  });

  it("completed: the outcome with weights, and the rating once", async () => {
    const outcome = {
      status: "completed" as const,
      at: "2026-11-30T03:00:00.000Z",
      taken: [{ code: "sofa", name: "沙发", qty: 1, recyclable: true, kg: 32.5 }],
      recycledKg: { furniture: 32.5 },
      unableReason: null,
      note: null,
      photoIds: ["p1"],
      photos: [{ id: "p1", url: "/api/v1/uploads/p1/content?exp=1&sig=s" }],
    };
    const { container, sent } = await openBooking(
      bookingOf({ status: "completed", slot: PAST, changeableUntil: new Date(Date.now() - 3 * 86_400_000).toISOString(), outcome }),
      { rating: 4 },
    );
    expect($(container, ".pickup-outcome__line")?.textContent).toBe("沙发 × 1，32.5 公斤（可回收）");
    // The collector's photo, through the signed URL the API handed out, on the API origin.
    expect(container.querySelector(".pickup-outcome__photos .report-photo__image")?.getAttribute("src")).toMatch(
      /\/api\/v1\/uploads\/p1\/content\?exp=1&sig=s$/,
    );
    // Collected: what to prepare no longer applies.
    expect($(container, ".pickup-prepare")).toBeNull();
    expect(actionsShown(container)).toEqual([".pickup-rate-form"]);
    tap(container, ".star-4");
    type(container, ".rate-comment", "很准时");
    tap(container, ".rate-submit");
    await waitFor(() => expect($(container, ".pickup-rated")?.textContent).toBe("您的评价：★★★★"));
    expect(sent.find((r) => r.method === "POST")?.body).toEqual({ rating: 4, comment: "很准时" });
    expect(actionsShown(container)).toEqual([]);
  });

  it("unable: says why", async () => {
    const outcome = {
      status: "unable" as const,
      at: "2026-11-30T03:00:00.000Z",
      taken: [],
      recycledKg: {},
      unableReason: "not_put_out" as const,
      note: "楼下没有看到物品",
      photoIds: ["p1"],
      photos: [],
    };
    const { container } = await openBooking(bookingOf({ status: "unable", slot: PAST, outcome }));
    expect($(container, ".pickup-outcome__unable")?.textContent).toBe("未能收运：物品未按约放置");
    expect(actionsShown(container)).toEqual([]);
  });

  it("someone else's booking (404) is an error state", async () => {
    saveSession(sessionFor(["resident"]));
    shimState.routerParams = { id: "not-mine" };
    stubApi(() => apiError(404, "not_found"));
    const { container } = render(<PickupBookingPage />);
    await waitForSelector(container, ".state-error");
  });
});

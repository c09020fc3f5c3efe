import { PickupBookingRequest } from "@civic/shared";
import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import BookPickupPage from "../../miniapp/src/packages/pickups/book/index";
import { streetCodeAt } from "../../miniapp/src/packages/pickups/street";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, type SentRequest, sessionFor, stubApi } from "./fixtures";
import { BOOKING_ID, bookingOf, itemsBody, slotOf, slotsBody } from "./pickup-fixtures";
import { $, $$, autoUploads, stubChooseMedia, tap, type, waitForSelector } from "./report-fixtures";
import Taro from "./shims/taro";

type Answer = ReturnType<typeof ok> | "network-error";

function pickupsApi(options: { create?: (req: SentRequest, n: number) => Answer } = {}) {
  let creates = 0;
  return (req: SentRequest): Answer => {
    if (req.path === "/api/v1/pickups/items") return ok(itemsBody);
    if (req.path === "/api/v1/pickups/slots") {
      const street = req.query.get("street") ?? "";
      return ok(
        slotsBody([
          slotOf("slot-a", { streetCode: street }),
          slotOf("slot-b", { streetCode: street, window: "pm" }),
          slotOf("slot-tight", { streetCode: street, remaining: 2, bookedPoints: 18 }),
        ]),
      );
    }
    if (req.method === "POST" && req.path === "/api/v1/pickups") {
      creates += 1;
      return options.create ? options.create(req, creates) : ok(bookingOf(), 201);
    }
    return apiError(404, "not_found");
  };
}

async function openWizard(api = pickupsApi()) {
  saveSession(sessionFor(["resident"]));
  const sent = stubApi(api);
  const view = render(<BookPickupPage />);
  await waitForSelector(view.container, ".pickup-item");
  return { ...view, sent };
}

const plus = (c: HTMLElement, code: string) => tap(c, `.pickup-item[data-code="${code}"] .stepper-plus`);
const qty = (c: HTMLElement, code: string) => $(c, `.pickup-item[data-code="${code}"] .stepper__value`)?.textContent;

/** Two sofas, no photo, an address on the 姑苏区 centre, placement, phone: up to the slot step. */
async function walkToSlots(c: HTMLElement) {
  plus(c, "sofa");
  plus(c, "sofa");
  tap(c, ".wizard-next");
  tap(c, ".wizard-next");
  type(c, ".pickup-address-input", "姑苏区观前街 1 号 3 栋 101");
  tap(c, ".district-gusu");
  tap(c, ".wizard-next");
  type(c, ".placement-input", "单元楼下垃圾房旁");
  type(c, ".access-notes-input", "小区东门进");
  tap(c, ".wizard-next");
  type(c, ".phone-input", "13912345678");
  tap(c, ".wizard-next");
  await waitForSelector(c, '.slot-option[data-slot="slot-a"]');
}

const posts = (sent: SentRequest[]) => sent.filter((r) => r.method === "POST" && r.path === "/api/v1/pickups");
const slotGets = (sent: SentRequest[]) => sent.filter((r) => r.path === "/api/v1/pickups/slots");

describe("大件垃圾预约 wizard: items", () => {
  it("asks a signed-out resident to log in first", () => {
    stubApi(pickupsApi());
    const { container } = render(<BookPickupPage />);
    expect($(container, ".state-needs-login")).not.toBeNull();
  });

  it("groups the catalogue by category with the 可回收 badge, the per-item maximum and the note", async () => {
    const { container } = await openWizard();
    expect($$(container, ".pickup-item-group__name").map((g) => g.textContent)).toEqual(["家具", "家电"]);
    const fridge = $(container, '.pickup-item[data-code="fridge"]') as HTMLElement;
    expect(fridge.querySelector(".badge-recyclable")?.textContent).toBe("可回收");
    expect(fridge.querySelector(".pickup-item__note")?.textContent).toBe("冰箱请提前断电除霜");
    expect(fridge.querySelector(".pickup-item__max")?.textContent).toBe("每次最多 1 件");
    expect($(container, '.pickup-item[data-code="chair"] .badge-recyclable')).toBeNull();
  });

  it("refuses more than an item's maximum, naming the item", async () => {
    const { container } = await openWizard();
    plus(container, "sofa");
    plus(container, "sofa");
    plus(container, "sofa");
    expect(qty(container, "sofa")).toBe("2");
    expect($(container, ".pickup-item-refusal")?.textContent).toBe("「沙发」每次最多预约 2 件");
  });

  it("refuses more than 5 items in all, naming the item refused", async () => {
    const { container } = await openWizard();
    for (let i = 0; i < 4; i++) plus(container, "chair");
    plus(container, "fridge");
    expect($(container, ".pickup-items-total")?.textContent).toBe("已选 5/5 件");
    plus(container, "sofa");
    expect(qty(container, "sofa")).toBe("0");
    expect($(container, ".pickup-item-refusal")?.textContent).toBe("每次预约最多 5 件物品，不能再添加「沙发」");
  });

  it("needs at least one item before 下一步", async () => {
    const { container } = await openWizard();
    tap(container, ".wizard-next");
    expect($(container, ".wizard-problem")?.textContent).toBe("请至少选择一件物品");
    expect($(container, ".pickup-items-step")).not.toBeNull();
  });
});

describe("大件垃圾预约 wizard: the steps between", () => {
  it("uploads photos through the platform uploader and sends their ids", async () => {
    const { container, sent } = await openWizard();
    plus(container, "chair");
    tap(container, ".wizard-next");
    stubChooseMedia(["/tmp/sofa.jpg"]);
    autoUploads();
    tap(container, ".photo-add");
    await waitForSelector(container, ".photo-item--done");
    tap(container, ".wizard-next");
    type(container, ".pickup-address-input", "姑苏区观前街 1 号 3 栋 101");
    tap(container, ".district-gusu");
    tap(container, ".wizard-next");
    type(container, ".placement-input", "单元楼下");
    tap(container, ".wizard-next");
    type(container, ".phone-input", "13912345678");
    tap(container, ".wizard-next");
    await waitForSelector(container, '.slot-option[data-slot="slot-a"]');
    tap(container, '.slot-option[data-slot="slot-a"]');
    tap(container, ".pickup-submit");
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(PickupBookingRequest.parse(posts(sent)[0]?.body).photoIds).toEqual(["up-sofa.jpg"]);
  });

  it("keeps access notes to 250 characters and shows the door-code reminder", async () => {
    const { container } = await openWizard();
    plus(container, "chair");
    tap(container, ".wizard-next");
    tap(container, ".wizard-next");
    type(container, ".pickup-address-input", "姑苏区观前街 1 号 3 栋 101");
    tap(container, ".district-gusu");
    tap(container, ".wizard-next");
    expect($(container, ".door-code-reminder")?.textContent).toContain("请勿填写门禁密码");
    type(container, ".access-notes-input", "东".repeat(300));
    expect(($(container, ".access-notes-input") as HTMLTextAreaElement).value).toHaveLength(250);
    expect($(container, ".access-notes-count")?.textContent).toBe("250/250");
    tap(container, ".wizard-next");
    expect($(container, ".wizard-problem")?.textContent).toBe("请填写物品放置位置");
  });

  it("needs the map point, a mobile number and, for 代预约, the contact's name", async () => {
    const { container } = await openWizard();
    plus(container, "chair");
    tap(container, ".wizard-next");
    tap(container, ".wizard-next");
    type(container, ".pickup-address-input", "姑苏区观前街 1 号 3 栋 101");
    tap(container, ".wizard-next");
    expect($(container, ".wizard-problem")?.textContent).toBe("请在地图上标出收运地点");
    tap(container, ".district-gusu");
    expect($(container, ".pickup-place-name")?.textContent).toMatch(/^所在区域：姑苏区/);
    tap(container, ".wizard-next");
    type(container, ".placement-input", "单元楼下");
    tap(container, ".wizard-next");
    type(container, ".phone-input", "1391234");
    tap(container, ".wizard-next");
    expect($(container, ".wizard-problem")?.textContent).toBe("请填写 11 位手机号码");
    type(container, ".phone-input", "13912345678");
    tap(container, ".on-behalf-switch");
    tap(container, ".wizard-next");
    expect($(container, ".wizard-problem")?.textContent).toBe("代预约请填写联系人姓名");
    type(container, ".on-behalf-name", "王阿姨");
    tap(container, ".wizard-next");
    await waitForSelector(container, ".pickup-slot-step");
  });
});

describe("大件垃圾预约 wizard: slot and submit", () => {
  it("defaults the street to where the point is, shows am/pm with room against the booking's volume, and books", async () => {
    const navigate = vi.spyOn(Taro, "redirectTo");
    const { container, sent } = await openWizard();
    await walkToSlots(container);
    const street = slotGets(sent)[0]?.query.get("street");
    expect(street).toMatch(/^\d{6}:/);
    expect($(container, ".street-current")?.textContent).toContain(street?.split(":")[1] ?? "?");
    // Two sofas are 6 points: the slot with 2 left is shown full.
    expect($(container, '.slot-option[data-slot="slot-tight"]')?.classList.contains("is-full")).toBe(true);
    expect($(container, '.slot-option[data-slot="slot-b"] .slot-option__window')?.textContent).toContain("下午");
    tap(container, '.slot-option[data-slot="slot-tight"]');
    tap(container, ".pickup-submit");
    expect($(container, ".wizard-problem")?.textContent).toBe("请选择收运时段");
    tap(container, '.slot-option[data-slot="slot-a"]');
    tap(container, ".pickup-submit");
    await waitFor(() => expect(navigate).toHaveBeenCalledWith({ url: `/packages/pickups/booking/index?id=${BOOKING_ID}` }));
    const body = PickupBookingRequest.parse(posts(sent)[0]?.body);
    expect(body).toMatchObject({
      items: [{ code: "sofa", qty: 2 }],
      address: "姑苏区观前街 1 号 3 栋 101",
      placement: "单元楼下垃圾房旁",
      accessNotes: "小区东门进",
      contactPhone: "13912345678",
      slotId: "slot-a",
    });
    expect(body.onBehalf).toBeUndefined();
    expect(posts(sent)[0]?.header["Idempotency-Key"]).toMatch(/^pku-[0-9a-f]{32}$/);
  });

  it("slot full: says so, goes back to the slot step with the slots reloaded, and keeps everything else", async () => {
    const { container, sent } = await openWizard(
      pickupsApi({
        create: (_req, n) =>
          n === 1
            ? { statusCode: 409, data: { error: { code: "conflict", message: "full", details: { reason: "slot_full", remaining: 0 } } } }
            : ok(bookingOf(), 201),
      }),
    );
    await walkToSlots(container);
    tap(container, '.slot-option[data-slot="slot-a"]');
    tap(container, ".pickup-submit");
    await waitForSelector(container, ".slot-notice");
    expect($(container, ".slot-notice")?.textContent).toBe("该时段已约满，请重新选择");
    expect($(container, ".slot-option.is-selected")).toBeNull();
    await waitFor(() => expect(slotGets(sent)).toHaveLength(2));
    await waitForSelector(container, '.slot-option[data-slot="slot-b"]');
    expect($(container, ".pickup-summary")?.textContent).toContain("单元楼下垃圾房旁");
    tap(container, '.slot-option[data-slot="slot-b"]');
    expect($(container, ".slot-notice")).toBeNull();
    tap(container, ".pickup-submit");
    await waitFor(() => expect(posts(sent)).toHaveLength(2));
    const [first, second] = posts(sent).map((r) => r.body as PickupBookingRequest);
    expect(second).toEqual({ ...first, slotId: "slot-b" });
    // Another body is another submission: a fresh key (the API answers 422 to a key reused with another body).
    expect(posts(sent)[1]?.header["Idempotency-Key"]).not.toBe(posts(sent)[0]?.header["Idempotency-Key"]);
    // Everything else is still there a step back.
    tap(container, ".wizard-back");
    expect(($(container, ".phone-input") as HTMLInputElement).value).toBe("13912345678");
  });

  it("retries a lost answer with the same Idempotency-Key", async () => {
    const navigate = vi.spyOn(Taro, "redirectTo");
    const { container, sent } = await openWizard(pickupsApi({ create: (_req, n) => (n === 1 ? "network-error" : ok(bookingOf(), 201)) }));
    await walkToSlots(container);
    tap(container, '.slot-option[data-slot="slot-a"]');
    tap(container, ".pickup-submit");
    await waitForSelector(container, ".submit-error");
    tap(container, ".pickup-submit");
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    const keys = posts(sent).map((r) => r.header["Idempotency-Key"]);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it("explains a used household quota in Chinese and stays on the slot step", async () => {
    const { container } = await openWizard(
      pickupsApi({
        create: () => ({ statusCode: 409, data: { error: { code: "conflict", message: "quota", details: { reason: "quota_used" } } } }),
      }),
    );
    await walkToSlots(container);
    tap(container, '.slot-option[data-slot="slot-a"]');
    tap(container, ".pickup-submit");
    await waitForSelector(container, ".submit-error");
    expect(screen.getByText(/预约次数已用完/)).toBeTruthy();
    expect($(container, ".slot-option.is-selected")).not.toBeNull();
  });

  it("a point outside the city has no street (the resident picks one)", () => {
    expect(streetCodeAt({ lat: 31.3085, lng: 120.6195 })).toMatch(/^\d{6}:.+/);
    expect(streetCodeAt({ lat: 39.9, lng: 116.4 })).toBeNull();
  });
});

import { inboxMessages, outbox, pickupReminders, smsOutbox } from "@civic/api/db/schema";
import { dueReminder, sendPickupReminders } from "@civic/api/pickups/reminders";
import { jsonLogger } from "@civic/api/platform/logger";
import { dispatchOutbox } from "@civic/api/platform/notifications/dispatcher";
import { dispatchSms, SMS_MAX_ATTEMPTS } from "@civic/api/platform/sms/dispatcher";
import { maskPhone } from "@civic/api/platform/sms/phone";
import { runScheduled } from "@civic/api/scheduled";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, loginAs } from "../contract/harness";
import { bookingBody, createPickupItems, createPickupSlot, pickupAdmin, pickupStreet } from "../contract/pickup-fixtures";
import { type FakeTencentSms, startFakeTencentSms } from "../fakes/tencent-sms";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/*
 * Pickup reminders (3 days and 1 day before, from 09:00 city time) to the resident's inbox, and for a booking
 * made on someone's behalf (代预约) an SMS to the contact through the fake Tencent Cloud SMS.
 * Collection on 2027-05-10 (am); the 3-day point is 2027-05-07 09:00 city (01:00Z), the 1-day point
 * 2027-05-09 09:00 city, the window opens 2027-05-10 08:00 city (00:00Z).
 */
let wechat: FakeWechat;
let sms: FakeTencentSms;
beforeAll(async () => {
  [wechat, sms] = await Promise.all([startFakeWechat(), startFakeTencentSms()]);
});
afterAll(async () => {
  await Promise.all([wechat.close(), sms.close()]);
});
beforeEach(() => sms.reset());

const CONTACT = "13912345678";
const ZONE = "Asia/Shanghai";

async function setup(env: Record<string, string> = sms.env()) {
  const lines: string[] = [];
  const node = createNodeHarness(wechat, { nearbyInMemory: false, env });
  let now = new Date("2027-05-03T02:00:00.000Z");
  const deps = { ...node.deps, clock: () => now, log: jsonLogger("info", (l) => lines.push(l)) };
  const h = node.harness;
  const at = (iso: string) => {
    now = new Date(iso);
    h.setNow(iso);
    return now;
  };
  at(now.toISOString());
  const admin = await pickupAdmin(h);
  await createPickupItems(h, admin.token);
  const street = pickupStreet(3);
  const slot = await createPickupSlot(h, admin.token, street, 20, { date: "2027-05-10" });
  const book = async (openid: string, over: Parameters<typeof bookingBody>[1] = {}) => {
    const resident = await loginAs(h, openid);
    const res = await call(h, "POST", "/api/v1/pickups", { token: resident.token, body: bookingBody(slot.slotId, over) });
    expect(res.status).toBe(201);
    return { id: res.json.id as string, number: res.json.number as string, token: resident.token, userId: resident.user.id as string };
  };
  return { ...node, deps, h, at, book, lines, remind: (iso: string) => sendPickupReminders(deps, at(iso)) };
}

describe("pickup reminders", () => {
  it("sends the 3-day and the 1-day reminder once each, to the inbox, and by SMS to a 代预约 contact only", async () => {
    const t = await setup();
    const normal = await t.book("rem-normal", { address: "姑苏区观前街 1 号 1 栋 101" });
    const behalf = await t.book("rem-behalf", {
      address: "姑苏区观前街 1 号 2 栋 202",
      items: [{ code: "fridge", qty: 1 }],
      contactPhone: CONTACT,
      onBehalf: { name: "王阿姨" },
    });
    const cancelled = await t.book("rem-cancelled", { address: "姑苏区观前街 1 号 3 栋 303" });
    expect((await call(t.h, "POST", `/api/v1/pickups/${cancelled.id}/cancel`, { token: cancelled.token, body: {} })).status).toBe(200);

    expect(await t.remind("2027-05-07T00:59:00.000Z")).toMatchObject({ reminded: 0 });
    // Two runs at once (two instances): each reminder is written once.
    t.at("2027-05-07T01:00:00.000Z");
    const both = await Promise.all([sendPickupReminders(t.deps, t.deps.clock()), sendPickupReminders(t.deps, t.deps.clock())]);
    expect(both.reduce((n, f) => n + f.reminded, 0)).toBe(2);
    expect(await t.remind("2027-05-07T05:00:00.000Z")).toMatchObject({ reminded: 0 });

    // A booking made after the 3-day point gets only the 1-day reminder.
    t.at("2027-05-08T02:00:00.000Z");
    const late = await t.book("rem-late", { address: "姑苏区观前街 1 号 4 栋 404" });
    expect(await t.remind("2027-05-08T03:00:00.000Z")).toMatchObject({ reminded: 0 });

    expect(await t.remind("2027-05-09T01:00:00.000Z")).toEqual({ reminded: 3, sms: 1, skipped: 0 });
    expect(await t.remind("2027-05-09T23:59:00.000Z")).toMatchObject({ reminded: 0 });

    const kinds = async (id: string) =>
      (await t.db.select().from(pickupReminders).where(eq(pickupReminders.bookingId, id))).map((r) => r.kind).sort();
    expect(await kinds(normal.id)).toEqual(["1d", "3d"]);
    expect(await kinds(behalf.id)).toEqual(["1d", "3d"]);
    expect(await kinds(late.id)).toEqual(["1d"]);
    expect(await kinds(cancelled.id)).toEqual([]);

    // The resident's inbox: date, window, what to prepare (the fridge's note), where to leave the items.
    await dispatchOutbox(t.deps);
    const inbox = await t.db.select().from(inboxMessages).where(eq(inboxMessages.userId, behalf.userId));
    expect(inbox).toHaveLength(2);
    const dayBefore = inbox.find((m) => m.body.startsWith("明天"))!;
    expect(dayBefore.body).toContain("5月10日");
    expect(dayBefore.body).toContain("上午 8:00–12:00");
    expect(dayBefore.body).toContain("冰箱请提前断电除霜");
    expect(dayBefore.body).toContain("单元楼下垃圾房旁");
    expect(dayBefore.body).toContain(behalf.number);
    const payload = JSON.parse((await t.db.select().from(outbox).where(eq(outbox.id, dayBefore.outboxId!)))[0]!.payload);
    expect(payload.page).toBe(`packages/pickups/booking/index?id=${behalf.id}`);
    expect(await t.db.select().from(outbox)).toHaveLength(5);

    // SMS only to the 代预约 contact, once per reminder.
    expect(await dispatchSms(t.deps)).toEqual({ sent: 2, failed: 0, notConfigured: 0 });
    expect(sms.sent).toEqual([
      expect.objectContaining({ phone: `+86${CONTACT}`, params: ["5月10日", "上午8点至12点", behalf.number], signName: "苏州城管" }),
      expect.objectContaining({ phone: `+86${CONTACT}`, params: ["5月10日", "上午8点至12点", behalf.number] }),
    ]);
    // Kept rows hold only the masked number; no log line carries it in full.
    expect((await t.db.select().from(smsOutbox)).map((r) => [r.state, r.phone])).toEqual([
      ["done", "139****5678"],
      ["done", "139****5678"],
    ]);
    expect(t.lines.join("\n")).not.toContain(CONTACT);
  });

  it("an amend to another date forgets the reminders sent, so the new date gets its own", async () => {
    const t = await setup();
    const admin = await pickupAdmin(t.h);
    const later = await createPickupSlot(t.h, admin.token, pickupStreet(3), 20, { date: "2027-05-20" });
    const moved = await t.book("rem-moved");
    const stays = await t.book("rem-stays", { address: "姑苏区观前街 1 号 5 栋 505" });
    expect(await t.remind("2027-05-07T01:00:00.000Z")).toMatchObject({ reminded: 2 });
    const before = await call(t.h, "GET", `/api/v1/pickups/${moved.id}`, { token: moved.token });
    const amend = await call(t.h, "PATCH", `/api/v1/pickups/${moved.id}`, {
      token: moved.token,
      body: { slotId: later.slotId, version: before.json.version },
    });
    expect(amend.status).toBe(200);
    const kinds = async (id: string) =>
      (await t.db.select().from(pickupReminders).where(eq(pickupReminders.bookingId, id))).map((r) => r.kind).sort();
    expect(await kinds(moved.id)).toEqual([]);
    expect(await kinds(stays.id)).toEqual(["3d"]);
    // The old date's 1-day point reminds only the booking still on it; the new date's 3-day point the moved one.
    expect(await t.remind("2027-05-09T01:00:00.000Z")).toMatchObject({ reminded: 1 });
    expect(await kinds(moved.id)).toEqual([]);
    expect(await t.remind("2027-05-17T01:00:00.000Z")).toMatchObject({ reminded: 1 });
    expect(await kinds(moved.id)).toEqual(["3d"]);
  });

  it("a normal booking sends no SMS, and nothing is sent once the window has started", async () => {
    const t = await setup();
    await t.book("rem-plain");
    expect(await t.remind("2027-05-10T00:00:00.000Z")).toMatchObject({ reminded: 0 });
    expect(await t.remind("2027-05-09T02:00:00.000Z")).toEqual({ reminded: 1, sms: 0, skipped: 0 });
    expect(await t.db.select().from(smsOutbox)).toEqual([]);
    expect(await dispatchSms(t.deps)).toEqual({ sent: 0, failed: 0, notConfigured: 0 });
    expect(sms.sent).toEqual([]);
  });

  it("runs as the scheduled job pickup-reminders, and the platform's dispatch sends the SMS", async () => {
    const t = await setup();
    await t.book("rem-job", { contactPhone: CONTACT, onBehalf: { name: "李大爷" } });
    const results = await runScheduled(t.deps, t.at("2027-05-09T01:30:00.000Z"));
    expect(results.find((r) => r.name === "pickup-reminders")).toMatchObject({ ok: true, figures: { reminded: 1, sms: 1 } });
    // The jobs run in order: dispatch-sms ran before the reminder was written; the next tick sends it.
    const next = await runScheduled(t.deps, t.at("2027-05-09T01:31:00.000Z"));
    expect(next.find((r) => r.name === "dispatch-sms")).toMatchObject({ ok: true, figures: { sent: 1 } });
    expect(sms.sent.map((m) => m.phone)).toEqual([`+86${CONTACT}`]);
  });
});

describe("the SMS channel", () => {
  async function oneSms(env?: Record<string, string>) {
    const t = await setup(env);
    await t.book("sms-behalf", { contactPhone: CONTACT, onBehalf: { name: "王阿姨" } });
    await t.remind("2027-05-09T01:00:00.000Z");
    const row = async () => (await t.db.select().from(smsOutbox))[0]!;
    return { ...t, row };
  }

  it("retries a failed send with backoff and sends it once it goes through", async () => {
    const t = await oneSms();
    sms.failNext(1);
    expect(await dispatchSms(t.deps)).toEqual({ sent: 0, failed: 1, notConfigured: 0 });
    expect(await t.row()).toMatchObject({
      state: "pending",
      attempts: 1,
      phone: `+86${CONTACT}`,
      lastError: expect.stringContaining("LimitExceeded"),
    });
    // Not again before the backoff has passed.
    expect(await dispatchSms(t.deps)).toEqual({ sent: 0, failed: 0, notConfigured: 0 });
    sms.failNext(1, { whole: true });
    t.at("2027-05-09T01:01:00.000Z");
    expect(await dispatchSms(t.deps)).toEqual({ sent: 0, failed: 1, notConfigured: 0 });
    expect((await t.row()).lastError).toContain("InternalError.Timeout");
    t.at("2027-05-09T01:05:00.000Z");
    expect(await dispatchSms(t.deps)).toEqual({ sent: 1, failed: 0, notConfigured: 0 });
    expect(await t.row()).toMatchObject({ state: "done", attempts: 3, phone: "139****5678" });
    expect(sms.sent).toHaveLength(1);
    expect(t.lines.join("\n")).not.toContain(CONTACT);
  });

  it("gives up after the last attempt, keeping only the masked number", async () => {
    const t = await oneSms();
    sms.failNext(SMS_MAX_ATTEMPTS);
    for (let i = 0; i < SMS_MAX_ATTEMPTS; i++) {
      t.at(new Date(Date.parse("2027-05-09T01:00:00.000Z") + i * 3_600_000).toISOString());
      expect(await dispatchSms(t.deps)).toMatchObject({ failed: 1 });
    }
    expect(await t.row()).toMatchObject({ state: "failed", attempts: SMS_MAX_ATTEMPTS, phone: "139****5678" });
    expect(sms.sent).toEqual([]);
  });

  it("a wrong secret key is refused by the signature check and the message stays pending", async () => {
    const t = await oneSms({ ...sms.env(), SMS_SECRET_KEY: "not-the-key" });
    expect(await dispatchSms(t.deps)).toMatchObject({ sent: 0, failed: 1 });
    expect(sms.rejected).toEqual(["AuthFailure.SignatureFailure"]);
    expect(await t.row()).toMatchObject({ state: "pending", lastError: expect.stringContaining("AuthFailure.SignatureFailure") });
  });

  it("unconfigured (the demo default): rows stay pending and the log says SMS is not configured", async () => {
    const t = await oneSms({});
    expect(await dispatchSms(t.deps)).toEqual({ sent: 0, failed: 0, notConfigured: 1 });
    expect(await t.row()).toMatchObject({ state: "pending", attempts: 0 });
    expect(t.lines.some((l) => l.includes("SMS is not configured"))).toBe(true);
    expect(t.lines.join("\n")).not.toContain(CONTACT);
    const results = await runScheduled(t.deps, t.deps.clock());
    expect(results.find((r) => r.name === "dispatch-sms")).toMatchObject({ ok: true, figures: { notConfigured: 1 } });
  });

  it("masks numbers", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskPhone("+8613812341234")).toBe("138****1234");
  });
});

describe("dueReminder", () => {
  const b = { date: "2027-05-10", window: "pm" as const, createdAt: "2027-05-01T00:00:00.000Z" };
  it("is due from 09:00 city time, 3 days and 1 day before, and never once the window has started", () => {
    expect(dueReminder(b, new Date("2027-05-07T00:59:59.000Z"), ZONE)).toBe(null);
    expect(dueReminder(b, new Date("2027-05-07T01:00:00.000Z"), ZONE)).toBe("3d");
    expect(dueReminder(b, new Date("2027-05-09T00:59:59.000Z"), ZONE)).toBe("3d");
    expect(dueReminder(b, new Date("2027-05-09T01:00:00.000Z"), ZONE)).toBe("1d");
    expect(dueReminder(b, new Date("2027-05-10T04:59:59.000Z"), ZONE)).toBe("1d");
    expect(dueReminder(b, new Date("2027-05-10T05:00:00.000Z"), ZONE)).toBe(null);
    expect(dueReminder({ ...b, createdAt: "2027-05-07T01:00:01.000Z" }, new Date("2027-05-08T01:00:00.000Z"), ZONE)).toBe(null);
  });
});

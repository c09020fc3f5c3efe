import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import worker from "@civic/api/hosts/worker/index";
import { addCityDays, cityClock } from "@civic/shared";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { bindings, testWorkerEnv, wipeStorage } from "./harness";

/*
 * The Workers cron sends pickup reminders on D1: once per (booking, kind) however often it runs, to the
 * resident's outbox, and for a 代预约 booking an SMS to the contact through the fake Tencent Cloud SMS
 * (running in Node). The dispatchers read the real clock, so the booking is for tomorrow (city date) and
 * the cron runs now: before 09:00 city time the 3-day reminder is due, from 09:00 the 1-day one.
 */
const smsEnv = inject("smsEnv");
const CONTACT = "13912345678";

async function control(path: string, init?: RequestInit) {
  const res = await fetch(`${smsEnv.SMS_ENDPOINT}${path}`, init);
  return (await res.json()) as { sent: { phone: string; params: string[] }[] };
}

beforeEach(async () => {
  await wipeStorage();
  await control("/__test/reset", { method: "POST" });
});

async function seedBooking(now: Date) {
  const DB = bindings.DB;
  const date = addCityDays(cityClock(now).date, 1);
  const created = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  await DB.batch([
    DB.prepare("insert into users (id, openid, created_at) values ('u-rem', 'o-rem', ?)").bind(created),
    DB.prepare(
      "insert into pickup_slots (id, street_code, date, window, capacity_points, booked_points, created_at) values ('s-rem', '320508:平江街道', ?, 'pm', 10, 2, ?)",
    ).bind(date, created),
    DB.prepare(
      `insert into pickup_bookings (id, number, resident_id, status, slot_id, street_code, date, window, address, household_key, quota_year,
         lat, lng, placement, access_notes, contact_phone, on_behalf_name, volume_points, created_at, updated_at, version)
       values ('b-rem', 'DJ-REM-1', 'u-rem', 'booked', 's-rem', '320508:平江街道', ?, 'pm', '平江路 1 号', 'k', ?, 31.32, 120.63,
         '楼下', '', ?, '王阿姨', 2, ?, ?, 1)`,
    ).bind(date, date.slice(0, 4), CONTACT, created, created),
    DB.prepare(
      "insert into pickup_booking_items (booking_id, code, name, qty, volume_points, recyclable) values ('b-rem', 'fridge', '冰箱', 1, 2, 1)",
    ),
  ]);
}

async function cron(at: Date) {
  const ctx = createExecutionContext();
  const env = testWorkerEnv(smsEnv);
  await worker.scheduled(createScheduledController({ scheduledTime: at.getTime(), cron: "*/1 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe("pickup reminders on the Workers cron", () => {
  it("writes one reminder per kind however often the cron runs, and the next tick sends the contact's SMS", async () => {
    const now = new Date();
    await seedBooking(now);
    await cron(now);
    // Another tick past the job's interval (and a fresh isolate would run it at once anyway).
    await cron(new Date(now.getTime() + 11 * 60_000));
    const kind = cityClock(now).minutes >= 9 * 60 ? "1d" : "3d";
    const reminders = await bindings.DB.prepare("select booking_id, kind from pickup_reminders").all();
    expect(reminders.results).toEqual([{ booking_id: "b-rem", kind }]);
    const outbox = await bindings.DB.prepare("select user_id, subject_id from outbox").all();
    expect(outbox.results).toEqual([{ user_id: "u-rem", subject_id: "b-rem" }]);
    const sms = await bindings.DB.prepare("select state, phone from sms_outbox").all<{ state: string; phone: string }>();
    expect(sms.results).toEqual([{ state: "done", phone: "139****5678" }]);
    const sent = await control("/__test/sent");
    expect(sent.sent.map((m) => [m.phone, m.params[2]])).toEqual([[`+86${CONTACT}`, "DJ-REM-1"]]);
  });
});

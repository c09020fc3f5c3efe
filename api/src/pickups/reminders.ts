import { addCityDays, cityClock, cityInstant, PICKUP_WINDOWS } from "@civic/shared";
import { and, eq, inArray, sql } from "drizzle-orm";
import { pickupBookingItems, pickupBookings, pickupItems, pickupReminders } from "../db/schema";
import type { AppDeps, AtomicQuery } from "../deps";
import { guardedInsert } from "../platform/guarded-insert";
import { newId } from "../platform/ids";
import { notifyStatement } from "../platform/notifications/outbox";
import { smsStatement } from "../platform/sms/outbox";

/*
 * The `pickup-reminders` scheduled job: for bookings still booked or accepted, a reminder three days and one
 * day before the collection date, each due from 09:00 city time on its day. A booking made after the 3-day
 * point gets only the 1-day one; once the 1-day one is due the 3-day one is no longer sent; none once the
 * window has started. Each (booking, kind) is sent once: one atomic group per reminder writes the
 * pickup_reminders row (primary key (booking_id, kind), guarded on "still booked/accepted, no such row"),
 * then the resident's notification (inbox + subscribe message) and, for a booking made on someone's behalf
 * (代预约), an SMS to the contact's phone, both guarded on "this run's row was written". So a job run twice,
 * or on two instances at once, sends each reminder once, and a cancelled booking gets none. An amend that
 * moves the date forgets the reminders sent (forgetRemindersStatement), so the new date gets its own.
 */

/** For an amend's group: the booking's sent reminders are forgotten (only while `guard` holds, e.g. its claim). */
export const forgetRemindersStatement = (db: AppDeps["db"], bookingId: string, guard: ReturnType<typeof sql>) =>
  db.delete(pickupReminders).where(and(eq(pickupReminders.bookingId, bookingId), guard));

export type ReminderKind = "3d" | "1d";

const REMINDER_TIME = "09:00";
const REMINDING = ["booked", "accepted"] as const;

/** Which reminder is due for a booking at `now`, if any (pure; ignores what was sent already). */
export function dueReminder(b: { date: string; window: "am" | "pm"; createdAt: string }, now: Date, zone: string): ReminderKind | null {
  const windowStart = cityInstant(b.date, PICKUP_WINDOWS[b.window].start, zone);
  if (now >= windowStart) return null;
  if (now >= cityInstant(addCityDays(b.date, -1), REMINDER_TIME, zone)) return "1d";
  const threeDayPoint = cityInstant(addCityDays(b.date, -3), REMINDER_TIME, zone);
  if (now >= threeDayPoint && Date.parse(b.createdAt) <= threeDayPoint.getTime()) return "3d";
  return null;
}

/** "12月4日" from "2026-12-04". */
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
/** "上午8点至12点" (short enough for an SMS template parameter). */
const windowShort = (w: "am" | "pm") => {
  const hour = (hhmm: string) => `${Number(hhmm.slice(0, 2))}点`;
  return `${w === "am" ? "上午" : "下午"}${hour(PICKUP_WINDOWS[w].start)}至${hour(PICKUP_WINDOWS[w].end)}`;
};

interface DueBooking {
  id: string;
  number: string;
  residentId: string;
  date: string;
  window: "am" | "pm";
  placement: string;
  contactPhone: string;
  onBehalfName: string | null;
  createdAt: string;
  sent: string | null;
}

/** The inbox/subscribe text: when, what to prepare (the items and their notes), where to leave them. */
export function reminderText(kind: ReminderKind, b: DueBooking, items: readonly { name: string; qty: number; note: string | null }[]) {
  const when = `${kind === "1d" ? "明天" : "3天后"}（${monthDay(b.date)}）${PICKUP_WINDOWS[b.window].label}`;
  const list = items.map((i) => `${i.name}×${i.qty}`).join("、");
  const notes = [...new Set(items.map((i) => i.note).filter((n): n is string => Boolean(n)))];
  const body = [
    `${when}上门收运，预约号 ${b.number}。`,
    list ? `请准备：${list}。` : "",
    notes.join("；") ? `${notes.join("；")}。` : "",
    `请将物品放在：${b.placement}。`,
  ].join("");
  return {
    title: kind === "1d" ? "明天上门收运大件垃圾" : "大件垃圾收运提醒",
    body,
    status: "待收运",
    subject: "大件垃圾预约",
    page: `packages/pickups/booking/index?id=${b.id}`,
  };
}

export async function sendPickupReminders(deps: Pick<AppDeps, "db" | "atomic" | "config">, now: Date) {
  const { db } = deps;
  const zone = deps.config.cityZone;
  const today = cityClock(now, zone).date;
  const candidates = (await db
    .select({
      id: pickupBookings.id,
      number: pickupBookings.number,
      residentId: pickupBookings.residentId,
      date: pickupBookings.date,
      window: pickupBookings.window,
      placement: pickupBookings.placement,
      contactPhone: pickupBookings.contactPhone,
      onBehalfName: pickupBookings.onBehalfName,
      createdAt: pickupBookings.createdAt,
      sent: sql<
        string | null
      >`(select group_concat(${pickupReminders.kind}) from ${pickupReminders} where ${pickupReminders.bookingId} = ${pickupBookings.id})`,
    })
    .from(pickupBookings)
    .where(
      and(inArray(pickupBookings.status, [...REMINDING]), sql`${pickupBookings.date} between ${today} and ${addCityDays(today, 3)}`),
    )) as DueBooking[];
  const due = candidates.flatMap((b) => {
    const kind = dueReminder(b, now, zone);
    return kind && !(b.sent ?? "").split(",").includes(kind) ? [{ b, kind }] : [];
  });
  const figures = { reminded: 0, sms: 0, skipped: 0 };
  if (due.length === 0) return figures;
  const itemRows = await db
    .select({ bookingId: pickupBookingItems.bookingId, name: pickupBookingItems.name, qty: pickupBookingItems.qty, note: pickupItems.note })
    .from(pickupBookingItems)
    .leftJoin(pickupItems, eq(pickupItems.code, pickupBookingItems.code))
    .where(
      inArray(
        pickupBookingItems.bookingId,
        due.map((d) => d.b.id),
      ),
    );
  const nowIso = now.toISOString();
  for (const { b, kind } of due) {
    const runId = newId();
    const claim = sql`exists (select 1 from ${pickupBookings} where ${pickupBookings.id} = ${b.id} and ${pickupBookings.status} in ('booked', 'accepted'))
      and not exists (select 1 from ${pickupReminders} where ${pickupReminders.bookingId} = ${b.id} and ${pickupReminders.kind} = ${kind})`;
    const mine = sql`exists (select 1 from ${pickupReminders} where ${pickupReminders.bookingId} = ${b.id} and ${pickupReminders.kind} = ${kind} and ${pickupReminders.runId} = ${runId})`;
    const statements: AtomicQuery[] = [
      guardedInsert(db, pickupReminders, { bookingId: b.id, kind, runId, sentAt: nowIso }, claim),
      notifyStatement(db, {
        userId: b.residentId,
        subject: { type: "pickup", id: b.id },
        payload: {
          ...reminderText(
            kind,
            b,
            itemRows.filter((i) => i.bookingId === b.id),
          ),
          templateId: deps.config.notifications.pickupTemplateId,
        },
        now: nowIso,
        guard: mine,
      }),
    ];
    if (b.onBehalfName) {
      statements.push(
        smsStatement(db, {
          phone: b.contactPhone,
          template: "pickup_reminder",
          params: [monthDay(b.date), windowShort(b.window), b.number],
          subject: { type: "pickup", id: b.id },
          now: nowIso,
          guard: mine,
        }),
      );
    }
    try {
      await deps.atomic(statements);
    } catch {
      // Another instance wrote this (booking, kind) between our guard and the key: it is sent once, by it.
      figures.skipped++;
      continue;
    }
    const [row] = await db
      .select({ runId: pickupReminders.runId })
      .from(pickupReminders)
      .where(and(eq(pickupReminders.bookingId, b.id), eq(pickupReminders.kind, kind)));
    if (row?.runId === runId) {
      figures.reminded++;
      if (b.onBehalfName) figures.sms++;
    } else figures.skipped++;
  }
  return figures;
}

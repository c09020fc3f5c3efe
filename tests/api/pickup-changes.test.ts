import { pickupBookings, pickupHistory, pickupSlots } from "@civic/api/db/schema";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, loginAs } from "../contract/harness";
import { bookingBody, createPickupItems, createPickupSlot, pickupAdmin, pickupStreet } from "../contract/pickup-fixtures";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/*
 * The resident's changes where a collector has had a hand: the collectors' routes land separately, so the
 * accepted / completed states are set in the database here; the contract suite covers the rest on both hosts.
 */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

async function setup() {
  const node = createNodeHarness(wechat, { nearbyInMemory: false });
  const h = node.harness;
  h.setNow("2027-05-03T02:00:00.000Z");
  const admin = await pickupAdmin(h);
  await createPickupItems(h, admin.token);
  const street = pickupStreet(0);
  const a = await createPickupSlot(h, admin.token, street, 10, { date: "2027-05-10" });
  const b = await createPickupSlot(h, admin.token, street, 10, { date: "2027-05-10", window: "pm" });
  const c = await createPickupSlot(h, admin.token, street, 10, { date: "2027-05-12" });
  const resident = await loginAs(h, "changes-resident");
  const collector = await loginAs(h, "changes-collector", "collector");
  const booked = await call(h, "POST", "/api/v1/pickups", { token: resident.token, body: bookingBody(a.slotId) });
  expect(booked.status).toBe(201);
  const id = booked.json.id as string;
  const set = (fields: Partial<typeof pickupBookings.$inferInsert>) =>
    node.db.update(pickupBookings).set(fields).where(eq(pickupBookings.id, id));
  const row = async () => (await node.db.select().from(pickupBookings).where(eq(pickupBookings.id, id)))[0]!;
  const history = () => node.db.select().from(pickupHistory).where(eq(pickupHistory.bookingId, id)).orderBy(asc(pickupHistory.at));
  return { ...node, h, id, set, row, history, resident, collector, sameDay: b.slotId, laterDay: c.slotId };
}

describe("pickup changes with a collector involved", () => {
  it("an accepted booking moved to another date goes back to booked and its collector is released", async () => {
    const s = await setup();
    await s.set({ status: "accepted", collectorId: s.collector.user.id });
    const res = await call(s.h, "PATCH", `/api/v1/pickups/${s.id}`, { token: s.resident.token, body: { version: 1, slotId: s.laterDay } });
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("booked");
    expect((await s.row()).collectorId).toBeNull();
    const h = await s.history();
    expect(h.at(-1)).toMatchObject({ action: "amend", fromStatus: "accepted", toStatus: "booked" });
  });

  it("an accepted booking moved to the afternoon of the same day keeps its collector", async () => {
    const s = await setup();
    await s.set({ status: "accepted", collectorId: s.collector.user.id });
    const res = await call(s.h, "PATCH", `/api/v1/pickups/${s.id}`, { token: s.resident.token, body: { version: 1, slotId: s.sameDay } });
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("accepted");
    expect((await s.row()).collectorId).toBe(s.collector.user.id);
  });

  it("two amends from the same version: exactly one applies, the other hears stale", async () => {
    const s = await setup();
    const body = (qty: number) => ({ version: 1, items: [{ code: "chair", qty }] });
    const results = await Promise.all(
      [2, 3, 4].map((q) => call(s.h, "PATCH", `/api/v1/pickups/${s.id}`, { token: s.resident.token, body: body(q) })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expect(r.json.error.details.reason).toBe("stale");
    expect((await s.history()).filter((x) => x.action === "amend")).toHaveLength(1);
    // The losers moved no capacity: the slot holds exactly the winner's points.
    const row = await s.row();
    const slot = (await s.db.select().from(pickupSlots).where(eq(pickupSlots.id, row.slotId)))[0]!;
    expect(slot.bookedPoints).toBe(row.volumePoints);
  });

  it("a completed collection is rated once, with its comment kept in the history; a second rating is 409", async () => {
    const s = await setup();
    await s.set({ status: "completed", collectorId: s.collector.user.id });
    const first = await call(s.h, "POST", `/api/v1/pickups/${s.id}/rate`, {
      token: s.resident.token,
      body: { rating: 4, comment: "准时" },
    });
    expect(first.status).toBe(200);
    expect(first.json.rating).toBe(4);
    expect((await s.row()).rating).toBe(4);
    expect((await s.history()).at(-1)).toMatchObject({ action: "rate", note: "准时" });
    const second = await call(s.h, "POST", `/api/v1/pickups/${s.id}/rate`, { token: s.resident.token, body: { rating: 1 } });
    expect(second.status).toBe(409);
    expect(second.json.error.details.reason).toBe("already_rated");
    expect((await s.row()).rating).toBe(4);
  });

  it("'not collected' after a collector arrived but did not complete is recorded in the history", async () => {
    const s = await setup();
    await s.set({ status: "arrived", collectorId: s.collector.user.id });
    s.h.setNow("2027-05-10T04:00:00.000Z");
    const res = await call(s.h, "POST", `/api/v1/pickups/${s.id}/missed`, { token: s.resident.token, body: { note: "没拿走" } });
    expect(res.status).toBe(200);
    expect((await s.history()).at(-1)).toMatchObject({ action: "missed", fromStatus: "arrived", toStatus: "missed", note: "没拿走" });
  });

  it("parallel cancels of one booking release its points once (another booking keeps its hold)", async () => {
    const s = await setup();
    const other = await call(s.h, "POST", "/api/v1/pickups", {
      token: s.resident.token,
      body: bookingBody((await s.row()).slotId, { address: "另一户 2 号" }),
    });
    expect(other.status).toBe(201);
    const results = await Promise.all(
      [1, 2, 3].map(() => call(s.h, "POST", `/api/v1/pickups/${s.id}/cancel`, { token: s.resident.token, body: {} })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const slot = (
      await s.db
        .select()
        .from(pickupSlots)
        .where(eq(pickupSlots.id, (await s.row()).slotId))
    )[0]!;
    expect(slot.bookedPoints).toBe(1);
    expect((await s.history()).filter((x) => x.action === "cancel")).toHaveLength(1);
  });
});

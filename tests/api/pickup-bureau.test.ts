import { pickupBookings, pickupHistory, pickupOutcomes } from "@civic/api/db/schema";
import { newId } from "@civic/api/platform/ids";
import { DEFAULT_CITY } from "@civic/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, loginAs } from "../contract/harness";
import { bookingBody, createPickupItems, createPickupSlot, pickupAdmin, pickupStreet } from "../contract/pickup-fixtures";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/*
 * The bureau's KPIs and overview over completed and unable collections at chosen moments: the outcomes are
 * written to the database here the way the collector's complete and unable store them (status, history row,
 * outcome row with its moment and unable reason), since those routes refuse moments other than "now".
 */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

const DAY = "2027-05-10";

describe("pickup KPIs and overview with completed and unable collections", () => {
  it("counts on-time completion against the window, no-shows by reason, and the average of the ratings given", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    const h = node.harness;
    h.setNow("2027-05-03T02:00:00.000Z");
    const admin = await pickupAdmin(h);
    await createPickupItems(h, admin.token);
    const street = pickupStreet(70);
    const { slotId } = await createPickupSlot(h, admin.token, street, 10, { date: DAY });
    const collector = await loginAs(h, "kpi-collector", "collector");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await loginAs(h, `kpi-resident-${i}`);
      const res = await call(h, "POST", "/api/v1/pickups", { token: r.token, body: bookingBody(slotId, { address: `KPI 路 ${i} 号` }) });
      expect(res.status).toBe(201);
      ids.push(res.json.id);
      if (i === 4) expect((await call(h, "POST", `/api/v1/pickups/${res.json.id}/cancel`, { token: r.token, body: {} })).status).toBe(200);
    }
    const outcome = async (id: string, status: "completed" | "unable", at: string, note: string | null, rating: number | null = null) => {
      await node.db.update(pickupBookings).set({ status, rating, collectorId: collector.user.id }).where(eq(pickupBookings.id, id));
      const action = status === "completed" ? "complete" : "unable";
      await node.db
        .insert(pickupHistory)
        .values({ id: newId(), bookingId: id, action, fromStatus: "arrived", toStatus: status, actorId: collector.user.id, note, at });
      const unableReason = status === "unable" ? (note?.split(" ")[0] ?? null) : null;
      await node.db.insert(pickupOutcomes).values({ bookingId: id, status, collectorId: collector.user.id, unableReason, note, at });
    };
    await outcome(ids[0]!, "completed", "2027-05-10T02:00:00.000Z", null, 5); // 10:00 city, inside 8–12
    await outcome(ids[1]!, "completed", "2027-05-10T05:00:00.000Z", null, 3); // 13:00 city, after the window
    await outcome(ids[2]!, "unable", "2027-05-10T03:00:00.000Z", "not_put_out 门口没有东西");
    await outcome(ids[3]!, "unable", "2027-05-10T03:30:00.000Z", "no_access 小区不让进");

    const moderator = await loginAs(h, "kpi-moderator", "moderator");
    h.setNow("2027-05-10T11:00:00.000Z"); // 19:00 city: nothing is open, so nothing is overdue
    const day = await call(h, "GET", `/api/v1/admin/pickups/overview?date=${DAY}`, { token: moderator.token });
    expect(day.json.totals).toMatchObject({ completed: 2, unable: 2, cancelled: 1, booked: 0, overdue: 0, bookedPoints: 4 });

    const sameDay = await call(h, "GET", `/api/v1/admin/pickups/kpis?from=${DAY}&to=${DAY}`, { token: moderator.token });
    // Ratings count as soon as they are given; due waits for the day to pass.
    expect(sameDay.json).toMatchObject({ due: 0, onTimeRate: null, averageRating: 4, rated: 2 });

    h.setNow("2027-05-12T02:00:00.000Z");
    const kpis = await call(h, "GET", "/api/v1/admin/pickups/kpis", { token: moderator.token });
    expect(kpis.status).toBe(200);
    expect(kpis.json).toEqual({
      from: "2027-04-13",
      to: "2027-05-12",
      district: null,
      due: 4,
      completed: 2,
      onTimeRate: 0.25,
      noShowRate: 0.25,
      averageRating: 4,
      rated: 2,
    });
    const own = street.split(":")[0]!;
    const other = DEFAULT_CITY.districts.find((d) => d.code !== own)!.code;
    const mine = await call(h, "GET", `/api/v1/admin/pickups/kpis?district=${own}`, { token: moderator.token });
    expect(mine.json).toMatchObject({ district: own, due: 4 });
    const elsewhere = await call(h, "GET", `/api/v1/admin/pickups/kpis?district=${other}`, { token: moderator.token });
    expect(elsewhere.json).toMatchObject({ district: other, due: 0, onTimeRate: null, noShowRate: null, averageRating: null, rated: 0 });
  });
});

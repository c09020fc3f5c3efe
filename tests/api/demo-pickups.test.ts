import { pickupBookings, pickupHistory, pickupItems, pickupSlots } from "@civic/api/db/schema";
import { DEMO_PICKUP_STREETS, seedDemoPickupsIfEmpty } from "@civic/api/seed/demo-pickups";
import { PICKUP_STATUSES, PICKUP_TRANSITIONS } from "@civic/shared";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, loginAs } from "../contract/harness";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/* The pickups demo (what `pnpm start` seeds): open slots to book, collectors, and a booking in every state. */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

const NOW = new Date("2026-12-01T02:00:00.000Z");

describe("pickups demo data", () => {
  it("seeds a catalogue, open slots for the coming weeks, collectors, and one booking in every state with its history", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    const h = node.harness;
    h.setNow(NOW.toISOString());
    expect(await seedDemoPickupsIfEmpty(node.db, node.atomic, NOW)).toBe(8);
    // Idempotent: a second run adds nothing.
    expect(await seedDemoPickupsIfEmpty(node.db, node.atomic, NOW)).toBe(0);
    expect(await node.db.select().from(pickupItems)).toHaveLength(12);

    const items = await call(h, "GET", "/api/v1/pickups/items");
    expect(items.status).toBe(200);
    expect(JSON.stringify(items.json)).toContain("冰箱请提前断电除霜");

    const street = DEMO_PICKUP_STREETS[0]!;
    const slots = await call(h, "GET", `/api/v1/pickups/slots?street=${encodeURIComponent(street)}`);
    expect(slots.status).toBe(200);
    const open = (slots.json.slots as { remaining: number; date: string }[]).filter((s) => s.remaining > 0);
    expect(open.length).toBeGreaterThanOrEqual(30);
    const streets = new Set((await node.db.select().from(pickupSlots)).map((s) => s.streetCode));
    expect(streets.size).toBe(10);

    const bookings = await node.db.select().from(pickupBookings);
    expect(bookings.map((b) => b.status).sort()).toEqual([...PICKUP_STATUSES, "booked"].sort());
    expect(bookings.some((b) => b.onBehalfName)).toBe(true);
    const completed = bookings.find((b) => b.status === "completed")!;
    expect(completed.rating).toBe(5);

    // Every booking's history is a legal path from "book" to its status; slots hold what their bookings hold.
    const history = await node.db.select().from(pickupHistory).orderBy(asc(pickupHistory.at));
    for (const b of bookings) {
      const rows = history.filter((r) => r.bookingId === b.id);
      expect(rows[0]).toMatchObject({ action: "book", fromStatus: null, toStatus: "booked" });
      for (const r of rows.slice(1)) {
        const rule = PICKUP_TRANSITIONS[r.action as keyof typeof PICKUP_TRANSITIONS];
        expect(rule.from).toContain(r.fromStatus);
        expect(r.toStatus).toBe(rule.to === "same" ? r.fromStatus : rule.to);
      }
      expect(rows.at(-1)!.toStatus).toBe(b.status);
      expect(rows.every((r) => r.at <= NOW.toISOString())).toBe(true);
    }
    const slotRows = await node.db.select().from(pickupSlots);
    for (const s of slotRows) {
      const held = bookings.filter((b) => b.slotId === s.id && b.status !== "cancelled").reduce((n, b) => n + b.volumePoints, 0);
      expect(s.bookedPoints).toBe(held);
    }

    // The demo's resident and the H5 demo collector (dev-login) see them.
    const resident = await loginAs(h, "demo-pickup-resident");
    const mine = await call(h, "GET", "/api/v1/pickups/mine", { token: resident.token });
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.json)).toContain(completed.id);
    // The completed and unable bookings carry what the collector's visit stored.
    const done = await call(h, "GET", `/api/v1/pickups/${completed.id}`, { token: resident.token });
    expect(done.json.outcome).toMatchObject({ status: "completed", recycledKg: { appliance: 64.3 } });
    expect(done.json.outcome.taken.map((t: { code: string }) => t.code).sort()).toEqual(["tv", "washing_machine"]);
    const unableId = bookings.find((b) => b.status === "unable")!.id;
    const unable = await call(h, "GET", `/api/v1/pickups/${unableId}`, { token: resident.token });
    expect(unable.json.outcome).toMatchObject({ status: "unable", unableReason: "not_put_out" });
    const collector = await loginAs(h, "demo-collector", "collector");
    const jobs = await call(h, "GET", "/api/v1/collector/jobs", { token: collector.token });
    expect(jobs.status).toBe(200);
    expect((jobs.json.jobs as unknown[]).length).toBeGreaterThan(0);
  });
});

import {
  messageGrants,
  outbox,
  pickupHistory,
  pickupOutcomes,
  pickupRecycled,
  pickupTakenItems,
  pointsEntries,
} from "@civic/api/db/schema";
import { dispatchOutbox } from "@civic/api/platform/notifications/dispatcher";
import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, loginAs } from "../contract/harness";
import { bookingBody, createPickupItems, createPickupSlot, pickupAdmin, pickupStreet } from "../contract/pickup-fixtures";
import { uploadPhoto } from "../contract/report-fixtures";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { wechatControls } from "../fakes/wechat-controls";
import { createNodeHarness } from "./node-harness";

/*
 * The collector's day, read back from the database: history rows written once under races, the stored
 * taken lines and the recycling ledger (pickup_recycled) issue 10 will credit, and the notices' pages.
 */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

async function setup(tag: string) {
  const node = createNodeHarness(wechat, { nearbyInMemory: false });
  const h = node.harness;
  h.setNow("2027-05-03T02:00:00.000Z");
  const admin = await pickupAdmin(h);
  await createPickupItems(h, admin.token);
  const street = pickupStreet(70);
  const { slotId } = await createPickupSlot(h, admin.token, street, 50, { date: "2027-05-10" });
  const resident = await loginAs(h, `${tag}-resident`);
  const items = [
    { code: "sofa", qty: 2 },
    { code: "chair", qty: 1 },
    { code: "fridge", qty: 1 },
  ];
  const booked = await call(h, "POST", "/api/v1/pickups", { token: resident.token, body: bookingBody(slotId, { items }) });
  expect(booked.status).toBe(201);
  const collector = await loginAs(h, `${tag}-collector`, "collector");
  await call(h, "PUT", `/api/v1/admin/pickups/collectors/${collector.user.id}/streets`, {
    token: admin.token,
    body: { streets: [street] },
  });
  const id = booked.json.id as string;
  expect((await call(h, "POST", `/api/v1/collector/jobs/${id}/accept`, { token: collector.token })).status).toBe(200);
  const history = (action: string) =>
    node.db
      .select()
      .from(pickupHistory)
      .where(and(eq(pickupHistory.bookingId, id), eq(pickupHistory.action, action)));
  return { ...node, h, id, resident, collector, history };
}

describe("the collector's day, in the database", () => {
  it("10 parallel releases: one 200 and one release row in the history", async () => {
    const s = await setup("day-release");
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(s.h, "POST", `/api/v1/collector/jobs/${s.id}/release`, { token: s.collector.token, body: { reason: "车辆故障" } }),
      ),
    );
    expect(answers.map((r) => r.status).filter((x) => x === 200)).toHaveLength(1);
    expect(answers.map((r) => r.status).filter((x) => x === 409)).toHaveLength(9);
    expect(await s.history("release")).toHaveLength(1);
  });

  it("parallel completes store one outcome, the taken lines and the recyclable kg per class, credited once as points", async () => {
    const s = await setup("day-complete");
    const photos = [];
    for (let i = 0; i < 5; i++) photos.push(await uploadPhoto(s.h, s.collector.token));
    s.h.setNow("2027-05-10T01:00:00.000Z");
    const body = (p: string) => ({
      taken: [
        { code: "sofa", qty: 2, kg: 60.255 },
        { code: "chair", qty: 1 },
        { code: "fridge", qty: 1, kg: 45 },
      ],
      photoIds: [p],
    });
    const answers = await Promise.all(
      photos.map((p) => call(s.h, "POST", `/api/v1/collector/jobs/${s.id}/complete`, { token: s.collector.token, body: body(p) })),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await s.history("complete")).toHaveLength(1);
    expect(await s.db.select().from(pickupOutcomes).where(eq(pickupOutcomes.bookingId, s.id))).toHaveLength(1);
    const taken = await s.db
      .select()
      .from(pickupTakenItems)
      .where(eq(pickupTakenItems.bookingId, s.id))
      .orderBy(asc(pickupTakenItems.code));
    expect(taken.map((t) => [t.code, t.qty, t.kg, t.category])).toEqual([
      ["chair", 1, null, "furniture"],
      ["fridge", 1, 45, "appliance"],
      ["sofa", 2, 60.26, "furniture"],
    ]);
    const ledger = await s.db.select().from(pickupRecycled).where(eq(pickupRecycled.bookingId, s.id)).orderBy(asc(pickupRecycled.class));
    expect(ledger.map((r) => [r.class, r.kg, r.residentId, r.creditedAt])).toEqual([
      ["appliance", 45, s.resident.user.id, expect.any(String)],
      ["furniture", 60.26, s.resident.user.id, expect.any(String)],
    ]);
    // Crediting runs right after the completion: one ledger entry per class, whatever the parallel completes.
    const credited = await s.db
      .select()
      .from(pointsEntries)
      .where(like(pointsEntries.sourceKey, `pickup:${s.id}:%`));
    expect(credited.map((e) => e.sourceKey).sort()).toEqual([`pickup:${s.id}:appliance`, `pickup:${s.id}:furniture`]);
    // The accept and completion notices open the booking's own page.
    const pages = (await s.db.select().from(outbox).where(eq(outbox.userId, s.resident.user.id))).map((r) => JSON.parse(r.payload).page);
    expect(pages).toEqual([`packages/pickups/booking/index?id=${s.id}`, `packages/pickups/booking/index?id=${s.id}`]);
  });

  it("a booking made with the pickups template accepted: its first notice goes out as a WeChat subscribe message on that template", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    const h = node.harness;
    const controls = wechatControls(wechat.url);
    await controls.reset();
    h.setNow("2027-05-03T02:00:00.000Z");
    const admin = await pickupAdmin(h);
    await createPickupItems(h, admin.token);
    const street = pickupStreet(71);
    const { slotId } = await createPickupSlot(h, admin.token, street, 50, { date: "2027-05-10" });
    const resident = await loginAs(h, "subscribed-resident");
    const template = node.deps.config.notifications.pickupTemplateId;
    const body = bookingBody(slotId, { subscriptions: [template, "someone-elses-template"] });
    const booked = await call(h, "POST", "/api/v1/pickups", { token: resident.token, body });
    expect(booked.status).toBe(201);
    // One grant, for the pickups template only (another template id is not this domain's to record).
    expect(
      (await node.db.select().from(messageGrants).where(eq(messageGrants.userId, resident.user.id))).map((g) => [
        g.templateId,
        g.remaining,
      ]),
    ).toEqual([[template, 1]]);
    const collector = await loginAs(h, "subscribed-collector", "collector");
    await call(h, "PUT", `/api/v1/admin/pickups/collectors/${collector.user.id}/streets`, {
      token: admin.token,
      body: { streets: [street] },
    });
    expect((await call(h, "POST", `/api/v1/collector/jobs/${booked.json.id}/accept`, { token: collector.token })).status).toBe(200);
    expect(await dispatchOutbox(node.deps)).toMatchObject({ sent: 1, inboxOnly: 0 });
    const sent = (await controls.messages()).filter((m) => m.page.endsWith(booked.json.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template_id: template, page: `packages/pickups/booking/index?id=${booked.json.id}` });
    // The one-time grant is used: the next notice reaches the inbox only.
    expect(
      (await call(h, "POST", `/api/v1/collector/jobs/${booked.json.id}/release`, { token: collector.token, body: { reason: "车坏了" } }))
        .status,
    ).toBe(200);
    expect((await call(h, "POST", `/api/v1/collector/jobs/${booked.json.id}/accept`, { token: collector.token })).status).toBe(200);
    expect(await dispatchOutbox(node.deps)).toMatchObject({ sent: 0, inboxOnly: 1 });
  });
});

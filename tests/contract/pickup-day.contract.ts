import { describe, expect, it } from "vitest";
import { type ContractHarness, call, expectEnvelope, type GetHarness, loginAs, type Session } from "./harness";
import { bookingBody, createPickupItems, createPickupSlot, pickupAdmin, pickupStreet } from "./pickup-fixtures";
import { uploadPhoto } from "./report-fixtures";

/* The collector's day: arrive, complete with photos and weights, unable, the route; only the holder, only on the day. */

// biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
type Json = any;
const DATE = "2027-05-10";
const BEFORE = "2027-05-03T02:00:00.000Z"; // 10:00 Suzhou, a week before
const EVE = "2027-05-09T15:59:00.000Z"; // 23:59 Suzhou the day before
export const ON_THE_DAY = "2027-05-10T01:00:00.000Z"; // 09:00 Suzhou on DATE

const ITEMS = [
  { code: "sofa", qty: 1 },
  { code: "chair", qty: 2 },
  { code: "fridge", qty: 1 },
];

async function collectorOn(h: ContractHarness, adminToken: string, openid: string, streets: string[]) {
  const s = await loginAs(h, openid, "collector");
  const res = await call(h, "PUT", `/api/v1/admin/pickups/collectors/${s.user.id}/streets`, { token: adminToken, body: { streets } });
  if (res.status !== 200) throw new Error(`streets: ${res.status} ${JSON.stringify(res.json)}`);
  return s;
}

/** A resident's booking on street `streetIndex` on DATE, accepted by a collector serving that street (clock: BEFORE). */
export async function acceptedJob(
  h: ContractHarness,
  streetIndex: number,
  tag: string,
  over: { window?: "am" | "pm"; lat?: number; lng?: number } = {},
) {
  h.setNow(BEFORE);
  const admin = await pickupAdmin(h);
  await createPickupItems(h, admin.token);
  const street = pickupStreet(streetIndex);
  const { slotId } = await createPickupSlot(h, admin.token, street, 50, { date: DATE, window: over.window ?? "am" });
  const resident = await loginAs(h, `${tag}-resident`);
  const booked = await call(h, "POST", "/api/v1/pickups", {
    token: resident.token,
    body: bookingBody(slotId, {
      items: ITEMS,
      address: `${tag} 路 8 号 2 栋 302`,
      location: { lat: over.lat ?? 31.3085, lng: over.lng ?? 120.6195 },
    }),
  });
  if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${JSON.stringify(booked.json)}`);
  const collector = await collectorOn(h, admin.token, `${tag}-collector`, [street]);
  const accept = await call(h, "POST", `/api/v1/collector/jobs/${booked.json.id}/accept`, { token: collector.token });
  if (accept.status !== 200) throw new Error(`accept: ${accept.status} ${JSON.stringify(accept.json)}`);
  return { admin, street, slotId, resident, collector, id: booked.json.id as string, booking: booked.json as Json };
}

const jobPath = (id: string, action: string) => `/api/v1/collector/jobs/${id}/${action}`;

export async function complete(h: ContractHarness, c: Session, id: string, photoId: string, taken: unknown = undefined) {
  return call(h, "POST", jobPath(id, "complete"), {
    token: c.token,
    body: {
      taken: taken ?? [
        { code: "sofa", qty: 1, kg: 35.5 },
        { code: "chair", qty: 2 },
        { code: "fridge", qty: 1, kg: 48 },
      ],
      photoIds: [photoId],
      note: "已全部搬走",
    },
  });
}

async function inboxText(h: ContractHarness, token: string) {
  await h.wechat.dispatch();
  return JSON.stringify((await call(h, "GET", "/api/v1/inbox", { token })).json.messages);
}

export function registerPickupDayContract(getHarness: GetHarness) {
  describe("pickups: the collector's day", () => {
    it("accept → arrive → complete with a photo and weights; the resident sees the outcome, is told 已收运 and may rate", async () => {
      const h = getHarness();
      const { resident, collector, id } = await acceptedJob(h, 60, "pd-flow");
      const photo = await uploadPhoto(h, collector.token);
      h.setNow(ON_THE_DAY);
      const arrived = await call(h, "POST", jobPath(id, "arrive"), { token: collector.token });
      expect(arrived.status).toBe(200);
      expect(arrived.json).toMatchObject({ status: "arrived", mine: true });
      // Saying it again changes nothing.
      expect((await call(h, "POST", jobPath(id, "arrive"), { token: collector.token })).json.status).toBe("arrived");
      const done = await complete(h, collector, id, photo);
      expect(done.status).toBe(200);
      expect(done.json.status).toBe("completed");
      expect(done.json.outcome).toMatchObject({ status: "completed", recycledKg: { furniture: 35.5, appliance: 48 }, photoIds: [photo] });

      const view = await call(h, "GET", `/api/v1/pickups/${id}`, { token: resident.token });
      expect(view.status).toBe(200);
      expect(view.json.status).toBe("completed");
      expect(view.json.outcome).toMatchObject({
        status: "completed",
        unableReason: null,
        note: "已全部搬走",
        photoIds: [photo],
        recycledKg: { furniture: 35.5, appliance: 48 },
      });
      expect(view.json.outcome.taken).toEqual([
        { code: "chair", name: "椅子", qty: 2, recyclable: false, kg: null },
        { code: "fridge", name: "冰箱", qty: 1, recyclable: true, kg: 48 },
        { code: "sofa", name: "沙发", qty: 1, recyclable: true, kg: 35.5 },
      ]);
      const inbox = await inboxText(h, resident.token);
      expect(inbox).toContain("已收运");
      expect(inbox).toContain("评价");
      const rated = await call(h, "POST", `/api/v1/pickups/${id}/rate`, { token: resident.token, body: { rating: 5 } });
      expect(rated.status).toBe(200);
      // Finished: a second complete or an unable is a conflict, and the photo cannot be used again.
      const again = await complete(h, collector, id, photo);
      expect(again.status).toBe(409);
      expectEnvelope(again, "conflict");
    });

    it("unable with a reason and a photo: the resident sees why", async () => {
      const h = getHarness();
      const { resident, collector, id } = await acceptedJob(h, 61, "pd-unable");
      const photo = await uploadPhoto(h, collector.token);
      h.setNow(ON_THE_DAY);
      const res = await call(h, "POST", jobPath(id, "unable"), {
        token: collector.token,
        body: { reason: "no_access", note: "门禁无人应答", photoIds: [photo] },
      });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ status: "unable", outcome: { status: "unable", unableReason: "no_access" } });
      const view = await call(h, "GET", `/api/v1/pickups/${id}`, { token: resident.token });
      expect(view.json.status).toBe("unable");
      expect(view.json.outcome).toMatchObject({
        status: "unable",
        unableReason: "no_access",
        note: "门禁无人应答",
        taken: [],
        photoIds: [photo],
      });
      expect(await inboxText(h, resident.token)).toContain("无法进入小区/楼栋");
      const bad = await call(h, "POST", jobPath(id, "unable"), { token: collector.token, body: { reason: "tired", photoIds: [photo] } });
      expect(bad.status).toBe(422);
    });

    it("weights: missing on a recyclable item or given for another is a 422 naming the item, and nothing is written", async () => {
      const h = getHarness();
      const { resident, collector, id } = await acceptedJob(h, 62, "pd-weights");
      const photo = await uploadPhoto(h, collector.token);
      h.setNow(ON_THE_DAY);
      const missing = await complete(h, collector, id, photo, [{ code: "sofa", qty: 1 }]);
      expect(missing.status).toBe(422);
      expectEnvelope(missing, "validation_failed");
      expect(missing.json.error.message).toContain("沙发");
      const refused = await complete(h, collector, id, photo, [{ code: "chair", qty: 2, kg: 6 }]);
      expect(refused.status).toBe(422);
      expect(refused.json.error.message).toContain("椅子");
      const unknown = await complete(h, collector, id, photo, [{ code: "piano", qty: 1 }]);
      expect(unknown.status).toBe(422);
      // Someone else's upload cannot be used.
      const foreign = await uploadPhoto(h, resident.token);
      expect((await complete(h, collector, id, foreign)).status).toBe(422);
      const view = await call(h, "GET", `/api/v1/pickups/${id}`, { token: resident.token });
      expect(view.json).toMatchObject({ status: "accepted", outcome: null });
      // The refused attempts left the photo unused: the right request still takes it.
      expect((await complete(h, collector, id, photo, [{ code: "chair", qty: 1 }])).status).toBe(200);
    });

    it("only the holder works a job: another street's collector gets 404, a colleague 409, a resident 403", async () => {
      const h = getHarness();
      const { admin, street, collector, id } = await acceptedJob(h, 63, "pd-holder");
      const elsewhere = await collectorOn(h, admin.token, "pd-holder-out", [pickupStreet(64)]);
      const colleague = await collectorOn(h, admin.token, "pd-holder-in", [street]);
      const resident = await loginAs(h, "pd-holder-someone");
      const photo = await uploadPhoto(h, colleague.token);
      h.setNow(ON_THE_DAY);
      for (const action of ["arrive", "complete", "unable"]) {
        const body =
          action === "complete"
            ? { taken: [{ code: "chair", qty: 1 }], photoIds: [photo] }
            : action === "unable"
              ? { reason: "other", photoIds: [photo] }
              : undefined;
        const opts = body ? { body } : {};
        expect((await call(h, "POST", jobPath(id, action), { token: elsewhere.token, ...opts })).status).toBe(404);
        const other = await call(h, "POST", jobPath(id, action), { token: colleague.token, ...opts });
        expect(other.status).toBe(409);
        expect(other.json.error.details.reason).toBe("forbidden");
        expect((await call(h, "POST", jobPath(id, action), { token: resident.token, ...opts })).status).toBe(403);
      }
      expect((await call(h, "POST", jobPath("no-such-job", "arrive"), { token: collector.token })).status).toBe(404);
      expect((await call(h, "GET", "/api/v1/collector/route", { token: resident.token })).status).toBe(403);
      expect((await call(h, "POST", jobPath(id, "arrive"), { token: collector.token })).status).toBe(200);
    });

    it("before the collection day (city time) the day's work is too early; a cancelled booking cannot be accepted or completed", async () => {
      const h = getHarness();
      const { resident, collector, id, admin, street } = await acceptedJob(h, 65, "pd-early");
      const photo = await uploadPhoto(h, collector.token);
      h.setNow(EVE);
      const early = await call(h, "POST", jobPath(id, "arrive"), { token: collector.token });
      expect(early.status).toBe(409);
      expect(early.json.error.details.reason).toBe("too_early");
      expect((await complete(h, collector, id, photo)).json.error.details.reason).toBe("too_early");
      // The resident cancels while it is still allowed; the holder cannot complete it on the day, nobody can accept it.
      h.setNow(BEFORE);
      expect((await call(h, "POST", `/api/v1/pickups/${id}/cancel`, { token: resident.token, body: {} })).status).toBe(200);
      const other = await collectorOn(h, admin.token, "pd-early-other", [street]);
      expect((await call(h, "POST", jobPath(id, "accept"), { token: other.token })).status).toBe(409);
      h.setNow(ON_THE_DAY);
      const res = await complete(h, collector, id, photo);
      expect(res.status).toBe(409);
      expect((await call(h, "GET", `/api/v1/pickups/${id}`, { token: resident.token })).json).toMatchObject({
        status: "cancelled",
        outcome: null,
      });
    });

    it("parallel completes of one job: exactly one 2xx, one outcome, one notice", async () => {
      const h = getHarness();
      const { resident, collector, id } = await acceptedJob(h, 66, "pd-race");
      const photos = [];
      for (let i = 0; i < 8; i++) photos.push(await uploadPhoto(h, collector.token));
      h.setNow(ON_THE_DAY);
      const answers = await Promise.all(photos.map((p) => complete(h, collector, id, p)));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(7);
      const winner = photos[statuses.indexOf(200)];
      const view = await call(h, "GET", `/api/v1/pickups/${id}`, { token: resident.token });
      expect(view.json.outcome.photoIds).toEqual([winner]);
      expect(view.json.outcome.taken).toHaveLength(3);
      await h.wechat.dispatch();
      const messages = (await call(h, "GET", "/api/v1/inbox", { token: resident.token })).json.messages as Json[];
      expect(messages.filter((m) => JSON.stringify(m).includes("已收运"))).toHaveLength(1);
    });

    it("parallel releases of one job: exactly one 200, the rest 409", async () => {
      const h = getHarness();
      const { collector, id } = await acceptedJob(h, 67, "pd-release");
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => call(h, "POST", jobPath(id, "release"), { token: collector.token, body: { reason: "车辆故障" } })),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(9);
      expect(answers.find((r) => r.status === 200)?.json).toMatchObject({ status: "booked", mine: false });
    });

    it("the route: morning before afternoon, nearest neighbour from the start point, worked jobs left out", async () => {
      const h = getHarness();
      h.setNow(BEFORE);
      const admin = await pickupAdmin(h);
      await createPickupItems(h, admin.token);
      const street = pickupStreet(68);
      const am = await createPickupSlot(h, admin.token, street, 50, { date: DATE, window: "am" });
      const pm = await createPickupSlot(h, admin.token, street, 50, { date: DATE, window: "pm" });
      const collector = await collectorOn(h, admin.token, "pd-route-collector", [street]);
      // Points about 1 km apart west to east along one latitude.
      const lng = (km: number) => 120.6 + km * 0.0105;
      const plan = [
        { tag: "pm-far", slot: pm.slotId, km: 4 },
        { tag: "am-2", slot: am.slotId, km: 2 },
        { tag: "pm-near", slot: pm.slotId, km: 1 },
        { tag: "am-0", slot: am.slotId, km: 0 },
        { tag: "am-1", slot: am.slotId, km: 1 },
      ];
      const ids = new Map<string, string>();
      for (const p of plan) {
        const r = await loginAs(h, `pd-route-${p.tag}`);
        const res = await call(h, "POST", "/api/v1/pickups", {
          token: r.token,
          body: bookingBody(p.slot, { address: `路线 ${p.tag} 号`, location: { lat: 31.3, lng: lng(p.km) } }),
        });
        expect(res.status).toBe(201);
        ids.set(p.tag, res.json.id);
        expect((await call(h, "POST", jobPath(res.json.id, "accept"), { token: collector.token })).status).toBe(200);
      }
      h.setNow(ON_THE_DAY);
      const res = await call(h, "GET", `/api/v1/collector/route?date=${DATE}&lat=31.3&lng=${lng(-1)}`, { token: collector.token });
      expect(res.status).toBe(200);
      expect(res.json.method).toBe("nearest-neighbour");
      expect(res.json.start).toEqual({ lat: 31.3, lng: lng(-1) });
      const order = (res.json.stops as Json[]).map((s) => [...ids].find(([, v]) => v === s.job.id)?.[0]);
      expect(order).toEqual(["am-0", "am-1", "am-2", "pm-near", "pm-far"]);
      expect((res.json.stops as Json[]).map((s) => s.order)).toEqual([1, 2, 3, 4, 5]);
      expect(res.json.stops[0].legMeters).toBeGreaterThan(900);
      expect(res.json.stops[0].legMeters).toBeLessThan(1100);
      expect(res.json.stops[0].job.contact.address).toBe("路线 am-0 号");
      expect(res.json.totalMeters).toBe((res.json.stops as Json[]).reduce((s, x) => s + x.legMeters, 0));
      // A worked job is no longer a stop; without a start point the route begins at 0 metres.
      const photo = await uploadPhoto(h, collector.token);
      expect((await complete(h, collector, ids.get("am-1")!, photo, [{ code: "chair", qty: 1 }])).status).toBe(200);
      const after = await call(h, "GET", `/api/v1/collector/route?date=${DATE}`, { token: collector.token });
      expect(after.json.start).toBeNull();
      expect(after.json.stops).toHaveLength(4);
      expect(after.json.stops[0].legMeters).toBe(0);
      expect((after.json.stops as Json[]).some((s) => s.job.id === ids.get("am-1"))).toBe(false);
      // Another collector's route is empty; a lone lat is refused.
      const other = await collectorOn(h, admin.token, "pd-route-other", [street]);
      expect((await call(h, "GET", `/api/v1/collector/route?date=${DATE}`, { token: other.token })).json.stops).toEqual([]);
      expect((await call(h, "GET", `/api/v1/collector/route?lat=31.3`, { token: collector.token })).status).toBe(422);
    });
  });
}

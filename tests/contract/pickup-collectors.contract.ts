import { describe, expect, it } from "vitest";
import { type ContractHarness, call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import { bookingBody, createPickupItems, createPickupSlot, pickupAdmin, pickupStreet } from "./pickup-fixtures";

/* The collectors' side of pickups: their streets, the job list's privacy, accept (one winner) and release. */

// biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
type Json = any;
const DATE = "2027-05-10";

/** A booking by `resident` on a fresh slot of street `streetIndex` on DATE (clock: 10:00 Suzhou, 2027-05-03). */
async function booked(h: ContractHarness, streetIndex: number, resident: string) {
  h.setNow("2027-05-03T02:00:00.000Z");
  const admin = await pickupAdmin(h);
  await createPickupItems(h, admin.token);
  const street = pickupStreet(streetIndex);
  const { slotId } = await createPickupSlot(h, admin.token, street, 50, { date: DATE });
  const owner = await loginAs(h, resident);
  const res = await call(h, "POST", "/api/v1/pickups", {
    token: owner.token,
    body: bookingBody(slotId, { address: `${resident} 路 8 号 2 栋 302`, contactPhone: "13912345678" }),
  });
  if (res.status !== 201) throw new Error(`booking: ${res.status} ${JSON.stringify(res.json)}`);
  return { admin, street, owner, booking: res.json as Json };
}

async function collectorOn(h: ContractHarness, adminToken: string, openid: string, streets: string[]) {
  const s = await loginAs(h, openid, "collector");
  const res = await call(h, "PUT", `/api/v1/admin/pickups/collectors/${s.user.id}/streets`, { token: adminToken, body: { streets } });
  if (res.status !== 200) throw new Error(`streets: ${res.status} ${JSON.stringify(res.json)}`);
  return s;
}

const jobsOf = async (h: ContractHarness, token: string, date = DATE) =>
  (await call(h, "GET", `/api/v1/collector/jobs?date=${date}`, { token })).json.jobs as Json[];

export function registerPickupCollectorsContract(getHarness: GetHarness) {
  describe("pickups: collectors", () => {
    it("an admin sets a collector's streets (replacing them); a non-collector, an unknown user or street is refused", async () => {
      const h = getHarness();
      const admin = await pickupAdmin(h);
      const collector = await loginAs(h, "pc-areas", "collector");
      const path = `/api/v1/admin/pickups/collectors/${collector.user.id}/streets`;
      const first = await call(h, "PUT", path, { token: admin.token, body: { streets: [pickupStreet(30), pickupStreet(31)] } });
      expect(first.status).toBe(200);
      expect(first.json.streets).toEqual([pickupStreet(30), pickupStreet(31)].sort());
      const second = await call(h, "PUT", path, { token: admin.token, body: { streets: [pickupStreet(31)] } });
      expect(second.json.streets).toEqual([pickupStreet(31)]);
      const resident = await loginAs(h, "pc-not-collector");
      const notCollector = await call(h, "PUT", `/api/v1/admin/pickups/collectors/${resident.user.id}/streets`, {
        token: admin.token,
        body: { streets: [pickupStreet(31)] },
      });
      expect(notCollector.status).toBe(422);
      expectEnvelope(notCollector, "validation_failed");
      const unknownUser = await call(h, "PUT", "/api/v1/admin/pickups/collectors/nobody/streets", {
        token: admin.token,
        body: { streets: [] },
      });
      expect(unknownUser.status).toBe(404);
      const badStreet = await call(h, "PUT", path, { token: admin.token, body: { streets: ["320508:无此街道"] } });
      expect(badStreet.status).toBe(422);
      const audit = await call(h, "GET", "/api/v1/admin/audit", { token: admin.token });
      expect(JSON.stringify(audit.json)).toContain("pickup.collector.streets");
    });

    it("an admin lists every collector with their name and streets; a resident or a role taken away is not listed", async () => {
      const h = getHarness();
      const admin = await pickupAdmin(h);
      const a = await collectorOn(h, admin.token, "pc-list-a", [pickupStreet(36), pickupStreet(37)]);
      const b = await loginAs(h, "pc-list-b", "collector");
      const resident = await loginAs(h, "pc-list-resident");
      const list = async () => {
        const res = await call(h, "GET", "/api/v1/admin/pickups/collectors", { token: admin.token });
        expect(res.status).toBe(200);
        return res.json.collectors as Json[];
      };
      const first = await list();
      const listedA = first.find((c) => c.userId === a.user.id);
      expect(listedA).toMatchObject({ userId: a.user.id, streets: [pickupStreet(36), pickupStreet(37)].sort() });
      expect(Object.keys(listedA).sort()).toEqual(["nickname", "streets", "userId"]);
      expect(first.find((c) => c.userId === b.user.id)).toMatchObject({ streets: [] });
      expect(first.some((c) => c.userId === resident.user.id)).toBe(false);
      // Replacing the streets shows at once (no audit log read involved).
      await call(h, "PUT", `/api/v1/admin/pickups/collectors/${a.user.id}/streets`, {
        token: admin.token,
        body: { streets: [pickupStreet(38)] },
      });
      expect((await list()).find((c) => c.userId === a.user.id)?.streets).toEqual([pickupStreet(38)]);
      const revoked = await call(h, "DELETE", `/api/v1/admin/users/${b.user.id}/roles/collector`, { token: admin.token });
      expect(revoked.status).toBeLessThan(300);
      expect((await list()).some((c) => c.userId === b.user.id)).toBe(false);
      const forbidden = await call(h, "GET", "/api/v1/admin/pickups/collectors", { token: a.token });
      expect(forbidden.status).toBe(403);
    });

    it("a collector sees open jobs in their streets with street, window, items and volume only — no phone, address or name", async () => {
      const h = getHarness();
      const { admin, street, booking } = await booked(h, 32, "pc-private");
      const mine = await collectorOn(h, admin.token, "pc-private-c", [street]);
      const elsewhere = await collectorOn(h, admin.token, "pc-private-other", [pickupStreet(33)]);
      const jobs = await jobsOf(h, mine.token);
      const job = jobs.find((j) => j.id === booking.id);
      expect(job).toMatchObject({ streetCode: street, date: DATE, window: "am", volumePoints: 1, mine: false, contact: null });
      expect(job?.items).toEqual([{ code: "chair", name: "椅子", qty: 1, recyclable: false }]);
      const text = JSON.stringify(jobs);
      expect(text).not.toContain("13912345678");
      expect(text).not.toContain("302");
      expect(text).not.toContain("单元楼下");
      expect((await jobsOf(h, elsewhere.token)).some((j) => j.id === booking.id)).toBe(false);
      // Without a date: the coming days include it too.
      const coming = await call(h, "GET", "/api/v1/collector/jobs", { token: mine.token });
      expect(coming.json.jobs.some((j: Json) => j.id === booking.id)).toBe(true);
      const resident = await loginAs(h, "pc-private-resident");
      expect((await call(h, "GET", "/api/v1/collector/jobs", { token: resident.token })).status).toBe(403);
    });

    it("accepting shows the holder the contact details, hides the job from others and tells the resident 回收员已接单", async () => {
      const h = getHarness();
      const { admin, street, owner, booking } = await booked(h, 34, "pc-accept");
      const a = await collectorOn(h, admin.token, "pc-accept-a", [street]);
      const b = await collectorOn(h, admin.token, "pc-accept-b", [street]);
      const res = await call(h, "POST", `/api/v1/collector/jobs/${booking.id}/accept`, { token: a.token });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ status: "accepted", mine: true });
      expect(res.json.contact).toMatchObject({
        contactPhone: "13912345678",
        address: "pc-accept 路 8 号 2 栋 302",
        number: booking.number,
      });
      expect((await jobsOf(h, a.token)).find((j) => j.id === booking.id)?.contact?.contactPhone).toBe("13912345678");
      expect((await jobsOf(h, b.token)).some((j) => j.id === booking.id)).toBe(false);
      const late = await call(h, "POST", `/api/v1/collector/jobs/${booking.id}/accept`, { token: b.token });
      expect(late.status).toBe(409);
      expectEnvelope(late, "conflict");
      const mineView = await call(h, "GET", `/api/v1/pickups/${booking.id}`, { token: owner.token });
      expect(mineView.json.status).toBe("accepted");
      await h.wechat.dispatch();
      const inbox = await call(h, "GET", "/api/v1/inbox", { token: owner.token });
      expect(JSON.stringify(inbox.json.messages)).toContain("回收员已接单");
    });

    it("20 collectors accept one job at once: exactly one 2xx, the rest 409", async () => {
      const h = getHarness();
      const { admin, street, owner, booking } = await booked(h, 35, "pc-race");
      const collectors = [];
      for (let i = 0; i < 20; i++) collectors.push(await collectorOn(h, admin.token, `pc-race-${i}`, [street]));
      const answers = await Promise.all(
        collectors.map((c) => call(h, "POST", `/api/v1/collector/jobs/${booking.id}/accept`, { token: c.token })),
      );
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      const winner = collectors[answers.findIndex((r) => r.status === 200)]!;
      expect((await jobsOf(h, winner.token)).find((j) => j.id === booking.id)?.mine).toBe(true);
      // The losers' history rows and notices were guarded away: the resident hears it once.
      await h.wechat.dispatch();
      const inbox = await call(h, "GET", "/api/v1/inbox", { token: owner.token });
      expect(inbox.json.messages.filter((m: Json) => JSON.stringify(m).includes("回收员已接单"))).toHaveLength(1);
    });

    it("a job outside the caller's streets is 404; a cancelled booking cannot be accepted (409)", async () => {
      const h = getHarness();
      const { admin, street, owner, booking } = await booked(h, 36, "pc-cancelled");
      const outside = await collectorOn(h, admin.token, "pc-cancelled-out", [pickupStreet(37)]);
      const inside = await collectorOn(h, admin.token, "pc-cancelled-in", [street]);
      expect((await call(h, "POST", `/api/v1/collector/jobs/${booking.id}/accept`, { token: outside.token })).status).toBe(404);
      expect((await call(h, "POST", "/api/v1/collector/jobs/no-such-job/accept", { token: inside.token })).status).toBe(404);
      const cancel = await call(h, "POST", `/api/v1/pickups/${booking.id}/cancel`, { token: owner.token, body: {} });
      expect(cancel.status).toBe(200);
      const res = await call(h, "POST", `/api/v1/collector/jobs/${booking.id}/accept`, { token: inside.token });
      expect(res.status).toBe(409);
      expectEnvelope(res, "conflict");
    });

    it("only the holder releases, with a reason, before the collection day; the job is open to others again", async () => {
      const h = getHarness();
      const { admin, street, booking } = await booked(h, 38, "pc-release");
      const holder = await collectorOn(h, admin.token, "pc-release-a", [street]);
      const other = await collectorOn(h, admin.token, "pc-release-b", [street]);
      expect((await call(h, "POST", `/api/v1/collector/jobs/${booking.id}/accept`, { token: holder.token })).status).toBe(200);
      const path = `/api/v1/collector/jobs/${booking.id}/release`;
      expect((await call(h, "POST", path, { token: other.token, body: { reason: "顺路" } })).status).toBe(409);
      expect((await call(h, "POST", path, { token: holder.token, body: { reason: "  " } })).status).toBe(422);
      const released = await call(h, "POST", path, { token: holder.token, body: { reason: "车辆故障" } });
      expect(released.status).toBe(200);
      expect(released.json).toMatchObject({ status: "booked", mine: false, contact: null });
      expect((await jobsOf(h, other.token)).find((j) => j.id === booking.id)?.status).toBe("booked");
      expect((await call(h, "POST", `/api/v1/collector/jobs/${booking.id}/accept`, { token: other.token })).status).toBe(200);
      // On the collection day itself (00:00 Suzhou) the holder can no longer give it back.
      h.setNow("2027-05-09T16:00:00.000Z");
      const tooLate = await call(h, "POST", path, { token: other.token, body: { reason: "太忙" } });
      expect(tooLate.status).toBe(409);
      expect(tooLate.json.error.details.reason).toBe("deadline_passed");
    });
  });
}

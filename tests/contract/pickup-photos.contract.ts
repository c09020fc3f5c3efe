import { describe, expect, it } from "vitest";
import { type ContractHarness, call, type GetHarness, loginAs } from "./harness";
import { bookingBody, createPickupItems, createPickupSlot, pickupAdmin, pickupStreet } from "./pickup-fixtures";
import { answerMediaCheck, uploadPhoto } from "./report-fixtures";

/*
 * A booking's photos (the resident's) and its outcome photos (the collector's): the booking's resident, the
 * collector holding the job and staff open both; everyone else gets 404. A photo WeChat finds risky is
 * withdrawn from the other party and recorded for the bureau.
 */

// biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
type Json = any;
const DATE = "2027-05-24";
const BEFORE = "2027-05-17T02:00:00.000Z"; // 10:00 Suzhou, a week before
const ON_THE_DAY = "2027-05-24T01:00:00.000Z"; // 09:00 Suzhou on DATE

const content = (id: string) => `/api/v1/uploads/${id}/content`;
const opens = async (h: ContractHarness, id: string, token?: string) => (await call(h, "GET", content(id), { token })).status;

async function collectorOn(h: ContractHarness, adminToken: string, openid: string, streets: string[]) {
  const s = await loginAs(h, openid, "collector");
  const res = await call(h, "PUT", `/api/v1/admin/pickups/collectors/${s.user.id}/streets`, { token: adminToken, body: { streets } });
  if (res.status !== 200) throw new Error(`streets: ${res.status} ${JSON.stringify(res.json)}`);
  return s;
}

/** A booking with one photo by the resident, accepted by a collector; a second collector serves the street too. */
async function bookedWithPhoto(h: ContractHarness, streetIndex: number, tag: string) {
  h.setNow(BEFORE);
  const admin = await pickupAdmin(h);
  await createPickupItems(h, admin.token);
  const street = pickupStreet(streetIndex);
  const { slotId } = await createPickupSlot(h, admin.token, street, 50, { date: DATE });
  const resident = await loginAs(h, `${tag}-resident`);
  const residentPhoto = await uploadPhoto(h, resident.token);
  const booked = await call(h, "POST", "/api/v1/pickups", {
    token: resident.token,
    body: bookingBody(slotId, { photoIds: [residentPhoto] }),
  });
  if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${JSON.stringify(booked.json)}`);
  const collector = await collectorOn(h, admin.token, `${tag}-collector`, [street]);
  const bystander = await collectorOn(h, admin.token, `${tag}-other-collector`, [street]);
  const accept = await call(h, "POST", `/api/v1/collector/jobs/${booked.json.id}/accept`, { token: collector.token });
  if (accept.status !== 200) throw new Error(`accept: ${accept.status} ${JSON.stringify(accept.json)}`);
  return { admin, resident, collector, bystander, residentPhoto, id: booked.json.id as string, booking: booked.json as Json, accept };
}

async function completeWithPhoto(h: ContractHarness, token: string, id: string) {
  h.setNow(ON_THE_DAY);
  const photo = await uploadPhoto(h, token);
  const res = await call(h, "POST", `/api/v1/collector/jobs/${id}/complete`, {
    token,
    body: { taken: [{ code: "chair", qty: 1 }], photoIds: [photo] },
  });
  if (res.status !== 200) throw new Error(`complete: ${res.status} ${JSON.stringify(res.json)}`);
  return { photo, res };
}

export function registerPickupPhotosContract(getHarness: GetHarness) {
  describe("pickups: photos", () => {
    it("the resident, the collector holding the job and staff open both kinds of photos; anyone else gets 404", async () => {
      const h = getHarness();
      const { resident, collector, bystander, residentPhoto, id, booking, accept } = await bookedWithPhoto(h, 44, "pp-read");
      const other = await loginAs(h, "pp-read-neighbour");
      const moderator = await loginAs(h, "pp-read-moderator", "moderator");

      // The resident's booking shows its photo with a URL; the holder's job shows it too, and both URLs open.
      expect(booking.photos).toEqual([{ id: residentPhoto, url: expect.stringContaining(content(residentPhoto)) }]);
      expect(accept.json.photos).toEqual([{ id: residentPhoto, url: expect.stringContaining(content(residentPhoto)) }]);
      expect((await call(h, "GET", accept.json.photos[0].url)).status).toBe(200);
      const listed = (await call(h, "GET", `/api/v1/collector/jobs?date=${DATE}`, { token: collector.token })).json.jobs as Json[];
      expect(listed.find((j) => j.id === id)?.photos?.map((p: Json) => p.id)).toEqual([residentPhoto]);
      const notHeld = (await call(h, "GET", `/api/v1/collector/jobs?date=${DATE}`, { token: bystander.token })).json.jobs as Json[];
      expect(notHeld.find((j) => j.id === id)).toBeUndefined();

      // The bearer-authenticated content route: who may see the booking may open its photos.
      expect(await opens(h, residentPhoto, resident.token)).toBe(200);
      expect(await opens(h, residentPhoto, collector.token)).toBe(200);
      expect(await opens(h, residentPhoto, moderator.token)).toBe(200);
      expect(await opens(h, residentPhoto, bystander.token)).toBe(404);
      expect(await opens(h, residentPhoto, other.token)).toBe(404);
      expect(await opens(h, residentPhoto)).toBe(404);

      const { photo, res } = await completeWithPhoto(h, collector.token, id);
      expect(res.json.outcome.photos).toEqual([{ id: photo, url: expect.stringContaining(content(photo)) }]);
      expect(res.json.photos.map((p: Json) => p.id)).toEqual([residentPhoto]);
      const view = await call(h, "GET", `/api/v1/pickups/${id}`, { token: resident.token });
      expect(view.json.outcome.photos.map((p: Json) => p.id)).toEqual([photo]);
      expect((await call(h, "GET", view.json.outcome.photos[0].url)).status).toBe(200);
      expect(await opens(h, photo, resident.token)).toBe(200);
      expect(await opens(h, photo, collector.token)).toBe(200);
      expect(await opens(h, photo, moderator.token)).toBe(200);
      expect(await opens(h, photo, bystander.token)).toBe(404);
      expect(await opens(h, photo, other.token)).toBe(404);
      // The job stays the collector's after completion: the resident's photo still opens for them.
      expect(await opens(h, residentPhoto, collector.token)).toBe(200);
    });

    it("a released job's photos close to the collector who gave it back", async () => {
      const h = getHarness();
      const { collector, residentPhoto, id } = await bookedWithPhoto(h, 45, "pp-release");
      expect(await opens(h, residentPhoto, collector.token)).toBe(200);
      const released = await call(h, "POST", `/api/v1/collector/jobs/${id}/release`, {
        token: collector.token,
        body: { reason: "车辆故障" },
      });
      expect(released.status).toBe(200);
      expect(await opens(h, residentPhoto, collector.token)).toBe(404);
    });

    it("a photo WeChat finds risky is withdrawn from the other party, kept for its uploader and staff, and recorded", async () => {
      const h = getHarness();
      const { admin, resident, collector, residentPhoto, id } = await bookedWithPhoto(h, 46, "pp-risky");
      const { photo } = await completeWithPhoto(h, collector.token, id);
      await answerMediaCheck(h, photo, "risky");
      await answerMediaCheck(h, residentPhoto, "pass");
      const view = await call(h, "GET", `/api/v1/pickups/${id}`, { token: resident.token });
      expect(view.json.outcome.photos).toEqual([]);
      expect(view.json.outcome.photoIds).toEqual([photo]);
      expect(view.json.photos.map((p: Json) => p.id)).toEqual([residentPhoto]);
      expect(await opens(h, photo, resident.token)).toBe(404);
      expect(await opens(h, photo, collector.token)).toBe(200);
      expect(await opens(h, photo, admin.token)).toBe(200);
      expect(await opens(h, residentPhoto, collector.token)).toBe(200);
      const audit = await call(h, "GET", `/api/v1/admin/audit?action=pickup.photo.risky&targetId=${id}`, { token: admin.token });
      expect(audit.json.entries).toHaveLength(1);
      expect(audit.json.entries[0].detail).toEqual({ uploadId: photo });
    });
  });
}

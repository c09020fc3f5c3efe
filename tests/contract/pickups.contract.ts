import { describe, expect, it } from "vitest";
import { type ContractHarness, call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import { bookingBody, createPickupItems, createPickupSlot, pickupAdmin, pickupStreet } from "./pickup-fixtures";
import { uploadPhoto } from "./report-fixtures";

/* Bulky-waste pickups: booking, its limits (window, cutoff, items, capacity, quota), cancel, and replays. */

async function setup(h: ContractHarness, streetIndex: number, capacity: number, at?: Parameters<typeof createPickupSlot>[4]) {
  const admin = await pickupAdmin(h);
  await createPickupItems(h, admin.token);
  const street = pickupStreet(streetIndex);
  return { admin, street, ...(await createPickupSlot(h, admin.token, street, capacity, at)) };
}

const remainingOf = async (h: ContractHarness, street: string, slotId: string) => {
  const res = await call(h, "GET", `/api/v1/pickups/slots?street=${encodeURIComponent(street)}`);
  return (res.json.slots as { id: string; remaining: number }[]).find((s) => s.id === slotId)?.remaining;
};

export function registerPickupsContract(getHarness: GetHarness) {
  describe("pickups", () => {
    it("a resident books a sofa and a fridge, gets a number and what to prepare, and sees it in their list", async () => {
      const h = getHarness();
      const { slotId, street } = await setup(h, 1, 20);
      const resident = await loginAs(h, "pickup-happy");
      const items = await call(h, "GET", "/api/v1/pickups/items");
      expect(items.json.items.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(["sofa", "fridge", "chair"]));
      const res = await call(h, "POST", "/api/v1/pickups", {
        token: resident.token,
        body: bookingBody(slotId, {
          items: [
            { code: "sofa", qty: 1 },
            { code: "fridge", qty: 1 },
          ],
        }),
      });
      expect(res.status).toBe(201);
      expect(res.json.status).toBe("booked");
      expect(res.json.number).toMatch(/^DJ\d{8}[0-9A-F]{6}$/);
      expect(res.json.volumePoints).toBe(5);
      expect(res.json.prepare).toEqual(["冰箱请提前断电除霜"]);
      expect(await remainingOf(h, street, slotId)).toBe(15);
      const mine = await call(h, "GET", "/api/v1/pickups/mine", { token: resident.token });
      expect(mine.json.bookings.map((b: { id: string }) => b.id)).toContain(res.json.id);
      const one = await call(h, "GET", `/api/v1/pickups/${res.json.id}`, { token: resident.token });
      expect(one.status).toBe(200);
      expect(one.json.items).toHaveLength(2);
    });

    it("tomorrow closes at 16:00 city time today: 15:59 books, 16:00 is refused with the bookable range", async () => {
      const h = getHarness();
      h.setNow("2027-03-01T07:59:00.000Z"); // 15:59 in Suzhou
      const { slotId } = await setup(h, 2, 10, { date: "2027-03-02" });
      const resident = await loginAs(h, "pickup-cutoff");
      expect(slotId).toBeTruthy();
      const early = await call(h, "POST", "/api/v1/pickups", {
        token: resident.token,
        body: bookingBody(slotId, { address: "凤凰街 1 号" }),
      });
      expect(early.status).toBe(201);
      h.setNow("2027-03-01T08:00:00.000Z");
      const late = await call(h, "POST", "/api/v1/pickups", {
        token: resident.token,
        body: bookingBody(slotId, { address: "凤凰街 2 号" }),
      });
      expect(late.status).toBe(409);
      expectEnvelope(late, "conflict");
      expect(late.json.error.details).toMatchObject({ reason: "not_bookable", first: "2027-03-03" });
    });

    it("refuses too many of one item by its name, too many items in all, and a map point outside the city", async () => {
      const h = getHarness();
      const { slotId } = await setup(h, 3, 50);
      const resident = await loginAs(h, "pickup-items");
      const sofas = await call(h, "POST", "/api/v1/pickups", {
        token: resident.token,
        body: bookingBody(slotId, { items: [{ code: "sofa", qty: 3 }] }),
      });
      expect(sofas.status).toBe(422);
      expect(sofas.json.error.message).toContain("too many of 沙发");
      const many = await call(h, "POST", "/api/v1/pickups", {
        token: resident.token,
        body: bookingBody(slotId, {
          items: [
            { code: "sofa", qty: 2 },
            { code: "chair", qty: 4 },
          ],
        }),
      });
      expect(many.status).toBe(422);
      const beijing = await call(h, "POST", "/api/v1/pickups", {
        token: resident.token,
        body: bookingBody(slotId, { location: { lat: 39.9, lng: 116.4 } }),
      });
      expect(beijing.status).toBe(422);
      expect(beijing.json.error.details[0].path).toBe("location");
    });

    it("photos of the items attach to the booking; someone else's photo is refused and takes no capacity", async () => {
      const h = getHarness();
      const { slotId, street } = await setup(h, 9, 10);
      const resident = await loginAs(h, "pickup-photos");
      const stranger = await loginAs(h, "pickup-photo-stranger");
      const theirs = await uploadPhoto(h, stranger.token);
      const refused = await call(h, "POST", "/api/v1/pickups", {
        token: resident.token,
        body: bookingBody(slotId, { photoIds: [theirs] }),
      });
      expect(refused.status).toBe(422);
      expect(await remainingOf(h, street, slotId)).toBe(10);
      const mine = await uploadPhoto(h, resident.token);
      const ok = await call(h, "POST", "/api/v1/pickups", { token: resident.token, body: bookingBody(slotId, { photoIds: [mine] }) });
      expect(ok.status).toBe(201);
      // The same photo cannot be attached to a second booking.
      const twice = await call(h, "POST", "/api/v1/pickups", {
        token: resident.token,
        body: bookingBody(slotId, { photoIds: [mine], address: "观前街 2 号" }),
      });
      expect(twice.status).toBe(422);
      expect(await remainingOf(h, street, slotId)).toBe(9);
    });

    it("another resident's booking is 404 to read and to cancel", async () => {
      const h = getHarness();
      const { slotId } = await setup(h, 4, 10);
      const owner = await loginAs(h, "pickup-owner");
      const other = await loginAs(h, "pickup-other");
      const b = await call(h, "POST", "/api/v1/pickups", { token: owner.token, body: bookingBody(slotId) });
      expect((await call(h, "GET", `/api/v1/pickups/${b.json.id}`, { token: other.token })).status).toBe(404);
      expect((await call(h, "POST", `/api/v1/pickups/${b.json.id}/cancel`, { token: other.token, body: {} })).status).toBe(404);
    });

    it("a household books 6 a year; cancelling frees the capacity and the quota; after 14:00 the day before it is 409", async () => {
      const h = getHarness();
      h.setNow("2027-04-01T02:00:00.000Z");
      const { slotId, street, date } = await setup(h, 5, 50, { date: "2027-04-10" });
      const resident = await loginAs(h, "pickup-quota");
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await call(h, "POST", "/api/v1/pickups", {
          token: resident.token,
          body: bookingBody(slotId, { address: "金鸡湖大道 8 号" }),
        });
        expect(r.status).toBe(201);
        ids.push(r.json.id);
      }
      const seventh = await call(h, "POST", "/api/v1/pickups", {
        token: resident.token,
        body: bookingBody(slotId, { address: "金鸡湖大道8号" }),
      });
      expect(seventh.status).toBe(409);
      expect(seventh.json.error.details.reason).toBe("quota_used");
      expect(await remainingOf(h, street, slotId)).toBe(44);
      const cancel = await call(h, "POST", `/api/v1/pickups/${ids[0]}/cancel`, { token: resident.token, body: { reason: "不用了" } });
      expect(cancel.status).toBe(200);
      expect(cancel.json.status).toBe("cancelled");
      expect(await remainingOf(h, street, slotId)).toBe(45);
      const again = await call(h, "POST", "/api/v1/pickups", {
        token: resident.token,
        body: bookingBody(slotId, { address: "金鸡湖大道 8 号" }),
      });
      expect(again.status).toBe(201);
      h.setNow(`${"2027-04-09"}T06:00:00.000Z`); // 14:00 in Suzhou the day before ${date}
      expect(date).toBe("2027-04-10");
      const late = await call(h, "POST", `/api/v1/pickups/${ids[1]}/cancel`, { token: resident.token, body: {} });
      expect(late.status).toBe(409);
      expect(late.json.error.details.reason).toBe("deadline_passed");
    });

    it("200 parallel bookings on a slot with room for 10 one-point items: exactly 10 succeed, the rest hear slot_full", async () => {
      const h = getHarness();
      const { slotId, street } = await setup(h, 6, 10);
      const resident = await loginAs(h, "pickup-rush");
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          call(h, "POST", "/api/v1/pickups", { token: resident.token, body: bookingBody(slotId, { address: `平江路 ${i} 号` }) }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(10);
      expect(statuses.filter((s) => s === 409)).toHaveLength(190);
      for (const r of results.filter((x) => x.status === 409)) expect(r.json.error.details.reason).toBe("slot_full");
      expect(await remainingOf(h, street, slotId)).toBe(0);
    });

    it("parallel bookings from one household stop at the yearly quota", async () => {
      const h = getHarness();
      const { slotId } = await setup(h, 7, 100);
      const resident = await loginAs(h, "pickup-household");
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          call(h, "POST", "/api/v1/pickups", { token: resident.token, body: bookingBody(slotId, { address: "十全街 9 号" }) }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(6);
      for (const r of results.filter((x) => x.status !== 201)) expect(r.json.error.details.reason).toBe("quota_used");
    });

    it("admins create slots in bulk (existing ones skipped, unknown streets refused) and retire items residents no longer see", async () => {
      const h = getHarness();
      const admin = await pickupAdmin(h);
      await createPickupItems(h, admin.token);
      const street = pickupStreet(10);
      const body = { streets: [street], from: "2027-07-01", to: "2027-07-03", windows: ["am", "pm"], capacityPoints: 12 };
      const first = await call(h, "POST", "/api/v1/admin/pickups/slots", { token: admin.token, body });
      expect(first.status).toBe(201);
      expect(first.json).toEqual({ created: 6, skipped: 0 });
      const again = await call(h, "POST", "/api/v1/admin/pickups/slots", { token: admin.token, body: { ...body, to: "2027-07-04" } });
      expect(again.json).toEqual({ created: 2, skipped: 6 });
      const unknown = await call(h, "POST", "/api/v1/admin/pickups/slots", {
        token: admin.token,
        body: { ...body, streets: ["000000:无此街道"] },
      });
      expect(unknown.status).toBe(422);
      const created = await call(h, "POST", "/api/v1/admin/pickups/items", {
        token: admin.token,
        body: { code: "old_piano", name: "钢琴", category: "furniture", maxPerBooking: 1, recyclable: false, volumePoints: 8 },
      });
      expect([201, 409]).toContain(created.status);
      const retired = await call(h, "PATCH", "/api/v1/admin/pickups/items/old_piano", { token: admin.token, body: { active: false } });
      expect(retired.status).toBe(200);
      expect(retired.json.active).toBe(false);
      const publicList = await call(h, "GET", "/api/v1/pickups/items");
      expect(publicList.json.items.map((i: { code: string }) => i.code)).not.toContain("old_piano");
      const adminList = await call(h, "GET", "/api/v1/admin/pickups/items", { token: admin.token });
      expect(adminList.json.items.map((i: { code: string }) => i.code)).toContain("old_piano");
    });

    it("a retry with the same Idempotency-Key answers the same booking and takes capacity once", async () => {
      const h = getHarness();
      const { slotId, street } = await setup(h, 8, 10);
      const resident = await loginAs(h, "pickup-retry");
      const headers = { "idempotency-key": "pickup-retry-0001" };
      const body = bookingBody(slotId);
      const [a, b] = await Promise.all([
        call(h, "POST", "/api/v1/pickups", { token: resident.token, body, headers }),
        call(h, "POST", "/api/v1/pickups", { token: resident.token, body, headers }),
      ]);
      const c = await call(h, "POST", "/api/v1/pickups", { token: resident.token, body, headers });
      expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
      expect(new Set([a.json.id, b.json.id, c.json.id]).size).toBe(1);
      expect(await remainingOf(h, street, slotId)).toBe(9);
    });
  });
}

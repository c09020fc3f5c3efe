import { describe, expect, it } from "vitest";
import { type ContractHarness, call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import { bookingBody, createPickupItems, createPickupSlot, pickupAdmin, pickupStreet } from "./pickup-fixtures";

/* The bureau's side of pickups: blackout dates, slot capacity edits, the day overview, KPIs, and "not collected" opening a case. */

// 2027-05-03 10:00 in Suzhou: bookable from 05-04; the slots below are on 05-10 and 05-11.
const NOW = "2027-05-03T02:00:00.000Z";
const DAY = "2027-05-10";
const NEXT = "2027-05-11";

async function setup(h: ContractHarness, streetIndex: number, capacity = 10) {
  h.setNow(NOW);
  const admin = await pickupAdmin(h);
  await createPickupItems(h, admin.token);
  const street = pickupStreet(streetIndex);
  const a = await createPickupSlot(h, admin.token, street, capacity, { date: DAY });
  const b = await createPickupSlot(h, admin.token, street, capacity, { date: NEXT, window: "pm" });
  return { admin, street, slotA: a.slotId, slotB: b.slotId };
}

async function book(h: ContractHarness, token: string, slotId: string, address = `bureau ${Math.random()}`) {
  return call(h, "POST", "/api/v1/pickups", { token, body: bookingBody(slotId, { address }) });
}

async function booked(h: ContractHarness, token: string, slotId: string) {
  const res = await book(h, token, slotId);
  if (res.status !== 201) throw new Error(`book: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as { id: string; version: number; number: string };
}

const slotsOf = async (h: ContractHarness, street: string) =>
  (await call(h, "GET", `/api/v1/pickups/slots?street=${encodeURIComponent(street)}`)).json.slots as { id: string; date: string }[];

const blackout = (h: ContractHarness, token: string, date: string, reason = "春节") =>
  call(h, "POST", "/api/v1/admin/pickups/blackouts", { token, body: { date, reason } });

export function registerPickupBureauContract(getHarness: GetHarness) {
  describe("pickup bureau: blackout dates", () => {
    it("a blackout hides the date's slots, refuses booking and moving onto it, is skipped by bulk creation, and lifts again", async () => {
      const h = getHarness();
      const { admin, street, slotA, slotB } = await setup(h, 60);
      const resident = await loginAs(h, "bureau-blackout-resident");
      const mine = await booked(h, resident.token, slotB);

      const made = await blackout(h, admin.token, DAY);
      expect(made.status).toBe(201);
      expect(made.json).toMatchObject({ date: DAY, reason: "春节" });
      expect((await call(h, "GET", "/api/v1/admin/pickups/blackouts", { token: admin.token })).json.blackouts).toEqual([made.json]);
      expect((await slotsOf(h, street)).map((s) => s.date)).toEqual([NEXT]);

      const refused = await book(h, resident.token, slotA);
      expect(refused.status).toBe(409);
      expectEnvelope(refused, "conflict");
      expect(refused.json.error.details.reason).toBe("blackout");
      const moved = await call(h, "PATCH", `/api/v1/pickups/${mine.id}`, {
        token: resident.token,
        body: { version: mine.version, slotId: slotA },
      });
      expect(moved.status).toBe(409);
      expect(moved.json.error.details.reason).toBe("blackout");
      // Nothing of the refused move stuck: the booking keeps its slot and version.
      const kept = await call(h, "GET", `/api/v1/pickups/${mine.id}`, { token: resident.token });
      expect(kept.json).toMatchObject({ version: mine.version, slot: { id: slotB } });

      const other = pickupStreet(61);
      const bulk = await call(h, "POST", "/api/v1/admin/pickups/slots", {
        token: admin.token,
        body: { streets: [other], from: "2027-05-09", to: DAY, windows: ["am"], capacityPoints: 5 },
      });
      expect(bulk.json).toEqual({ created: 1, skipped: 1 });

      expect((await blackout(h, admin.token, DAY, "again")).json.error.details.reason).toBe("exists");
      const lifted = await call(h, "DELETE", `/api/v1/admin/pickups/blackouts/${DAY}`, { token: admin.token });
      expect(lifted.status).toBe(200);
      expect(lifted.json.blackouts).toEqual([]);
      expect((await slotsOf(h, street)).map((s) => s.date)).toEqual([DAY, NEXT]);
      expect((await book(h, resident.token, slotA)).status).toBe(201);
      expect((await call(h, "DELETE", `/api/v1/admin/pickups/blackouts/${DAY}`, { token: admin.token })).status).toBe(404);
    });

    it("a date with open bookings cannot be blacked out (409 has_bookings with the count) until they are cancelled; a past date is 422", async () => {
      const h = getHarness();
      const { admin, slotA } = await setup(h, 62);
      const resident = await loginAs(h, "bureau-has-bookings");
      const one = await booked(h, resident.token, slotA);
      await booked(h, resident.token, slotA);
      const refused = await blackout(h, admin.token, DAY);
      expect(refused.status).toBe(409);
      expect(refused.json.error.details).toMatchObject({ reason: "has_bookings", bookings: 2 });
      expect((await call(h, "GET", "/api/v1/admin/pickups/blackouts", { token: admin.token })).json.blackouts).toEqual([]);

      expect((await call(h, "POST", `/api/v1/pickups/${one.id}/cancel`, { token: resident.token, body: {} })).status).toBe(200);
      expect((await blackout(h, admin.token, DAY)).json.error.details.bookings).toBe(1);

      const past = await blackout(h, admin.token, "2027-05-01");
      expect(past.status).toBe(422);
      expectEnvelope(past, "validation_failed");
    });

    it("bookings and a blackout of their date at once: either the blackout wins and no booking is left on it, or it is refused", async () => {
      const h = getHarness();
      const { admin, slotA } = await setup(h, 63, 50);
      const residents = await Promise.all([0, 1, 2, 3].map((i) => loginAs(h, `bureau-race-${i}`)));
      const results = await Promise.all([
        ...Array.from({ length: 12 }, (_, i) => book(h, residents[i % 4]!.token, slotA)),
        blackout(h, admin.token, DAY),
      ]);
      expect(results.filter((r) => r.status >= 500)).toEqual([]);
      const bookings = results.slice(0, 12);
      const made = results[12]!;
      const won = bookings.filter((r) => r.status === 201).length;
      for (const r of bookings) if (r.status !== 201) expect(r.json.error.details.reason).toBe("blackout");
      if (made.status === 201) {
        expect(won).toBe(0);
      } else {
        expect(made.json.error.details).toMatchObject({ reason: "has_bookings", bookings: won });
      }
    });
  });

  describe("pickup bureau: slots", () => {
    it("an admin lists a street's or a district's slots and changes a capacity, never below what is booked", async () => {
      const h = getHarness();
      const { admin, street, slotA, slotB } = await setup(h, 64, 10);
      const resident = await loginAs(h, "bureau-slots");
      await booked(h, resident.token, slotA);
      await booked(h, resident.token, slotA);

      const byStreet = await call(h, "GET", `/api/v1/admin/pickups/slots?street=${encodeURIComponent(street)}&from=${DAY}&to=${NEXT}`, {
        token: admin.token,
      });
      expect(byStreet.status).toBe(200);
      expect(byStreet.json.slots.map((s: { id: string }) => s.id)).toEqual([slotA, slotB]);
      expect(byStreet.json.slots[0]).toMatchObject({ capacityPoints: 10, bookedPoints: 2, remaining: 8 });
      const district = street.split(":")[0];
      const byDistrict = await call(h, "GET", `/api/v1/admin/pickups/slots?district=${district}&from=${DAY}&to=${NEXT}`, {
        token: admin.token,
      });
      expect(byDistrict.json.slots.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([slotA, slotB]));
      for (const bad of [
        "from=2027-05-10&to=2027-05-11",
        `district=nowhere&from=${DAY}&to=${NEXT}`,
        `district=${district}&from=${NEXT}&to=${DAY}`,
      ]) {
        const res = await call(h, "GET", `/api/v1/admin/pickups/slots?${bad}`, { token: admin.token });
        expect(res.status, bad).toBe(422);
      }

      const below = await call(h, "PATCH", `/api/v1/admin/pickups/slots/${slotA}`, { token: admin.token, body: { capacityPoints: 1 } });
      expect(below.status).toBe(409);
      expect(below.json.error.details).toMatchObject({ reason: "below_booked", booked: 2 });
      const exact = await call(h, "PATCH", `/api/v1/admin/pickups/slots/${slotA}`, { token: admin.token, body: { capacityPoints: 2 } });
      expect(exact.status).toBe(200);
      expect(exact.json).toMatchObject({ id: slotA, capacityPoints: 2, bookedPoints: 2, remaining: 0 });
      const full = await book(h, resident.token, slotA);
      expect(full.json.error.details.reason).toBe("slot_full");
      const grown = await call(h, "PATCH", `/api/v1/admin/pickups/slots/${slotA}`, { token: admin.token, body: { capacityPoints: 20 } });
      expect(grown.json.remaining).toBe(18);
      const missing = await call(h, "PATCH", "/api/v1/admin/pickups/slots/nope", { token: admin.token, body: { capacityPoints: 3 } });
      expect(missing.status).toBe(404);
    });

    it("bookings and capacity cuts at once: no 500, every answer is a clean 2xx or 409, and capacity stays at or above booked", async () => {
      const h = getHarness();
      const { admin, street, slotA } = await setup(h, 65, 10);
      const residents = await Promise.all([0, 1, 2, 3, 4].map((i) => loginAs(h, `bureau-shrink-${i}`)));
      const cuts = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 === 0
            ? book(h, residents[i % 5]!.token, slotA)
            : call(h, "PATCH", `/api/v1/admin/pickups/slots/${slotA}`, { token: admin.token, body: { capacityPoints: cuts[(i - 1) / 2] } }),
        ),
      );
      expect(results.filter((r) => r.status >= 500)).toEqual([]);
      const bookings = results.filter((_, i) => i % 2 === 0);
      const patches = results.filter((_, i) => i % 2 === 1);
      for (const r of bookings) expect(r.status === 201 || r.json.error.details.reason === "slot_full").toBe(true);
      for (const r of patches) expect(r.status === 200 || r.json.error.details.reason === "below_booked").toBe(true);
      const list = await call(h, "GET", `/api/v1/admin/pickups/slots?street=${encodeURIComponent(street)}&from=${DAY}&to=${DAY}`, {
        token: admin.token,
      });
      const slot = list.json.slots[0];
      expect(slot.bookedPoints).toBe(bookings.filter((r) => r.status === 201).length);
      expect(slot.capacityPoints).toBeGreaterThanOrEqual(slot.bookedPoints);
    });
  });

  describe("pickup bureau: not collected opens a case", () => {
    it("'not collected' files a 大件垃圾未收运 case as the resident's: the booking shows it, the resident and staff see it, a repeat opens no second", async () => {
      const h = getHarness();
      const { slotA } = await setup(h, 66);
      const resident = await loginAs(h, "bureau-missed");
      const b = await booked(h, resident.token, slotA);
      h.setNow("2027-05-10T04:30:00.000Z"); // 12:30 in Suzhou: the morning window has ended
      const parallel = await Promise.all(
        [0, 1, 2, 3, 4].map(() =>
          call(h, "POST", `/api/v1/pickups/${b.id}/missed`, { token: resident.token, body: { note: "等到中午没人来" } }),
        ),
      );
      expect(parallel.filter((r) => r.status >= 500)).toEqual([]);
      const first = parallel.find((r) => r.status === 200)!;
      expect(first.json).toMatchObject({
        status: "missed",
        caseNumber: expect.stringMatching(/^\d{8}-\d{4}$/),
        caseId: expect.any(String),
      });
      const again = await call(h, "POST", `/api/v1/pickups/${b.id}/missed`, { token: resident.token, body: {} });
      expect(again.json).toMatchObject({ caseNumber: first.json.caseNumber, caseId: first.json.caseId });
      expect((await call(h, "GET", `/api/v1/pickups/${b.id}`, { token: resident.token })).json.caseNumber).toBe(first.json.caseNumber);

      const mine = await call(h, "GET", "/api/v1/reports/mine", { token: resident.token });
      const cases = (mine.json.reports as { id: string; categoryName: string; caseNumber: string }[]).filter(
        (r) => r.categoryName === "大件垃圾未收运",
      );
      expect(cases).toHaveLength(1);
      expect(cases[0]).toMatchObject({ id: first.json.caseId, caseNumber: first.json.caseNumber });

      const moderator = await loginAs(h, "bureau-missed-moderator", "moderator");
      const queue = await call(h, "GET", "/api/v1/moderation/reports?category=pickup_missed", { token: moderator.token });
      expect(queue.status).toBe(200);
      expect(queue.json.reports).toHaveLength(1);
      const item = queue.json.reports[0];
      expect(item).toMatchObject({ id: first.json.caseId, status: "submitted", categoryName: "大件垃圾未收运" });
      for (const part of [b.number, DAY, "上午", "等到中午没人来"]) expect(item.description).toContain(part);
      const detail = await call(h, "GET", `/api/v1/moderation/reports/${first.json.caseId}`, { token: moderator.token });
      const view = (await call(h, "GET", `/api/v1/pickups/${b.id}`, { token: resident.token })).json;
      expect(detail.json).toMatchObject({ address: view.address, location: view.location });
    });
  });

  describe("pickup bureau: overview and KPIs", () => {
    it("staff read the day per street (overdue after 18:00, volume against capacity) and the KPIs of days that have passed", async () => {
      const h = getHarness();
      const { admin, street, slotA } = await setup(h, 67, 10);
      const collector = await loginAs(h, "bureau-collector", "collector");
      await call(h, "PUT", `/api/v1/admin/pickups/collectors/${collector.user.id}/streets`, {
        token: admin.token,
        body: { streets: [street] },
      });
      const residents = await Promise.all([0, 1, 2, 3].map((i) => loginAs(h, `bureau-day-${i}`)));
      const [open, taken, gone, missed] = await Promise.all(residents.map((r) => booked(h, r.token, slotA)));
      expect((await call(h, "POST", `/api/v1/collector/jobs/${taken!.id}/accept`, { token: collector.token })).status).toBe(200);
      expect((await call(h, "POST", `/api/v1/pickups/${gone!.id}/cancel`, { token: residents[2]!.token, body: {} })).status).toBe(200);
      h.setNow("2027-05-10T05:00:00.000Z"); // 13:00 in Suzhou
      expect((await call(h, "POST", `/api/v1/pickups/${missed!.id}/missed`, { token: residents[3]!.token, body: {} })).status).toBe(200);
      expect(open).toBeDefined();

      const moderator = await loginAs(h, "bureau-day-moderator", "moderator");
      const midday = await call(h, "GET", "/api/v1/admin/pickups/overview", { token: moderator.token });
      expect(midday.status).toBe(200);
      expect(midday.json).toMatchObject({ date: DAY, district: null });
      const row = midday.json.streets.find((s: { streetCode: string }) => s.streetCode === street);
      expect(row).toMatchObject({
        booked: 1,
        accepted: 1,
        missed: 1,
        cancelled: 1,
        completed: 0,
        overdue: 0,
        capacityPoints: 10,
        bookedPoints: 3,
      });
      expect(row.streetName).toBe(street.split(":")[1]);
      expect(midday.json.totals).toMatchObject({ booked: 1, accepted: 1, missed: 1, cancelled: 1, bookedPoints: 3 });

      h.setNow("2027-05-10T10:00:00.000Z"); // 18:00 in Suzhou: what is still open is overdue
      const district = street.split(":")[0];
      const evening = await call(h, "GET", `/api/v1/admin/pickups/overview?district=${district}`, { token: moderator.token });
      expect(evening.json.district).toBe(district);
      expect(evening.json.totals.overdue).toBe(2);
      const elsewhere = await call(h, "GET", `/api/v1/admin/pickups/overview?date=${NEXT}`, { token: moderator.token });
      expect(elsewhere.json.totals).toMatchObject({ booked: 0, capacityPoints: 10 });
      expect((await call(h, "GET", "/api/v1/admin/pickups/overview?district=nowhere", { token: moderator.token })).status).toBe(422);

      const sameDay = await call(h, "GET", "/api/v1/admin/pickups/kpis", { token: moderator.token });
      expect(sameDay.json).toMatchObject({ from: "2027-04-11", to: DAY, due: 0, onTimeRate: null, noShowRate: null, averageRating: null });
      h.setNow("2027-05-11T02:00:00.000Z");
      const kpis = await call(h, "GET", `/api/v1/admin/pickups/kpis?from=${DAY}&to=${DAY}&district=${district}`, {
        token: moderator.token,
      });
      expect(kpis.status).toBe(200);
      // Due: the open, the accepted and the missed booking (the cancelled one is not); none completed.
      expect(kpis.json).toMatchObject({ due: 3, completed: 0, onTimeRate: 0, noShowRate: 0, averageRating: null, rated: 0, district });
      const backwards = await call(h, "GET", `/api/v1/admin/pickups/kpis?from=${NEXT}&to=${DAY}`, { token: moderator.token });
      expect(backwards.status).toBe(422);
    });
  });
}

import { describe, expect, it } from "vitest";
import { type ContractHarness, call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import { bookingBody, createPickupItems, createPickupSlot, pickupAdmin, pickupStreet } from "./pickup-fixtures";

/* The resident's changes to a booking: amend (items, slot) until the deadline, "not collected", rating. */

// 2027-05-03 10:00 in Suzhou: bookable from 05-04; the slots below are on 05-10 and 05-11.
const NOW = "2027-05-03T02:00:00.000Z";

async function setup(h: ContractHarness, streetIndex: number, capacity: number, openid: string) {
  h.setNow(NOW);
  const admin = await pickupAdmin(h);
  await createPickupItems(h, admin.token);
  const street = pickupStreet(streetIndex);
  const a = await createPickupSlot(h, admin.token, street, capacity, { date: "2027-05-10" });
  const b = await createPickupSlot(h, admin.token, street, capacity, { date: "2027-05-11", window: "pm" });
  const resident = await loginAs(h, openid);
  return { admin, street, slotA: a.slotId, slotB: b.slotId, resident };
}

const remainingOf = async (h: ContractHarness, street: string, slotId: string) => {
  const res = await call(h, "GET", `/api/v1/pickups/slots?street=${encodeURIComponent(street)}`);
  return (res.json.slots as { id: string; remaining: number }[]).find((s) => s.id === slotId)?.remaining;
};

async function book(h: ContractHarness, token: string, slotId: string, items = [{ code: "chair", qty: 1 }]) {
  const res = await call(h, "POST", "/api/v1/pickups", { token, body: bookingBody(slotId, { items, address: `amend ${Math.random()}` }) });
  if (res.status !== 201) throw new Error(`book: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as { id: string; version: number };
}

export function registerPickupChangesContract(getHarness: GetHarness) {
  describe("pickup changes", () => {
    it("a resident swaps items and moves to another day: the new slot is taken, the old one freed, the version bumps", async () => {
      const h = getHarness();
      const { street, slotA, slotB, resident } = await setup(h, 31, 10, "amend-move");
      const b = await book(h, resident.token, slotA);
      const res = await call(h, "PATCH", `/api/v1/pickups/${b.id}`, {
        token: resident.token,
        body: { version: b.version, slotId: slotB, items: [{ code: "fridge", qty: 1 }] },
      });
      expect(res.status).toBe(200);
      expect(res.json.slot).toMatchObject({ id: slotB, date: "2027-05-11", window: "pm" });
      expect(res.json.items.map((i: { code: string }) => i.code)).toEqual(["fridge"]);
      expect(res.json.volumePoints).toBe(2);
      expect(res.json.prepare).toEqual(["冰箱请提前断电除霜"]);
      expect(res.json.version).toBe(b.version + 1);
      expect(await remainingOf(h, street, slotA)).toBe(10);
      expect(await remainingOf(h, street, slotB)).toBe(8);
      // The version read before the amend is now stale.
      const stale = await call(h, "PATCH", `/api/v1/pickups/${b.id}`, {
        token: resident.token,
        body: { version: b.version, items: [{ code: "chair", qty: 2 }] },
      });
      expect(stale.status).toBe(409);
      expect(stale.json.error.details.reason).toBe("stale");
    });

    it("a full slot still accepts an amend that does not grow the booking, and refuses one that does", async () => {
      const h = getHarness();
      const { street, slotA, resident } = await setup(h, 32, 3, "amend-full");
      const b = await book(h, resident.token, slotA, [{ code: "chair", qty: 3 }]);
      expect(await remainingOf(h, street, slotA)).toBe(0);
      const same = await call(h, "PATCH", `/api/v1/pickups/${b.id}`, {
        token: resident.token,
        body: { version: b.version, items: [{ code: "sofa", qty: 1 }] },
      });
      expect(same.status).toBe(200);
      expect(same.json.volumePoints).toBe(3);
      expect(await remainingOf(h, street, slotA)).toBe(0);
      const smaller = await call(h, "PATCH", `/api/v1/pickups/${b.id}`, {
        token: resident.token,
        body: { version: same.json.version, items: [{ code: "chair", qty: 2 }] },
      });
      expect(smaller.status).toBe(200);
      expect(await remainingOf(h, street, slotA)).toBe(1);
      const bigger = await call(h, "PATCH", `/api/v1/pickups/${b.id}`, {
        token: resident.token,
        body: {
          version: smaller.json.version,
          items: [
            { code: "chair", qty: 1 },
            { code: "sofa", qty: 1 },
          ],
        },
      });
      expect(bigger.status).toBe(409);
      expectEnvelope(bigger, "conflict");
      expect(bigger.json.error.details.reason).toBe("slot_full");
      const kept = await call(h, "GET", `/api/v1/pickups/${b.id}`, { token: resident.token });
      expect(kept.json.items).toEqual([{ code: "chair", name: "椅子", qty: 2, recyclable: false }]);
      expect(await remainingOf(h, street, slotA)).toBe(1);
    });

    it("parallel amends from one version: one applies, the rest hear stale, and the slots hold only the winner's points", async () => {
      const h = getHarness();
      const { street, slotA, slotB, resident } = await setup(h, 37, 10, "amend-race");
      const b = await book(h, resident.token, slotA);
      const results = await Promise.all(
        [1, 2, 3, 4].map((qty) =>
          call(h, "PATCH", `/api/v1/pickups/${b.id}`, {
            token: resident.token,
            body: { version: b.version, slotId: slotB, items: [{ code: "chair", qty }] },
          }),
        ),
      );
      const won = results.filter((r) => r.status === 200);
      expect(won).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 200)) expect(r.json.error.details.reason).toBe("stale");
      expect(await remainingOf(h, street, slotA)).toBe(10);
      expect(await remainingOf(h, street, slotB)).toBe(10 - won[0]!.json.volumePoints);
      // Parallel cancels give the points back once.
      const cancels = await Promise.all(
        [1, 2, 3].map(() => call(h, "POST", `/api/v1/pickups/${b.id}/cancel`, { token: resident.token, body: {} })),
      );
      expect(cancels.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(await remainingOf(h, street, slotB)).toBe(10);
    });

    it("moving to a full slot is refused and keeps the old slot; too many of an item is refused by name", async () => {
      const h = getHarness();
      const { street, slotA, slotB, resident } = await setup(h, 33, 2, "amend-refused");
      const b = await book(h, resident.token, slotA);
      const other = await loginAs(h, "amend-refused-neighbour");
      await book(h, other.token, slotB, [{ code: "chair", qty: 2 }]);
      const full = await call(h, "PATCH", `/api/v1/pickups/${b.id}`, {
        token: resident.token,
        body: { version: b.version, slotId: slotB },
      });
      expect(full.status).toBe(409);
      expect(full.json.error.details.reason).toBe("slot_full");
      expect(await remainingOf(h, street, slotA)).toBe(1);
      const sofas = await call(h, "PATCH", `/api/v1/pickups/${b.id}`, {
        token: resident.token,
        body: { version: b.version, items: [{ code: "sofa", qty: 3 }] },
      });
      expect(sofas.status).toBe(422);
      expect(sofas.json.error.message).toContain("too many of 沙发");
      const empty = await call(h, "PATCH", `/api/v1/pickups/${b.id}`, { token: resident.token, body: { version: b.version } });
      expect(empty.status).toBe(422);
      const stranger = await call(h, "PATCH", `/api/v1/pickups/${b.id}`, {
        token: other.token,
        body: { version: b.version, items: [{ code: "chair", qty: 1 }] },
      });
      expect(stranger.status).toBe(404);
    });

    it("amend closes at 14:00 city time the day before: 13:59 changes, 14:00 is 409", async () => {
      const h = getHarness();
      const { slotA, resident } = await setup(h, 34, 10, "amend-deadline");
      const b = await book(h, resident.token, slotA);
      h.setNow("2027-05-09T05:59:00.000Z"); // 13:59 in Suzhou on 05-09
      const early = await call(h, "PATCH", `/api/v1/pickups/${b.id}`, {
        token: resident.token,
        body: { version: b.version, items: [{ code: "chair", qty: 2 }] },
      });
      expect(early.status).toBe(200);
      h.setNow("2027-05-09T06:00:00.000Z");
      const late = await call(h, "PATCH", `/api/v1/pickups/${b.id}`, {
        token: resident.token,
        body: { version: early.json.version, items: [{ code: "chair", qty: 1 }] },
      });
      expect(late.status).toBe(409);
      expect(late.json.error.details.reason).toBe("deadline_passed");
    });

    it("'not collected' is refused before the window ends, then marks the booking missed once", async () => {
      const h = getHarness();
      const { slotA, resident } = await setup(h, 35, 10, "amend-missed");
      const b = await book(h, resident.token, slotA);
      h.setNow("2027-05-10T03:59:00.000Z"); // 11:59 in Suzhou: the morning window is still open
      const early = await call(h, "POST", `/api/v1/pickups/${b.id}/missed`, { token: resident.token, body: {} });
      expect(early.status).toBe(409);
      expect(early.json.error.details.reason).toBe("too_early");
      h.setNow("2027-05-10T04:00:00.000Z");
      const missed = await call(h, "POST", `/api/v1/pickups/${b.id}/missed`, { token: resident.token, body: { note: "等到中午没人来" } });
      expect(missed.status).toBe(200);
      expect(missed.json.status).toBe("missed");
      const again = await call(h, "POST", `/api/v1/pickups/${b.id}/missed`, { token: resident.token, body: {} });
      expect(again.status).toBe(200);
      expect(again.json.version).toBe(missed.json.version);
      const other = await loginAs(h, "amend-missed-other");
      expect((await call(h, "POST", `/api/v1/pickups/${b.id}/missed`, { token: other.token, body: {} })).status).toBe(404);
    });

    it("a booking not yet completed cannot be rated, and a rating outside 1..5 is refused", async () => {
      const h = getHarness();
      const { slotA, resident } = await setup(h, 36, 10, "amend-rate");
      const b = await book(h, resident.token, slotA);
      const early = await call(h, "POST", `/api/v1/pickups/${b.id}/rate`, { token: resident.token, body: { rating: 5 } });
      expect(early.status).toBe(409);
      expect(early.json.error.details.reason).toBe("illegal_transition");
      const six = await call(h, "POST", `/api/v1/pickups/${b.id}/rate`, { token: resident.token, body: { rating: 6 } });
      expect(six.status).toBe(422);
    });
  });
}

import { describe, expect, it } from "vitest";
import { addBinRoom, checksFor, createCommunity, insertSortingChecks, LOUFENG, registerHouseholds, SHISHAN } from "./community-fixtures";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";

/*
 * 星级小区 on both hosts: a month's figures counted from registered households and volunteers' checks, the
 * bureau's inspection, one publication per month (also in parallel), the public ranking and pages, a
 * household's registration, retired communities and stale admin edits.
 */
export function registerCommunitiesContract(getHarness: GetHarness) {
  describe("星级小区 communities", () => {
    async function monthWithFigures() {
      const h = getHarness();
      h.setNow("2026-10-05T02:00:00Z");
      const admin = await loginAs(h, "stars-admin", "admin");
      const volunteer = await loginAs(h, "stars-volunteer", "volunteer");
      const a = await createCommunity(h, admin.token, "狮山花园");
      const b = await createCommunity(h, admin.token, "娄葑新村", LOUFENG);
      const room = await addBinRoom(h, admin.token, a.id);
      const roomB = await addBinRoom(h, admin.token, b.id);
      const households = await registerHouseholds(h, a.id, "stars-a", 4);
      const householdsB = await registerHouseholds(h, b.id, "stars-b", 2);
      const outsider = await loginAs(h, "stars-outsider");
      const at = { volunteerId: volunteer.user.id, binRoomId: room.id, communityId: a.id };
      await insertSortingChecks(h, [
        // 3 of 4 households checked, 4 of 5 checks correct; an unregistered household's check counts for accuracy only.
        ...checksFor("2026-10", at, [
          { accountId: households[0]!, correct: true },
          { accountId: households[0]!, correct: false },
          { accountId: households[1]!, correct: true },
          { accountId: households[2]!, correct: true },
        ]),
        ...checksFor("2026-10", at, [{ accountId: outsider.user.id, correct: true }]),
        // Another month does not count.
        ...checksFor("2026-09", at, [{ accountId: households[3]!, correct: true }]),
        ...checksFor("2026-10", { ...at, binRoomId: roomB.id, communityId: b.id }, [{ accountId: householdsB[0]!, correct: true }]),
      ]);
      return { h, admin, a, b, households, room };
    }

    it("counts the month from registrations and checks, rates it once inspected, and says why not before", async () => {
      const { h, admin, a, b } = await monthWithFigures();
      const before = await call(h, "GET", "/api/v1/admin/communities/months/2026-10", { token: admin.token });
      expect(before.status).toBe(200);
      expect(before.json.ended).toBe(false);
      const rowA = before.json.rows.find((r: { communityId: string }) => r.communityId === a.id);
      expect(rowA).toMatchObject({ households: 4, checkedHouseholds: 3, checks: 5, correctChecks: 4, participation: 0.75, accuracy: 0.8 });
      expect(rowA).toMatchObject({ inspection: null, stars: null, unratable: "no_inspection" });

      const put = await call(h, "PUT", `/api/v1/admin/communities/${a.id}/inspections/2026-10`, {
        token: admin.token,
        body: { score: 90, note: "桶站整洁" },
      });
      expect(put.status).toBe(200);
      await call(h, "PUT", `/api/v1/admin/communities/${b.id}/inspections/2026-10`, { token: admin.token, body: { score: 60 } });
      const after = await call(h, "GET", "/api/v1/admin/communities/months/2026-10", { token: admin.token });
      // 30 × 0.75 + 30 × 0.8 + 40 × 0.9 = 22.5 + 24 + 36 = 82.5 → 4 stars
      expect(after.json.rows[0]).toMatchObject({ communityId: a.id, score: 82.5, stars: 4, unratable: null });
    });

    it("publishes a month once, only after it ended, even when admins publish in parallel; inspections are then refused", async () => {
      const { h, admin, a, b } = await monthWithFigures();
      await call(h, "PUT", `/api/v1/admin/communities/${a.id}/inspections/2026-10`, { token: admin.token, body: { score: 90 } });
      const early = await call(h, "POST", "/api/v1/admin/communities/months/2026-10/publish", { token: admin.token });
      expect(early.status).toBe(409);
      expect(early.json.error.details.reason).toBe("month_not_ended");

      h.setNow("2026-11-02T02:00:00Z");
      const results = await Promise.all(
        Array.from({ length: 6 }, () => call(h, "POST", "/api/v1/admin/communities/months/2026-10/publish", { token: admin.token })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      const published = results.find((r) => r.status === 200)!.json;
      expect(published.publishedAt).toBeTruthy();
      expect(published.rows).toHaveLength(2);

      const late = await call(h, "PUT", `/api/v1/admin/communities/${b.id}/inspections/2026-10`, {
        token: admin.token,
        body: { score: 100 },
      });
      expect(late.status).toBe(409);
      expect(late.json.error.details.reason).toBe("month_published");

      // Frozen: a check synced afterwards changes nothing published.
      const draft = await call(h, "GET", "/api/v1/admin/communities/months/2026-10", { token: admin.token });
      expect(draft.json.rows).toEqual(published.rows);

      const ranking = await call(h, "GET", "/api/v1/communities/ranking");
      expect(ranking.status).toBe(200);
      expect(ranking.json.month).toBe("2026-10");
      expect(ranking.json.entries.map((e: { communityId: string }) => e.communityId)).toEqual([a.id]);
      expect(ranking.json.entries[0]).toMatchObject({ rank: 1, stars: 4, score: 82.5 });

      const detail = await call(h, "GET", `/api/v1/communities/${a.id}`);
      expect(detail.json.trend).toEqual([expect.objectContaining({ month: "2026-10", stars: 4 })]);
      expect(detail.json.binRooms).toEqual([expect.objectContaining({ name: "1号投放点" })]);
      expect(JSON.stringify(detail.json)).not.toMatch(/stars-a|openid|accountId/);
      const list = await call(h, "GET", `/api/v1/communities?street=${encodeURIComponent("狮山街道")}`);
      expect(list.json.communities).toEqual([
        expect.objectContaining({ id: a.id, latestStars: { month: "2026-10", stars: 4, score: 82.5 } }),
      ]);
    });

    it("ranks by score, then by name on a tie, and filters by district and street", async () => {
      const h = getHarness();
      h.setNow("2026-10-05T02:00:00Z");
      const admin = await loginAs(h, "rank-admin", "admin");
      const names = ["乙小区", "甲小区", "丙小区"];
      const ids: string[] = [];
      for (const name of names) {
        const c = await createCommunity(h, admin.token, name);
        await registerHouseholds(h, c.id, `rank-${ids.length}`, 1);
        ids.push(c.id);
      }
      const other = await createCommunity(h, admin.token, "园区小区", LOUFENG);
      await registerHouseholds(h, other.id, "rank-o", 1);
      const scores = [80, 80, 100, 50];
      for (const [i, id] of [...ids, other.id].entries())
        await call(h, "PUT", `/api/v1/admin/communities/${id}/inspections/2026-10`, { token: admin.token, body: { score: scores[i] } });
      h.setNow("2026-11-02T02:00:00Z");
      expect((await call(h, "POST", "/api/v1/admin/communities/months/2026-10/publish", { token: admin.token })).status).toBe(200);
      const all = await call(h, "GET", "/api/v1/communities/ranking?month=2026-10");
      const sorted = [...names].sort();
      expect(all.json.entries.map((e: { name: string }) => e.name)).toEqual([
        "丙小区",
        ...sorted.filter((n) => n !== "丙小区"),
        "园区小区",
      ]);
      expect(all.json.entries.map((e: { rank: number }) => e.rank)).toEqual([1, 2, 2, 4]);
      const street = await call(h, "GET", `/api/v1/communities/ranking?month=2026-10&street=${encodeURIComponent(SHISHAN.street)}`);
      expect(street.json.entries).toHaveLength(3);
      const district = await call(h, "GET", `/api/v1/communities/ranking?month=2026-10&district=${encodeURIComponent(LOUFENG.district)}`);
      expect(district.json.entries.map((e: { name: string }) => e.name)).toEqual(["园区小区"]);
      const unpublished = await call(h, "GET", "/api/v1/communities/ranking?month=2026-09");
      expect(unpublished.status).toBe(404);
    });

    it("registers a household, allows one change per 30 days, and shows its community's stars", async () => {
      const h = getHarness();
      h.setNow("2026-10-05T02:00:00Z");
      const admin = await loginAs(h, "reg-admin", "admin");
      const a = await createCommunity(h, admin.token, "狮山花园");
      const b = await createCommunity(h, admin.token, "娄葑新村", LOUFENG);
      const me = await loginAs(h, "reg-resident");
      const none = await call(h, "GET", "/api/v1/communities/mine", { token: me.token });
      expect(none.json).toEqual({ community: null, joinedAt: null, nextChangeAt: null });
      const first = await call(h, "PUT", "/api/v1/communities/mine", { token: me.token, body: { communityId: a.id } });
      expect(first.status).toBe(200);
      expect(first.json.community.id).toBe(a.id);
      expect(first.headers.get("cache-control")).toContain("no-store");
      const again = await call(h, "PUT", "/api/v1/communities/mine", { token: me.token, body: { communityId: a.id } });
      expect(again.status).toBe(200);
      const tooSoon = await call(h, "PUT", "/api/v1/communities/mine", { token: me.token, body: { communityId: b.id } });
      expect(tooSoon.status).toBe(409);
      expect(tooSoon.json.error.details).toMatchObject({ reason: "change_too_soon", nextChangeAt: "2026-11-04T02:00:00.000Z" });
      h.setNow("2026-11-04T02:00:00Z");
      const later = await loginAs(h, "reg-resident");
      const moved = await call(h, "PUT", "/api/v1/communities/mine", { token: later.token, body: { communityId: b.id } });
      expect(moved.status).toBe(200);
      expect(moved.json.community.id).toBe(b.id);
      const missing = await call(h, "PUT", "/api/v1/communities/mine", {
        token: later.token,
        body: { communityId: "0190f0f0-0000-7000-8000-000000000000" },
      });
      expect(missing.status).toBe(404);
    });

    it("answers 404 for a retired community; two admins on one version: one wins, the other gets 409 stale", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "ret-admin", "admin");
      const other = await loginAs(h, "ret-admin-2", "admin");
      const a = await createCommunity(h, admin.token, "狮山花园");
      const [r1, r2] = await Promise.all([
        call(h, "PATCH", `/api/v1/admin/communities/${a.id}`, { token: admin.token, body: { version: 1, name: "狮山花园一期" } }),
        call(h, "PATCH", `/api/v1/admin/communities/${a.id}`, { token: other.token, body: { version: 1, name: "狮山花园二期" } }),
      ]);
      expect([r1.status, r2.status].sort()).toEqual([200, 409]);
      const loser = r1.status === 409 ? r1 : r2;
      expect(loser.json.error.details.reason).toBe("stale_version");
      const stale = await call(h, "POST", `/api/v1/admin/communities/${a.id}/retire`, { token: admin.token, body: { version: 1 } });
      expect(stale.status).toBe(409);
      const retired = await call(h, "POST", `/api/v1/admin/communities/${a.id}/retire`, { token: admin.token, body: { version: 2 } });
      expect(retired.status).toBe(200);
      expect(retired.json.active).toBe(false);
      expect((await call(h, "GET", `/api/v1/communities/${a.id}`)).status).toBe(404);
      expect((await call(h, "GET", "/api/v1/communities")).json.communities).toEqual([]);
      const me = await loginAs(h, "ret-resident");
      expect((await call(h, "PUT", "/api/v1/communities/mine", { token: me.token, body: { communityId: a.id } })).status).toBe(404);
      expect((await call(h, "GET", `/api/v1/admin/communities/${a.id}`, { token: admin.token })).json.active).toBe(false);
    });

    it("gives bin rooms a printable code and QR path, and assigns only volunteers", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "room-admin", "admin");
      const volunteer = await loginAs(h, "room-volunteer", "volunteer");
      const resident = await loginAs(h, "room-resident");
      const a = await createCommunity(h, admin.token, "狮山花园");
      const room = await addBinRoom(h, admin.token, a.id, "3幢东侧投放点");
      expect(room.code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
      expect(room.qrPath).toBe(`packages/volunteer/check/index?room=${room.code}`);
      const renamed = await call(h, "PATCH", `/api/v1/admin/bin-rooms/${room.id}`, { token: admin.token, body: { name: "3幢投放点" } });
      expect(renamed.json).toMatchObject({ name: "3幢投放点", code: room.code });
      const notVolunteer = await call(h, "PUT", `/api/v1/admin/communities/${a.id}/volunteers/${resident.user.id}`, { token: admin.token });
      expect(notVolunteer.status).toBe(422);
      const assigned = await call(h, "PUT", `/api/v1/admin/communities/${a.id}/volunteers/${volunteer.user.id}`, { token: admin.token });
      expect(assigned.json.volunteers.map((v: { id: string }) => v.id)).toEqual([volunteer.user.id]);
      const unassigned = await call(h, "DELETE", `/api/v1/admin/communities/${a.id}/volunteers/${volunteer.user.id}`, {
        token: admin.token,
      });
      expect(unassigned.json.volunteers).toEqual([]);
      const retired = await call(h, "POST", `/api/v1/admin/bin-rooms/${room.id}/retire`, { token: admin.token });
      expect(retired.json.active).toBe(false);
      expect((await call(h, "GET", `/api/v1/communities/${a.id}`)).json.binRooms).toEqual([]);
      const badPlace = await call(h, "POST", "/api/v1/admin/communities", {
        token: admin.token,
        body: { name: "错位小区", district: "虎丘区", street: "娄葑街道", lat: 31.3, lng: 120.6 },
      });
      expect(badPlace.status).toBe(422);
      expectEnvelope(badPlace, "validation_failed");
    });
  });
}

import {
  binRooms,
  communities,
  communityMembers,
  outbox,
  pointsCaps,
  pointsEntries,
  pointsFlags,
  volunteerCommunities,
} from "@civic/api/db/schema";
import { issueResidentCode } from "@civic/api/points/resident-code";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type ContractHarness, call, expectEnvelope, type GetHarness, loginAs, type Session } from "./harness";

/*
 * 小蜜蜂 volunteers' sorting checks: offline batches synced once per check however often they arrive, the
 * household's award within caps, refusals per check (self, expired code, unknown room, time), anomaly flags,
 * the repeated-errors notice and the day's tally. Communities, bin rooms and households have no routes in
 * this branch yet: they are written through the app's deps (withDeps).
 */

const NOW = "2026-12-01T02:00:00.000Z"; // 10:00 in Suzhou
const BATCH = "/api/v1/volunteer/checks/batch";

let seq = 0;
const uuid = () => {
  seq++;
  const hex = (seq + Math.floor(Math.random() * 1e9) * 1000).toString(16).padStart(12, "0").slice(-12);
  return `${crypto.randomUUID().slice(0, 24)}${hex}`;
};

interface World {
  volunteer: Session;
  other: Session;
  resident: Session;
  stranger: Session;
  rooms: { mine: string; other: string; retired: string };
}

async function world(h: ContractHarness, tag: string): Promise<World> {
  h.setNow(NOW);
  const volunteer = await loginAs(h, `vol-${tag}`, "volunteer");
  const other = await loginAs(h, `vol2-${tag}`, "volunteer");
  const resident = await loginAs(h, `res-${tag}`);
  const stranger = await loginAs(h, `res2-${tag}`);
  const rooms = { mine: `room-a-${tag}`, other: `room-b-${tag}`, retired: `room-c-${tag}` };
  await h.withDeps(async ({ db }) => {
    await db.insert(communities).values([
      { id: `c1-${tag}`, name: "桐泾新村", district: "姑苏区", street: "双塔街道", lat: 31.29, lng: 120.6, createdAt: NOW },
      { id: `c2-${tag}`, name: "南环新村", district: "姑苏区", street: "吴门桥街道", lat: 31.28, lng: 120.62, createdAt: NOW },
    ]);
    await db.insert(binRooms).values([
      { id: `r1-${tag}`, communityId: `c1-${tag}`, name: "1号投放点", code: rooms.mine, createdAt: NOW },
      { id: `r2-${tag}`, communityId: `c2-${tag}`, name: "南门投放点", code: rooms.other, createdAt: NOW },
      { id: `r3-${tag}`, communityId: `c1-${tag}`, name: "旧投放点", code: rooms.retired, active: false, createdAt: NOW },
    ]);
    await db.insert(volunteerCommunities).values([
      { volunteerId: volunteer.user.id, communityId: `c1-${tag}`, assignedAt: NOW },
      { volunteerId: other.user.id, communityId: `c1-${tag}`, assignedAt: NOW },
    ]);
    await db.insert(communityMembers).values([
      { accountId: resident.user.id, communityId: `c1-${tag}`, joinedAt: NOW },
      { accountId: stranger.user.id, communityId: `c1-${tag}`, joinedAt: NOW },
      { accountId: volunteer.user.id, communityId: `c1-${tag}`, joinedAt: NOW },
    ]);
  });
  return { volunteer, other, resident, stranger, rooms };
}

const codeOf = (h: ContractHarness, accountId: string) => h.withDeps(async (deps) => (await issueResidentCode(deps, accountId)).code);

const check = (room: string, code: string, over: Record<string, unknown> = {}) => ({
  id: uuid(),
  binRoomCode: room,
  code,
  correct: true,
  errors: [],
  checkedAt: NOW,
  ...over,
});

const entriesOf = (h: ContractHarness, accountId: string) =>
  h.withDeps(({ db }) =>
    db
      .select()
      .from(pointsEntries)
      .where(and(eq(pointsEntries.accountId, accountId), like(pointsEntries.sourceKey, "check:%"))),
  );

export function registerVolunteerContract(getHarness: GetHarness) {
  describe("volunteer sorting checks", () => {
    it("lists the volunteer's bin rooms and opens one by its QR code; unknown or retired codes are 404", async () => {
      const h = getHarness();
      const w = await world(h, "rooms");
      const list = await call(h, "GET", "/api/v1/volunteer/bin-rooms", { token: w.volunteer.token });
      expect(list.status).toBe(200);
      expect(list.json.rooms.map((r: { code: string }) => r.code)).toEqual([w.rooms.mine]);
      const mine = await call(h, "GET", `/api/v1/volunteer/bin-rooms/by-code/${w.rooms.mine}`, { token: w.volunteer.token });
      expect(mine.json).toMatchObject({ name: "1号投放点", communityName: "桐泾新村", mine: true });
      const other = await call(h, "GET", `/api/v1/volunteer/bin-rooms/by-code/${w.rooms.other}`, { token: w.volunteer.token });
      expect(other.json.mine).toBe(false);
      for (const code of ["nope", w.rooms.retired]) {
        const res = await call(h, "GET", `/api/v1/volunteer/bin-rooms/by-code/${code}`, { token: w.volunteer.token });
        expect(res.status).toBe(404);
        expectEnvelope(res, "not_found");
      }
      for (const who of [w.resident]) {
        expect((await call(h, "GET", "/api/v1/volunteer/bin-rooms", { token: who.token })).status).toBe(403);
      }
      const collector = await loginAs(h, "col-rooms", "collector");
      expect((await call(h, "POST", BATCH, { token: collector.token, body: { checks: [] } })).status).toBe(403);
    });

    it("a correct check awards the household once; a batch synced twice and two parallel syncs give one entry per check", async () => {
      const h = getHarness();
      const w = await world(h, "once");
      const code = await codeOf(h, w.resident.user.id);
      const batch = { checks: [check(w.rooms.mine, code), check(w.rooms.mine, code, { correct: false, errors: ["bag_in_kitchen"] })] };
      const first = await call(h, "POST", BATCH, { token: w.volunteer.token, body: batch });
      expect(first.status).toBe(200);
      expect(first.json.results.map((r: { status: string }) => r.status)).toEqual(["accepted", "accepted"]);
      expect(first.json.results[0].points).toBe(2);
      expect(first.json.results[0].householdLabel).toMatch(/^住户 /);
      const again = await call(h, "POST", BATCH, { token: w.volunteer.token, body: batch });
      expect(again.json.results).toEqual(first.json.results.map((r: object) => ({ ...r, status: "duplicate" })));

      const parallel = { checks: [check(w.rooms.mine, code), check(w.rooms.mine, code)] };
      const answers = await Promise.all([1, 2, 3].map(() => call(h, "POST", BATCH, { token: w.volunteer.token, body: parallel })));
      for (const a of answers) expect(a.status).toBe(200);
      const entries = await entriesOf(h, w.resident.user.id);
      expect(entries.map((e) => e.amount).sort()).toEqual([2, 2, 2]);
      expect(new Set(entries.map((e) => e.sourceKey)).size).toBe(3);
    });

    it("applies the day's caps per household and per volunteer (an accepted check may earn 0)", async () => {
      const h = getHarness();
      const w = await world(h, "caps");
      await h.withDeps(({ db }) =>
        db
          .insert(pointsCaps)
          .values({ kind: "sorting_check", perAccountDay: 4, perActorDay: 6, updatedAt: NOW })
          .onConflictDoUpdate({
            target: pointsCaps.kind,
            set: { perAccountDay: 4, perActorDay: 6 },
          }),
      );
      const code = await codeOf(h, w.resident.user.id);
      const res = await call(h, "POST", BATCH, {
        token: w.volunteer.token,
        body: { checks: [1, 2, 3].map(() => check(w.rooms.mine, code)) },
      });
      expect(res.json.results.map((r: { points: number }) => r.points)).toEqual([2, 2, 0]);
      const code2 = await codeOf(h, w.stranger.user.id);
      const res2 = await call(h, "POST", BATCH, {
        token: w.volunteer.token,
        body: { checks: [1, 2].map(() => check(w.rooms.mine, code2)) },
      });
      expect(res2.json.results.map((r: { points: number }) => r.points)).toEqual([2, 0]);
      // Another volunteer still may award the second household.
      const res3 = await call(h, "POST", BATCH, { token: w.other.token, body: { checks: [check(w.rooms.mine, code2)] } });
      expect(res3.json.results[0]).toMatchObject({ status: "accepted", points: 2 });
    });

    it("refuses per check: own household, a code expired when checked, unknown room, too old, in the future", async () => {
      const h = getHarness();
      const w = await world(h, "refuse");
      const own = await codeOf(h, w.volunteer.user.id);
      const code = await codeOf(h, w.resident.user.id);
      const later = new Date(Date.parse(NOW) + 10 * 60 * 1000).toISOString();
      const checks = [
        check(w.rooms.mine, own),
        check(w.rooms.mine, code, { checkedAt: later }),
        check("no-such-room", code),
        check(w.rooms.retired, code),
        check(w.rooms.mine, "civic-pts:1.forged.1.sig"),
        check(w.rooms.mine, code, { checkedAt: "2026-11-27T02:00:00.000Z" }),
        check(w.rooms.mine, code, { checkedAt: "2026-12-01T03:00:00.000Z" }),
      ];
      h.setNow(new Date(Date.parse(NOW) + 11 * 60 * 1000).toISOString());
      const res = await call(h, "POST", BATCH, { token: w.volunteer.token, body: { checks } });
      expect(res.json.results.map((r: { reason?: string }) => r.reason)).toEqual([
        "self_check",
        "code_expired",
        "unknown_room",
        "unknown_room",
        "code_invalid",
        "too_old",
        "in_future",
      ]);
      expect(await entriesOf(h, w.volunteer.user.id)).toEqual([]);
      // Recorded offline while the code was valid, synced two hours later: accepted.
      h.setNow(new Date(Date.parse(NOW) + 2 * 3600 * 1000).toISOString());
      const offline = await call(h, "POST", BATCH, {
        token: w.volunteer.token,
        body: { checks: [check(w.rooms.mine, code, { checkedAt: new Date(Date.parse(NOW) + 60 * 1000).toISOString() })] },
      });
      expect(offline.json.results[0]).toMatchObject({ status: "accepted", points: 2 });
    });

    it("flags checks outside the volunteer's communities and households registered elsewhere, and awards still", async () => {
      const h = getHarness();
      const w = await world(h, "flags");
      const code = await codeOf(h, w.resident.user.id);
      const c = check(w.rooms.other, code);
      const res = await call(h, "POST", BATCH, { token: w.volunteer.token, body: { checks: [c] } });
      expect(res.json.results[0]).toMatchObject({ status: "accepted", points: 2 });
      const flags = await h.withDeps(({ db }) =>
        db
          .select()
          .from(pointsFlags)
          .where(eq(pointsFlags.subjectKey, `check:${c.id}`)),
      );
      expect(flags.map((f) => f.kind).sort()).toEqual(["household_not_in_community", "outside_volunteer_communities"]);
    });

    it("flags many awards to one household by one volunteer in a month", async () => {
      const h = getHarness();
      const w = await world(h, "many");
      const code = await codeOf(h, w.resident.user.id);
      const times = Array.from({ length: 9 }, (_, i) => new Date(Date.parse(NOW) + i * 20 * 1000).toISOString());
      h.setNow(times[8] as string);
      await call(h, "POST", BATCH, {
        token: w.volunteer.token,
        body: { checks: times.map((t) => check(w.rooms.mine, code, { checkedAt: t })) },
      });
      const flags = await h.withDeps(({ db }) => db.select().from(pointsFlags).where(eq(pointsFlags.kind, "many_awards_one_household")));
      expect(flags.filter((f) => f.accountId === w.resident.user.id)).toHaveLength(1);
    });

    it("sends one friendly notice after the third incorrect check, not another within a week, and takes no points", async () => {
      const h = getHarness();
      const w = await world(h, "notice");
      const code = await codeOf(h, w.resident.user.id);
      const wrong = () => check(w.rooms.mine, code, { correct: false, errors: ["kitchen_in_other", "bag_in_kitchen"] });
      await call(h, "POST", BATCH, { token: w.volunteer.token, body: { checks: [wrong(), wrong()] } });
      const notices = () =>
        h.withDeps(({ db }) =>
          db
            .select()
            .from(outbox)
            .where(and(eq(outbox.userId, w.resident.user.id), eq(outbox.subjectType, "sorting_advice"))),
        );
      expect(await notices()).toHaveLength(0);
      await call(h, "POST", BATCH, { token: w.volunteer.token, body: { checks: [wrong(), wrong()] } });
      const sent = await notices();
      expect(sent).toHaveLength(1);
      const payload = JSON.parse(sent[0]?.payload ?? "{}");
      expect(payload.body).toContain("厨余混入其他");
      expect(payload.body).toContain("破袋");
      expect(await entriesOf(h, w.resident.user.id)).toEqual([]);
    });

    it("tallies the volunteer's city day", async () => {
      const h = getHarness();
      const w = await world(h, "tally");
      const code = await codeOf(h, w.resident.user.id);
      await call(h, "POST", BATCH, {
        token: w.volunteer.token,
        body: {
          checks: [
            check(w.rooms.mine, code),
            check(w.rooms.other, code, { correct: false, errors: ["hazardous_mixed"] }),
            check(w.rooms.mine, code, { checkedAt: "2026-11-30T02:00:00.000Z" }),
          ],
        },
      });
      const t = await call(h, "GET", "/api/v1/volunteer/today", { token: w.volunteer.token });
      expect(t.status).toBe(200);
      expect(t.json).toMatchObject({ date: "2026-12-01", checks: 2, correct: 1, errors: { hazardous_mixed: 1 }, points: 2 });
      expect(t.json.rooms).toHaveLength(2);
      const none = await call(h, "GET", "/api/v1/volunteer/today", { token: w.other.token });
      expect(none.json).toMatchObject({ checks: 0, points: 0, rooms: [] });
    });

    it("answers bad batches with 422 and writes nothing", async () => {
      const h = getHarness();
      const w = await world(h, "garbage");
      const code = await codeOf(h, w.resident.user.id);
      const c = check(w.rooms.mine, code);
      const bad = [
        { checks: Array.from({ length: 101 }, () => check(w.rooms.mine, code)) },
        { checks: [{ ...c, errors: ["bag_in_kitchen"] }] },
        { checks: [{ ...c, correct: false }] },
        { checks: [{ ...c, id: "not-a-uuid" }] },
        { checks: [c, c] },
        { checks: [{ ...c, binRoomId: "x" }] },
        { checks: [{ ...c, errors: ["nonsense"], correct: false }] },
        { checks: [{ ...c, checkedAt: "yesterday" }] },
        { checks: "all" },
        {},
      ];
      for (const body of bad) {
        const res = await call(h, "POST", BATCH, { token: w.volunteer.token, body });
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
        expectEnvelope(res, "validation_failed");
      }
      expect(await entriesOf(h, w.resident.user.id)).toEqual([]);
      const photo = await call(h, "POST", BATCH, { token: w.volunteer.token, body: { checks: [{ ...c, photoId: "someone-elses" }] } });
      expect(photo.json.results[0]).toMatchObject({ status: "conflict", reason: "bad_photo" });
    });
  });
}

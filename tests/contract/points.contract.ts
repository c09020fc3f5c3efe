import { describe, expect, it } from "vitest";
import { type ContractHarness, call, expectEnvelope, type GetHarness, loginAs, type Session } from "./harness";
import { acceptedJob, complete, ON_THE_DAY } from "./pickup-day.contract";
import { uploadPhoto } from "./report-fixtures";

/*
 * Recycling points: the resident's balance, history and code; collectors' weigh-ins (idempotent, capped,
 * never to themselves, recording the rate version); pickups credited once; expiry once; flags; corrections.
 */

const T0 = "2028-03-01T02:00:00.000Z"; // 10:00 Suzhou

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
let seq = 0x7000;
const nextUuid = () => uuid(seq++);

async function codeOf(h: ContractHarness, s: Session): Promise<string> {
  const res = await call(h, "GET", "/api/v1/points/me/code", { token: s.token });
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return res.json.code;
}

const weigh = (h: ContractHarness, collector: Session, code: string, lines: unknown, weighInId = nextUuid()) =>
  call(h, "POST", "/api/v1/points/weigh-ins", {
    token: collector.token,
    body: { weighInId, code, lines, where: "drop_off", pointName: "平江路回收点" },
  });

async function history(h: ContractHarness, s: Session) {
  const res = await call(h, "GET", "/api/v1/points/me/history", { token: s.token });
  expect(res.status).toBe(200);
  return res.json.items as { id: string; amount: number; kind: string; rule: string; reason: string }[];
}

const balance = async (h: ContractHarness, s: Session) =>
  (await call(h, "GET", "/api/v1/points/me", { token: s.token })).json.balance as number;

export function registerPointsContract(getHarness: GetHarness) {
  describe("points", () => {
    it("a weigh-in credits the household once; balance, history and the collector's list agree; replays answer the first", async () => {
      const h = getHarness();
      h.setNow(T0);
      const resident = await loginAs(h, "pts-res-1");
      const collector = await loginAs(h, "pts-col-1", "collector");
      const empty = await call(h, "GET", "/api/v1/points/me", { token: resident.token });
      expect(empty.json).toMatchObject({ balance: 0, expiringSoon: 0, counts: { entries: 0 } });
      const code = await codeOf(h, resident);
      const id = nextUuid();
      const first = await weigh(
        h,
        collector,
        code,
        [
          { class: "paper", kg: 3.2 },
          { class: "metal", kg: 1 },
        ],
        id,
      );
      expect(first.status).toBe(201);
      const expected = first.json.lines.reduce(
        (s: number, l: { kg: number; pointsPerKg: number }) => s + Math.round(l.kg * l.pointsPerKg),
        0,
      );
      expect(first.json.points).toBe(expected);
      expect(first.json.householdLabel).toMatch(/^住户 /);
      expect(JSON.stringify(first.json)).not.toContain(resident.user.id);
      const again = await weigh(h, collector, code, [{ class: "paper", kg: 99 }], id);
      expect(again.status).toBe(201);
      expect(again.json).toEqual(first.json);
      expect(await balance(h, resident)).toBe(expected);
      const items = await history(h, resident);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ amount: expected, kind: "weigh_in" });
      expect(items[0]?.rule).toMatch(/版费率|默认费率/);
      const mine = await call(h, "GET", "/api/v1/points/weigh-ins/mine", { token: collector.token });
      expect(mine.json.items.map((w: { id: string }) => w.id)).toEqual([id]);
      // Another collector may not reuse the id.
      const other = await loginAs(h, "pts-col-1b", "collector");
      const taken = await weigh(h, other, code, [{ class: "paper", kg: 1 }], id);
      expect(taken.status).toBe(409);
      expect(taken.json.error.details.reason).toBe("id_taken");
      // Another resident sees none of it.
      const stranger = await loginAs(h, "pts-res-1b");
      expect(await history(h, stranger)).toEqual([]);
    });

    it("10 identical weigh-ins at once → one entry", async () => {
      const h = getHarness();
      h.setNow(T0);
      const resident = await loginAs(h, "pts-res-par");
      const collector = await loginAs(h, "pts-col-par", "collector");
      const code = await codeOf(h, resident);
      const id = nextUuid();
      const all = await Promise.all(Array.from({ length: 10 }, () => weigh(h, collector, code, [{ class: "plastic", kg: 2 }], id)));
      expect(all.map((r) => r.status)).toEqual(Array(10).fill(201));
      expect(new Set(all.map((r) => JSON.stringify(r.json))).size).toBe(1);
      expect(await history(h, resident)).toHaveLength(1);
    });

    it("codes: an expired one is 409 code_expired, a forged one 422; a collector cannot credit their own household", async () => {
      const h = getHarness();
      h.setNow(T0);
      const resident = await loginAs(h, "pts-res-exp");
      const collector = await loginAs(h, "pts-col-exp", "collector");
      const code = await codeOf(h, resident);
      h.setNow("2028-03-01T02:30:00.000Z");
      const expired = await weigh(h, collector, code, [{ class: "glass", kg: 1 }]);
      expect(expired.status).toBe(409);
      expect(expired.json.error.details.reason).toBe("code_expired");
      const forged = await weigh(h, collector, `${code.slice(0, -3)}abc`, [{ class: "glass", kg: 1 }]);
      expect(forged.status).toBe(422);
      expectEnvelope(forged, "validation_failed");
      const own = await weigh(h, collector, await codeOf(h, collector), [{ class: "glass", kg: 1 }]);
      expect(own.status).toBe(409);
      expect(own.json.error.details.reason).toBe("self_award");
      const bad = await weigh(h, collector, await codeOf(h, resident), [{ class: "paper", kg: 1000 }]);
      expect(bad.status).toBe(422);
      expect(await balance(h, resident)).toBe(0);
    });

    it("rates are versioned and recorded on entries; caps cut an award", async () => {
      const h = getHarness();
      h.setNow("2028-04-01T02:00:00.000Z");
      const admin = await loginAs(h, "pts-admin", "admin");
      const resident = await loginAs(h, "pts-res-rate");
      const collector = await loginAs(h, "pts-col-rate", "collector");
      const before = (await call(h, "GET", "/api/v1/admin/points/rates", { token: admin.token })).json;
      const rates = before.rates.map((r: { class: string; pointsPerKg: number }) => ({
        ...r,
        pointsPerKg: r.class === "paper" ? 7 : r.pointsPerKg,
      }));
      const put = await call(h, "PUT", "/api/v1/admin/points/rates", { token: admin.token, body: { rates } });
      expect(put.status).toBe(200);
      expect(put.json.version).toBe(before.version + 1);
      const w = await weigh(h, collector, await codeOf(h, resident), [{ class: "paper", kg: 2 }]);
      expect(w.json.lines[0]).toMatchObject({ pointsPerKg: 7, rateVersion: put.json.version, points: 14 });
      expect((await history(h, resident))[0]?.rule).toContain(`第${put.json.version}版费率`);
      const put2 = await call(h, "PUT", "/api/v1/admin/points/rates", { token: admin.token, body: { rates: before.rates } });
      expect(put2.json.version).toBe(put.json.version + 1);
      expect(put2.json.history.map((x: { version: number }) => x.version)).toContain(put.json.version);
      const partial = await call(h, "PUT", "/api/v1/admin/points/rates", { token: admin.token, body: { rates: rates.slice(1) } });
      expect(partial.status).toBe(422);

      const caps = (await call(h, "GET", "/api/v1/admin/points/caps", { token: admin.token })).json.caps;
      const weighCap = caps.find((c: { kind: string }) => c.kind === "weigh_in");
      const set = await call(h, "PUT", "/api/v1/admin/points/caps", {
        token: admin.token,
        body: { caps: [{ kind: "weigh_in", perAccountDay: 20, perActorDay: null }] },
      });
      expect(set.status).toBe(200);
      const capped = await weigh(h, collector, await codeOf(h, resident), [{ class: "metal", kg: 20 }]);
      expect(capped.json.ratedPoints).toBeGreaterThan(6);
      expect(capped.json.points).toBe(6); // 14 earned today already, cap 20
      expect(await balance(h, resident)).toBe(20);
      await call(h, "PUT", "/api/v1/admin/points/caps", { token: admin.token, body: { caps: [weighCap] } });
    });

    it("a heavy line is flagged; two reviews at once: one wins, the other 409", async () => {
      const h = getHarness();
      h.setNow("2028-05-01T02:00:00.000Z");
      const admin = await loginAs(h, "pts-admin", "admin");
      const admin2 = await loginAs(h, "pts-admin-2", "admin");
      const resident = await loginAs(h, "pts-res-flag");
      const collector = await loginAs(h, "pts-col-flag", "collector");
      const w = await weigh(h, collector, await codeOf(h, resident), [{ class: "paper", kg: 80 }]);
      expect(w.status).toBe(201);
      const flags = (await call(h, "GET", "/api/v1/admin/points/flags?status=open", { token: admin.token })).json.items;
      const flag = flags.find((f: { subjectKey: string }) => f.subjectKey === `weigh:${w.json.id}`);
      expect(flag).toMatchObject({ kind: "weight_above_usual", householdLabel: w.json.householdLabel, accountId: resident.user.id });
      const [a, b] = await Promise.all([
        call(h, "POST", `/api/v1/admin/points/flags/${flag.id}/review`, { token: admin.token, body: { decision: "dismiss" } }),
        call(h, "POST", `/api/v1/admin/points/flags/${flag.id}/review`, { token: admin2.token, body: { decision: "confirm" } }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const missing = await call(h, "POST", "/api/v1/admin/points/flags/nope/review", {
        token: admin.token,
        body: { decision: "dismiss" },
      });
      expect(missing.status).toBe(404);
    });

    it("a completed pickup's recyclables are credited once, however often the job runs", async () => {
      const h = getHarness();
      const { resident, collector, id } = await acceptedJob(h, 70, "pts-pickup");
      const photo = await uploadPhoto(h, collector.token);
      h.setNow(ON_THE_DAY);
      expect((await call(h, "POST", `/api/v1/collector/jobs/${id}/arrive`, { token: collector.token })).status).toBe(200);
      expect((await complete(h, collector, id, photo)).status).toBe(200);
      await Promise.all([h.runJob("points-pickup-credit"), h.runJob("points-pickup-credit"), h.runJob("points-pickup-credit")]);
      const items = (await history(h, resident)).filter((e) => e.kind === "pickup_weigh");
      expect(items).toHaveLength(2); // furniture and appliance
      expect(items.every((e) => e.amount > 0)).toBe(true);
      expect(await balance(h, resident)).toBe(items.reduce((s, e) => s + e.amount, 0));
    });

    it("expiry: earnings older than the expiry months go once; a correction of spent points is refused", async () => {
      const h = getHarness();
      h.setNow("2028-06-01T02:00:00.000Z");
      let admin = await loginAs(h, "pts-admin", "admin");
      let resident = await loginAs(h, "pts-res-old");
      let collector = await loginAs(h, "pts-col-old", "collector");
      const w = await weigh(h, collector, await codeOf(h, resident), [{ class: "paper", kg: 5 }]);
      const earned = w.json.points as number;
      expect(earned).toBeGreaterThan(0);
      const entryId = (await history(h, resident))[0]?.id;
      // 23 months later: nothing yet, but shown as expiring soon.
      h.setNow("2030-05-10T02:00:00.000Z");
      // Sessions do not last years: sign in again at each moved clock.
      resident = await loginAs(h, "pts-res-old");
      expect((await call(h, "GET", "/api/v1/points/me", { token: resident.token })).json.expiringSoon).toBe(earned);
      // 25 months later: gone, once.
      h.setNow("2030-07-02T02:00:00.000Z");
      resident = await loginAs(h, "pts-res-old");
      admin = await loginAs(h, "pts-admin", "admin");
      collector = await loginAs(h, "pts-col-old", "collector");
      await Promise.all([h.runJob("points-expiry"), h.runJob("points-expiry")]);
      await h.runJob("points-expiry");
      const items = await history(h, resident);
      expect(items.filter((e) => e.kind === "expiry").map((e) => e.amount)).toEqual([-earned]);
      expect(await balance(h, resident)).toBe(0);
      const refused = await call(h, "POST", `/api/v1/admin/points/entries/${entryId}/reverse`, {
        token: admin.token,
        body: { reason: "称重错误" },
      });
      expect(refused.status).toBe(409);
      expect(refused.json.error.details.reason).toBe("points_spent");
      // A fresh earning can be reversed, once.
      const w2 = await weigh(h, collector, await codeOf(h, resident), [{ class: "paper", kg: 1 }]);
      const fresh = (await history(h, resident)).find((e) => e.kind === "weigh_in" && e.amount === w2.json.points && e.id !== entryId);
      const ok = await call(h, "POST", `/api/v1/admin/points/entries/${fresh?.id}/reverse`, {
        token: admin.token,
        body: { reason: "重复称重" },
      });
      expect(ok.status).toBe(201);
      expect(ok.json).toMatchObject({ kind: "reversal", amount: -w2.json.points, reversesId: fresh?.id });
      const twice = await call(h, "POST", `/api/v1/admin/points/entries/${fresh?.id}/reverse`, {
        token: admin.token,
        body: { reason: "重复称重" },
      });
      expect(twice.json.error.details.reason).toBe("already_reversed");
      expect(await balance(h, resident)).toBe(0);
    });

    it("history pages with a cursor, newest first, without repeats", async () => {
      const h = getHarness();
      h.setNow("2028-07-01T01:59:00.000Z");
      const resident = await loginAs(h, "pts-res-pages");
      const collector = await loginAs(h, "pts-col-pages", "collector");
      const code = await codeOf(h, resident);
      for (let i = 0; i < 21; i++) {
        h.setNow(new Date(Date.parse("2028-07-01T02:00:00.000Z") + i * 1000).toISOString());
        expect((await weigh(h, collector, code, [{ class: "glass", kg: 1 }])).status).toBe(201);
      }
      const p1 = await call(h, "GET", "/api/v1/points/me/history", { token: resident.token });
      expect(p1.json.items).toHaveLength(20);
      const p2 = await call(h, "GET", `/api/v1/points/me/history?cursor=${p1.json.nextCursor}`, { token: resident.token });
      expect(p2.json.items).toHaveLength(1);
      expect(p2.json.nextCursor).toBeNull();
      expect(new Set([...p1.json.items, ...p2.json.items].map((e: { id: string }) => e.id)).size).toBe(21);
      expect((await call(h, "GET", "/api/v1/points/me/history?cursor=garbage", { token: resident.token })).status).toBe(400);
    });
  });
}

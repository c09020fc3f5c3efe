import { describe, expect, it } from "vitest";
import { type ContractHarness, call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import { uploadPhoto } from "./report-fixtures";
import { balanceOf, createReward, REWARDS_NOW, redeemCall, residentWith, rewardBody } from "./reward-fixtures";

/* Rewards: redeeming (atomic: points, stock, redemption), cancelling with a refund, the pickup desk, the admin's catalogue. */

async function setup(h: ContractHarness, tag: string) {
  h.setNow(REWARDS_NOW);
  const admin = await loginAs(h, `rewards-admin-${tag}`, "admin");
  return { admin };
}

const stockLeft = async (h: ContractHarness, token: string, id: string) =>
  (await call(h, "GET", `/api/v1/rewards/${id}`, { token })).json.stockLeft as number;

export function registerRewardsContract(getHarness: GetHarness) {
  describe("rewards: redeeming", () => {
    it("20 residents redeem the last item at once: exactly one 201, 19 × 409 out_of_stock, balances add up", async () => {
      const h = getHarness();
      const { admin } = await setup(h, "race");
      const reward = await createReward(h, admin.token, { name: "最后一瓶洗衣液", price: 80, stock: 1 });
      const residents = [];
      for (let i = 0; i < 20; i++) residents.push(await residentWith(h, admin.token, `rewards-race-${i}`, 100));
      const results = await Promise.all(residents.map((r) => redeemCall(h, r.token, reward.id)));
      const created = results.filter((r) => r.status === 201);
      expect(created).toHaveLength(1);
      const refused = results.filter((r) => r.status === 409);
      expect(refused).toHaveLength(19);
      for (const r of refused) {
        expectEnvelope(r, "conflict");
        expect(r.json.error.details.reason).toBe("out_of_stock");
      }
      const balances = await Promise.all(residents.map((r) => balanceOf(h, r.token)));
      expect(balances.reduce((a, b) => a + b, 0)).toBe(20 * 100 - 80);
      expect(balances.filter((b) => b === 20)).toHaveLength(1);
      const admins = (await call(h, "GET", "/api/v1/admin/rewards", { token: admin.token })).json.rewards;
      expect(admins.find((x: { id: string }) => x.id === reward.id)).toMatchObject({ stock: 1, taken: 1, stockLeft: 0 });
      expect(created[0]?.json.pickupCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    }, 60_000);

    it("a replayed redeem (same redemptionId) answers the first result and takes the points once, also in parallel", async () => {
      const h = getHarness();
      const { admin } = await setup(h, "replay");
      const reward = await createReward(h, admin.token, { price: 30, stock: 5 });
      const me = await residentWith(h, admin.token, "rewards-replay", 100);
      const id = crypto.randomUUID();
      const [a, b] = await Promise.all([redeemCall(h, me.token, reward.id, id), redeemCall(h, me.token, reward.id, id)]);
      const c = await redeemCall(h, me.token, reward.id, id);
      for (const r of [a, b, c]) expect(r.status).toBe(201);
      expect(new Set([a.json.pickupCode, b.json.pickupCode, c.json.pickupCode]).size).toBe(1);
      expect(a.json).toMatchObject({ id, rewardId: reward.id, price: 30, status: "reserved" });
      expect(await balanceOf(h, me.token)).toBe(70);
      expect(await stockLeft(h, me.token, reward.id)).toBe(4);
      const mine = (await call(h, "GET", "/api/v1/rewards/redemptions/mine", { token: me.token })).json.redemptions;
      expect(mine).toHaveLength(1);
      // Someone else cannot take over that id.
      const other = await residentWith(h, admin.token, "rewards-replay-other", 100);
      const stolen = await redeemCall(h, other.token, reward.id, id);
      expect(stolen.status).toBe(409);
      expect(await balanceOf(h, other.token)).toBe(100);
    });

    it("insufficient points: 409 insufficient_points, nothing taken", async () => {
      const h = getHarness();
      const { admin } = await setup(h, "poor");
      const reward = await createReward(h, admin.token, { price: 200, stock: 3 });
      const me = await residentWith(h, admin.token, "rewards-poor", 150);
      const res = await redeemCall(h, me.token, reward.id);
      expect(res.status).toBe(409);
      expect(res.json.error.details.reason).toBe("insufficient_points");
      expect(await balanceOf(h, me.token)).toBe(150);
      expect(await stockLeft(h, me.token, reward.id)).toBe(3);
    });

    it("outside its dates or retired: not listed, detail 404, redeem 409 not_active; an unknown reward 404", async () => {
      const h = getHarness();
      const { admin } = await setup(h, "dates");
      const future = await createReward(h, admin.token, { name: "未开始", activeFrom: "2027-07-01" });
      const past = await createReward(h, admin.token, { name: "已结束", activeFrom: "2027-01-01", activeTo: "2027-05-31" });
      const today = await createReward(h, admin.token, { name: "今天截止", activeFrom: "2027-06-01", activeTo: "2027-06-01" });
      const me = await residentWith(h, admin.token, "rewards-dates", 500);
      const listed = (await call(h, "GET", "/api/v1/rewards", { token: me.token })).json.rewards.map((r: { id: string }) => r.id);
      expect(listed).toContain(today.id);
      expect(listed).not.toContain(future.id);
      expect(listed).not.toContain(past.id);
      for (const r of [future, past]) {
        expect((await call(h, "GET", `/api/v1/rewards/${r.id}`, { token: me.token })).status).toBe(404);
        const res = await redeemCall(h, me.token, r.id);
        expect(res.status).toBe(409);
        expect(res.json.error.details.reason).toBe("not_active");
      }
      const retire = await call(h, "PATCH", `/api/v1/admin/rewards/${today.id}`, {
        token: admin.token,
        body: { version: today.version, retired: true },
      });
      expect(retire.status).toBe(200);
      expect((await redeemCall(h, me.token, today.id)).json.error.details.reason).toBe("not_active");
      expect((await redeemCall(h, me.token, crypto.randomUUID())).status).toBe(404);
      expect(await balanceOf(h, me.token)).toBe(500);
    });
  });

  describe("rewards: cancel and the pickup desk", () => {
    it("cancel refunds by a reversing entry and puts the item back, once; twice in parallel → one refund", async () => {
      const h = getHarness();
      const { admin } = await setup(h, "cancel");
      const reward = await createReward(h, admin.token, { price: 40, stock: 2 });
      const me = await residentWith(h, admin.token, "rewards-cancel", 100);
      const made = await redeemCall(h, me.token, reward.id);
      expect(made.status).toBe(201);
      expect(await balanceOf(h, me.token)).toBe(60);
      const path = `/api/v1/rewards/redemptions/${made.json.id}/cancel`;
      const [a, b] = await Promise.all([call(h, "POST", path, { token: me.token }), call(h, "POST", path, { token: me.token })]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const done = a.status === 200 ? a : b;
      expect(done.json).toMatchObject({ status: "cancelled" });
      expect(await balanceOf(h, me.token)).toBe(100);
      expect(await stockLeft(h, me.token, reward.id)).toBe(2);
      const again = await call(h, "POST", path, { token: me.token });
      expect(again.status).toBe(409);
      expect(again.json.error.details.reason).toBe("not_reserved");
      expect(await balanceOf(h, me.token)).toBe(100);
      // Someone else's redemption is invisible.
      const other = await loginAs(h, "rewards-cancel-other");
      expect((await call(h, "POST", path, { token: other.token })).status).toBe(404);
      // The desk sees it cancelled and cannot hand it out.
      const desk = await call(h, "POST", `/api/v1/rewards/desk/${made.json.pickupCode}/collect`, { token: admin.token });
      expect(desk.status).toBe(409);
    });

    it("the desk looks a code up (household label, no identity), collects once of two at once, and the resident is told; cancel after collect 409", async () => {
      const h = getHarness();
      const { admin } = await setup(h, "desk");
      const reward = await createReward(h, admin.token, { name: "厨余沥水篮", price: 60, stock: 4 });
      const me = await residentWith(h, admin.token, "rewards-desk", 100);
      const made = await redeemCall(h, me.token, reward.id);
      const code = made.json.pickupCode as string;
      const moderator = await loginAs(h, "rewards-desk-moderator", "moderator");
      const seen = await call(h, "GET", `/api/v1/rewards/desk/${code.toLowerCase().slice(0, 4)}-${code.toLowerCase().slice(4)}`, {
        token: moderator.token,
      });
      expect(seen.status).toBe(200);
      expect(seen.json).toMatchObject({ pickupCode: code, rewardName: "厨余沥水篮", status: "reserved" });
      expect(seen.json.householdLabel).toMatch(/^住户 /);
      expect(JSON.stringify(seen.json)).not.toContain(me.user.id);
      const path = `/api/v1/rewards/desk/${code}/collect`;
      const [a, b] = await Promise.all([call(h, "POST", path, { token: moderator.token }), call(h, "POST", path, { token: admin.token })]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const cancel = await call(h, "POST", `/api/v1/rewards/redemptions/${made.json.id}/cancel`, { token: me.token });
      expect(cancel.status).toBe(409);
      expect(await balanceOf(h, me.token)).toBe(40);
      await h.wechat.dispatch();
      const inbox = (await call(h, "GET", "/api/v1/inbox", { token: me.token })).json;
      expect(JSON.stringify(inbox)).toContain("礼品已领取");
      const mine = (await call(h, "GET", "/api/v1/rewards/redemptions/mine", { token: me.token })).json.redemptions;
      expect(mine[0]).toMatchObject({ status: "collected", place: { name: "社区服务中心" } });
      const list = (await call(h, "GET", `/api/v1/admin/rewards/${reward.id}/redemptions`, { token: admin.token })).json;
      expect(list.counts).toEqual({ reserved: 0, collected: 1, cancelled: 0 });
    });

    it("unknown or malformed codes are 404 at the desk; residents cannot use the desk", async () => {
      const h = getHarness();
      const { admin } = await setup(h, "desk404");
      for (const code of ["ABCDEFGH", "0000", "%E4%BD%8F"]) {
        const res = await call(h, "GET", `/api/v1/rewards/desk/${code}`, { token: admin.token });
        expect(res.status).toBe(404);
        expectEnvelope(res, "not_found");
      }
      const me = await loginAs(h, "rewards-desk404-resident");
      expect((await call(h, "GET", "/api/v1/rewards/desk/ABCDEFGH", { token: me.token })).status).toBe(403);
    });
  });

  describe("rewards: the admin's catalogue", () => {
    it("two admins edit from one screen: the second gets 409 stale_version; stock never below what is taken", async () => {
      const h = getHarness();
      const { admin } = await setup(h, "edit");
      const other = await loginAs(h, "rewards-admin-edit-2", "admin");
      const reward = await createReward(h, admin.token, { price: 20, stock: 3 });
      const me = await residentWith(h, admin.token, "rewards-edit", 100);
      expect((await redeemCall(h, me.token, reward.id)).status).toBe(201);
      expect((await redeemCall(h, me.token, reward.id)).status).toBe(201);
      const path = `/api/v1/admin/rewards/${reward.id}`;
      const first = await call(h, "PATCH", path, { token: admin.token, body: { version: reward.version, price: 25 } });
      expect(first.status).toBe(200);
      expect(first.json).toMatchObject({ price: 25, version: reward.version + 1, taken: 2 });
      const second = await call(h, "PATCH", path, { token: other.token, body: { version: reward.version, name: "改名" } });
      expect(second.status).toBe(409);
      expect(second.json.error.details).toMatchObject({ reason: "stale_version", version: reward.version + 1 });
      const low = await call(h, "PATCH", path, { token: admin.token, body: { version: first.json.version, stock: 1 } });
      expect(low.status).toBe(409);
      expect(low.json.error.details.reason).toBe("stock_below_taken");
      const ok = await call(h, "PATCH", path, { token: admin.token, body: { version: first.json.version, stock: 2 } });
      expect(ok.status).toBe(200);
      expect(ok.json.stockLeft).toBe(0);
      const bad = await call(h, "PATCH", path, { token: admin.token, body: { version: ok.json.version, activeTo: "2020-01-01" } });
      expect(bad.status).toBe(422);
    });

    it("a reward's picture is an upload of the admin's, shown to residents by a signed URL", async () => {
      const h = getHarness();
      const { admin } = await setup(h, "picture");
      const photo = await uploadPhoto(h, admin.token);
      const reward = await createReward(h, admin.token, { pictureId: photo });
      const me = await loginAs(h, "rewards-picture");
      const seen = (await call(h, "GET", `/api/v1/rewards/${reward.id}`, { token: me.token })).json;
      expect(seen.picture.id).toBe(photo);
      const img = await h.request(seen.picture.url);
      expect(img.status).toBe(200);
      const reuse = await call(h, "POST", "/api/v1/admin/rewards", {
        token: admin.token,
        body: rewardBody({ pictureId: photo }),
      });
      expect(reuse.status).toBe(422);
    });
  });
}

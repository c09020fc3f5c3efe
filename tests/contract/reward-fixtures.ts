import { type ContractHarness, call, loginAs, type Session } from "./harness";

/* Rewards fixtures: an admin, rewards on offer, residents with points (the demo-only grant route). */

// 2027-06-01 10:00 in Suzhou.
export const REWARDS_NOW = "2027-06-01T02:00:00.000Z";
export const REWARDS_DAY = "2027-06-01";

export const rewardBody = (over: Record<string, unknown> = {}) => ({
  name: "环保购物袋",
  description: "可折叠无纺布购物袋",
  price: 50,
  stock: 10,
  place: { name: "社区服务中心", address: "姑苏区人民路 100 号", hours: "周一至周五 9:00–17:00" },
  activeFrom: "2027-05-01",
  activeTo: null,
  ...over,
});

export async function createReward(h: ContractHarness, adminToken: string, over: Record<string, unknown> = {}) {
  const res = await call(h, "POST", "/api/v1/admin/rewards", { token: adminToken, body: rewardBody(over) });
  if (res.status !== 201) throw new Error(`create reward: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as { id: string; version: number; price: number; stock: number };
}

export async function grantPoints(h: ContractHarness, adminToken: string, accountId: string, points: number) {
  const res = await call(h, "POST", "/api/v1/dev/points/grant", { token: adminToken, body: { accountId, points } });
  if (res.status !== 201) throw new Error(`grant: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json.balance as number;
}

export async function residentWith(h: ContractHarness, adminToken: string, openid: string, points: number): Promise<Session> {
  const s = await loginAs(h, openid);
  if (points > 0) await grantPoints(h, adminToken, s.user.id, points);
  return s;
}

export const balanceOf = async (h: ContractHarness, token: string) =>
  (await call(h, "GET", "/api/v1/rewards", { token })).json.balance as number;

export const redeemCall = (h: ContractHarness, token: string, rewardId: string, redemptionId: string = crypto.randomUUID()) =>
  call(h, "POST", `/api/v1/rewards/${rewardId}/redeem`, { token, body: { redemptionId } });

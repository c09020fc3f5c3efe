import { AdminReward, DeskRedemption, Redemption, Reward } from "@civic/shared";

/* Rewards test data built through the shared schemas (a contract change breaks these tests too). */

export const REWARD_ID = "0190a1b2-0000-7000-8000-00000000w001";
export const REDEMPTION_ID = "0190a1b2-0000-7000-8000-00000000d001";
const PLACE = { name: "社区服务中心", address: "姑苏区人民路 100 号", hours: "周一至周五 9:00–17:00" };

export const rewardOf = (over: Partial<Reward> = {}): Reward =>
  Reward.parse({
    id: REWARD_ID,
    name: "环保购物袋",
    description: "可折叠无纺布购物袋",
    picture: { id: "pic-1", url: "/api/v1/uploads/pic-1/content?exp=1&sig=x" },
    price: 50,
    stockLeft: 10,
    place: PLACE,
    activeFrom: "2026-11-01",
    activeTo: null,
    ...over,
  });

export const redemptionOf = (over: Partial<Redemption> = {}): Redemption =>
  Redemption.parse({
    id: REDEMPTION_ID,
    rewardId: REWARD_ID,
    rewardName: "环保购物袋",
    price: 50,
    pickupCode: "ABCDEFGH",
    status: "reserved",
    place: PLACE,
    createdAt: "2026-12-01T02:00:00.000Z",
    collectedAt: null,
    cancelledAt: null,
    ...over,
  });

export const adminRewardOf = (over: Partial<AdminReward> = {}): AdminReward =>
  AdminReward.parse({
    ...rewardOf(),
    stock: 12,
    taken: 2,
    collected: 1,
    retired: false,
    version: 3,
    updatedAt: "2026-12-01T02:00:00.000Z",
    ...over,
  });

export const deskOf = (over: Partial<DeskRedemption> = {}): DeskRedemption =>
  DeskRedemption.parse({
    id: REDEMPTION_ID,
    pickupCode: "ABCDEFGH",
    rewardId: REWARD_ID,
    rewardName: "环保购物袋",
    picture: null,
    place: PLACE,
    householdLabel: "住户 7QF2",
    status: "reserved",
    createdAt: "2026-12-01T02:00:00.000Z",
    collectedAt: null,
    ...over,
  });

export const conflictWith = (reason: string, extra: Record<string, unknown> = {}) => ({
  statusCode: 409,
  data: { error: { code: "conflict", message: "conflict", details: { reason, ...extra } } },
});

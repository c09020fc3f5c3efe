import { z } from "zod";

/*
 * Rewards (积分兑换): the wire shapes shared by the API, its OpenAPI document and the mini-program. A reward
 * has a points price, a stock (how many exist in total) and `taken` (redemptions not cancelled: reserved
 * or collected), so stock left = stock − taken; an admin may never set the stock below `taken`.
 */

const CityDate = z.iso.date();

export const RewardPlace = z
  .strictObject({
    name: z.string().trim().min(1).max(40),
    address: z.string().trim().min(1).max(80),
    /** Opening hours in words, e.g. 周一至周五 9:00–17:00. */
    hours: z.string().trim().min(1).max(60),
  })
  .meta({ id: "RewardPlace" });
export type RewardPlace = z.infer<typeof RewardPlace>;

export const RewardPicture = z.object({ id: z.string(), url: z.string() }).meta({ id: "RewardPicture" });
export type RewardPicture = z.infer<typeof RewardPicture>;

/** A reward as residents see it. */
export const Reward = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    picture: RewardPicture.nullable(),
    price: z.int(),
    stockLeft: z.int(),
    place: RewardPlace,
    activeFrom: CityDate,
    activeTo: CityDate.nullable(),
  })
  .meta({ id: "Reward" });
export type Reward = z.infer<typeof Reward>;

export const RewardList = z.object({ rewards: z.array(Reward), balance: z.int() }).meta({ id: "RewardList" });
export type RewardList = z.infer<typeof RewardList>;

export const RewardDetail = Reward.extend({ balance: z.int() }).meta({ id: "RewardDetail" });
export type RewardDetail = z.infer<typeof RewardDetail>;

/** A reward as admins see and edit it. */
export const AdminReward = Reward.extend({
  stock: z.int(),
  taken: z.int(),
  collected: z.int(),
  retired: z.boolean(),
  version: z.int(),
  updatedAt: z.string(),
}).meta({ id: "AdminReward" });
export type AdminReward = z.infer<typeof AdminReward>;

export const AdminRewardList = z.object({ rewards: z.array(AdminReward) }).meta({ id: "AdminRewardList" });
export type AdminRewardList = z.infer<typeof AdminRewardList>;

const RewardFields = {
  name: z.string().trim().min(1).max(30),
  description: z.string().trim().max(300),
  /** An upload of the admin's (POST /api/v1/uploads); null = no picture. */
  pictureId: z.string().min(1).max(64).nullable(),
  price: z.int().min(1).max(1_000_000),
  stock: z.int().min(0).max(100_000),
  place: RewardPlace,
  activeFrom: CityDate,
  activeTo: CityDate.nullable(),
};

export const RewardCreate = z
  .strictObject({ ...RewardFields, pictureId: RewardFields.pictureId.optional(), description: RewardFields.description.optional() })
  .refine((r) => !r.activeTo || r.activeTo >= r.activeFrom, { path: ["activeTo"], message: "activeTo is before activeFrom" })
  .meta({ id: "RewardCreate" });
export type RewardCreate = z.infer<typeof RewardCreate>;

/** An edit made on what the admin saw: `version` is the AdminReward's; a stale one gets 409 stale_version. */
export const RewardPatch = z
  .strictObject({ ...RewardFields, retired: z.boolean() })
  .partial()
  .extend({ version: z.int().min(1) })
  .meta({ id: "RewardPatch" });
export type RewardPatch = z.infer<typeof RewardPatch>;

export const REDEMPTION_STATUSES = ["reserved", "collected", "cancelled"] as const;
export const RedemptionStatus = z.enum(REDEMPTION_STATUSES);
export type RedemptionStatus = z.infer<typeof RedemptionStatus>;
export const REDEMPTION_STATUS_LABELS: Record<RedemptionStatus, string> = {
  reserved: "待领取",
  collected: "已领取",
  cancelled: "已取消",
};

/** Why a redemption was refused (409 details.reason). */
export const REDEEM_REFUSALS = ["out_of_stock", "insufficient_points", "not_active", "price_changed"] as const;
export type RedeemRefusal = (typeof REDEEM_REFUSALS)[number];
export const REDEEM_REFUSAL_LABELS: Record<RedeemRefusal, string> = {
  out_of_stock: "已兑完",
  insufficient_points: "积分不足",
  not_active: "不在兑换期内",
  price_changed: "兑换所需积分已变更，请刷新",
};

export const RedeemRequest = z.strictObject({ redemptionId: z.uuid() }).meta({ id: "RedeemRequest" });
export type RedeemRequest = z.infer<typeof RedeemRequest>;

/** A resident's redemption (their own). */
export const Redemption = z
  .object({
    id: z.string(),
    rewardId: z.string(),
    rewardName: z.string(),
    price: z.int(),
    pickupCode: z.string(),
    status: RedemptionStatus,
    place: RewardPlace,
    createdAt: z.string(),
    collectedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
  })
  .meta({ id: "Redemption" });
export type Redemption = z.infer<typeof Redemption>;

export const RedemptionList = z.object({ redemptions: z.array(Redemption) }).meta({ id: "RedemptionList" });
export type RedemptionList = z.infer<typeof RedemptionList>;

/** What the pickup desk sees: the household's short label, never the resident's name or phone. */
export const DeskRedemption = z
  .object({
    id: z.string(),
    pickupCode: z.string(),
    rewardId: z.string(),
    rewardName: z.string(),
    picture: RewardPicture.nullable(),
    place: RewardPlace,
    householdLabel: z.string(),
    status: RedemptionStatus,
    createdAt: z.string(),
    collectedAt: z.string().nullable(),
  })
  .meta({ id: "DeskRedemption" });
export type DeskRedemption = z.infer<typeof DeskRedemption>;

/** An admin's list of one reward's redemptions, with counts per status. */
export const RewardRedemptions = z
  .object({
    counts: z.object({ reserved: z.int(), collected: z.int(), cancelled: z.int() }),
    redemptions: z.array(DeskRedemption.omit({ picture: true, place: true })),
  })
  .meta({ id: "RewardRedemptions" });
export type RewardRedemptions = z.infer<typeof RewardRedemptions>;

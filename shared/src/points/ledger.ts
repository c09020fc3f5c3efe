import { z } from "zod";

/*
 * Recycling points (积分): an append-only ledger per resident account (the household). A balance is the sum
 * of its entries, always; a correction is a reversing entry. Every entry has a unique source key, so one
 * weigh-in, one check, one quiz day or one redemption can never be counted twice.
 *
 * Source keys, by kind:
 *   weigh_in       `weigh:<weighInId>`              (a collector's or a recycling point's weigh-in)
 *   pickup_weigh   `pickup:<bookingId>:<class>`     (kg recorded when a bulky-waste job was completed)
 *   sorting_check  `check:<checkId>`                (a 小蜜蜂 volunteer's check at a bin room)
 *   quiz           `quiz:<accountId>:<cityDate>`    (the daily quiz)
 *   redemption     `redeem:<redemptionId>`          (a reward: negative)
 *   reversal       `reverse:<entryId>`              (undoes one entry: a refund, a bureau correction)
 *   expiry         `expire:<accountId>:<cutoffDate>`(earned points older than POINTS_EXPIRY_MONTHS)
 */
export const POINTS_KINDS = ["weigh_in", "pickup_weigh", "sorting_check", "quiz", "redemption", "reversal", "expiry"] as const;
export const PointsKind = z.enum(POINTS_KINDS);
export type PointsKind = z.infer<typeof PointsKind>;

/** Kinds that earn (positive amounts); the others spend or correct. */
export const EARNING_KINDS = ["weigh_in", "pickup_weigh", "sorting_check", "quiz"] as const satisfies readonly PointsKind[];
export type EarningKind = (typeof EARNING_KINDS)[number];
export const isEarningKind = (kind: string): kind is EarningKind => (EARNING_KINDS as readonly string[]).includes(kind);

export const POINTS_KIND_LABELS: Record<PointsKind, string> = {
  weigh_in: "可回收物称重",
  pickup_weigh: "大件垃圾回收称重",
  sorting_check: "垃圾分类检查",
  quiz: "每日答题",
  redemption: "兑换礼品",
  reversal: "冲正",
  expiry: "积分过期",
};

/** Per-day caps on earnings of one kind: per resident account, and per volunteer/collector awarding. */
export const PointsCap = z
  .strictObject({
    kind: z.enum(EARNING_KINDS),
    /** Most points one account may earn of this kind in one city day; null = no cap. */
    perAccountDay: z.number().int().min(0).max(100_000).nullable(),
    /** Most points one actor (volunteer, collector) may award of this kind in one city day; null = no cap. */
    perActorDay: z.number().int().min(0).max(1_000_000).nullable(),
  })
  .meta({ id: "PointsCap" });
export type PointsCap = z.infer<typeof PointsCap>;

/** Used until the bureau sets its own (admin caps page). */
export const DEFAULT_POINTS_CAPS: Record<EarningKind, PointsCap> = {
  weigh_in: { kind: "weigh_in", perAccountDay: 500, perActorDay: 20_000 },
  pickup_weigh: { kind: "pickup_weigh", perAccountDay: 500, perActorDay: null },
  sorting_check: { kind: "sorting_check", perAccountDay: 20, perActorDay: 400 },
  quiz: { kind: "quiz", perAccountDay: 5, perActorDay: null },
};

/** One line of a resident's history (the actor is not named to the resident). */
export const PointsEntry = z
  .strictObject({
    id: z.string(),
    amount: z.number().int(),
    kind: PointsKind,
    /** What earned or spent it, in words for the resident, e.g. "可回收物称重 纸类 3.2 千克". */
    reason: z.string(),
    /** The rule and rate that produced it, e.g. "纸类 2 分/千克 (第3版)". */
    rule: z.string(),
    at: z.string(),
    /** The entry this one reverses, if it is a reversal. */
    reversesId: z.string().nullable(),
  })
  .meta({ id: "PointsEntry" });
export type PointsEntry = z.infer<typeof PointsEntry>;

/**
 * FIFO expiry: how many points expire at `cutoff` (an ISO instant) — points earned before the cutoff that
 * were not consumed since. Everything that is not an earning (spends, expiries, reversals, refunds) counts
 * against the oldest earnings first. Never more than the balance.
 */
export function expiringPoints(entries: readonly { amount: number; kind: string; at: string }[], cutoff: string): number {
  let earnedBefore = 0;
  let consumed = 0;
  let balance = 0;
  for (const e of entries) {
    balance += e.amount;
    if (isEarningKind(e.kind)) {
      if (e.at < cutoff) earnedBefore += e.amount;
    } else consumed -= e.amount;
  }
  return Math.max(0, Math.min(balance, earnedBefore - consumed));
}

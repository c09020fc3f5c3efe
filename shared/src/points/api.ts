import { z } from "zod";
import { RECYCLING_CLASS_LABELS } from "../pickups/collector-day";
import { EARNING_KINDS, PointsCap, PointsEntry } from "./ledger";

/*
 * The points API's wire shapes: the resident's summary, history and code; collectors' weigh-ins; the
 * bureau's versioned rate table, caps, flags and corrections.
 */

/** Drop-off classes of recyclables (可回收物) weighed at the doorstep or a recycling point. */
export const DROP_OFF_CLASS_LABELS = {
  paper: "纸类",
  plastic: "塑料",
  metal: "金属",
  glass: "玻璃",
  textile: "织物",
  e_waste: "电子废弃物",
} as const;

/** Every class with a rate: the drop-off classes and the bulky-waste pickup classes (RECYCLING_CLASS_LABELS). */
export const POINTS_CLASS_LABELS = { ...DROP_OFF_CLASS_LABELS, ...RECYCLING_CLASS_LABELS } as const;
export type PointsClass = keyof typeof POINTS_CLASS_LABELS;
export const POINTS_CLASSES = Object.keys(POINTS_CLASS_LABELS) as [PointsClass, ...PointsClass[]];
export const PointsClassSchema = z.enum(POINTS_CLASSES);
export const DROP_OFF_CLASSES = Object.keys(DROP_OFF_CLASS_LABELS) as [keyof typeof DROP_OFF_CLASS_LABELS];

/** The most one weigh-in line may weigh, per class (kg): beyond it the scale or the typing is wrong (422). */
export const WEIGH_MAX_KG: Record<PointsClass, number> = {
  paper: 200,
  plastic: 100,
  metal: 200,
  glass: 100,
  textile: 100,
  e_waste: 200,
  furniture: 300,
  appliance: 300,
  bedding: 100,
  renovation: 500,
  other: 200,
};

/**
 * The anomaly rule `weight_above_usual`: a line is flagged for the bureau when it weighs more than its
 * class's fixed ceiling, or (once the class has at least WEIGH_MEDIAN_MIN_LINES lines in the last 90 days)
 * more than 3 × the class's 90-day median. The points are still credited; the bureau reviews.
 */
export const WEIGH_USUAL_CEILING_KG: Record<PointsClass, number> = {
  paper: 50,
  plastic: 30,
  metal: 50,
  glass: 30,
  textile: 30,
  e_waste: 60,
  furniture: 150,
  appliance: 150,
  bedding: 40,
  renovation: 200,
  other: 80,
};
export const WEIGH_MEDIAN_FACTOR = 3;
export const WEIGH_MEDIAN_MIN_LINES = 10;

/** Rates used while the bureau has not set a version (version 0). */
export const DEFAULT_POINTS_RATES: Record<PointsClass, number> = {
  paper: 2,
  plastic: 3,
  metal: 4,
  glass: 1,
  textile: 2,
  e_waste: 5,
  furniture: 1,
  appliance: 2,
  bedding: 1,
  renovation: 1,
  other: 1,
};

export const PointsSummary = z
  .strictObject({
    balance: z.number().int(),
    /** Points that will have expired within 30 days (POINTS_EXPIRY_MONTHS after they were earned). */
    expiringSoon: z.number().int(),
    expiringBefore: z.string(),
    expiryMonths: z.number().int(),
    counts: z.strictObject({ entries: z.number().int(), earned: z.number().int(), spent: z.number().int() }),
  })
  .meta({ id: "PointsSummary" });
export type PointsSummary = z.infer<typeof PointsSummary>;

export const PointsHistoryQuery = z.object({ cursor: z.string().max(400).optional() });
export const PointsHistoryPage = z
  .strictObject({ items: z.array(PointsEntry), nextCursor: z.string().nullable() })
  .meta({ id: "PointsHistoryPage" });
export type PointsHistoryPage = z.infer<typeof PointsHistoryPage>;

export const ResidentCode = z
  .strictObject({ code: z.string(), expiresAt: z.string(), householdLabel: z.string() })
  .meta({ id: "ResidentCode" });
export type ResidentCode = z.infer<typeof ResidentCode>;

export const WEIGH_WHERE = ["doorstep", "drop_off"] as const;
export const WEIGH_WHERE_LABELS: Record<(typeof WEIGH_WHERE)[number], string> = { doorstep: "上门回收", drop_off: "回收点投交" };

export const WeighInLineInput = z.strictObject({
  class: PointsClassSchema,
  kg: z.number().positive().max(500),
});

export const WeighInRequest = z
  .strictObject({
    /** Made on the collector's phone: a retry with the same id is the same weigh-in. */
    weighInId: z.uuid(),
    /** The resident's scanned code (我的积分码). */
    code: z.string().min(1).max(300),
    lines: z.array(WeighInLineInput).min(1).max(POINTS_CLASSES.length),
    where: z.enum(WEIGH_WHERE),
    pointName: z.string().trim().min(1).max(60).optional(),
  })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.lines.forEach((l, i) => {
      if (seen.has(l.class)) ctx.addIssue({ code: "custom", path: ["lines", i, "class"], message: `${l.class} is listed twice` });
      seen.add(l.class);
      if (l.kg > WEIGH_MAX_KG[l.class])
        ctx.addIssue({ code: "custom", path: ["lines", i, "kg"], message: `at most ${WEIGH_MAX_KG[l.class]} kg of ${l.class}` });
    });
  })
  .meta({ id: "WeighInRequest" });
export type WeighInRequest = z.infer<typeof WeighInRequest>;

export const WeighInLine = z.strictObject({
  class: PointsClassSchema,
  kg: z.number(),
  pointsPerKg: z.number(),
  rateVersion: z.number().int(),
  points: z.number().int(),
});

export const WeighIn = z
  .strictObject({
    id: z.string(),
    householdLabel: z.string(),
    where: z.enum(WEIGH_WHERE),
    pointName: z.string().nullable(),
    lines: z.array(WeighInLine),
    /** Points by the rates, before caps. */
    ratedPoints: z.number().int(),
    /** Points credited (after the day's caps). */
    points: z.number().int(),
    at: z.string(),
  })
  .meta({ id: "WeighIn" });
export type WeighIn = z.infer<typeof WeighIn>;

export const WeighInsQuery = z.object({ date: z.iso.date().optional() });
export const WeighInList = z.strictObject({ date: z.string(), items: z.array(WeighIn) }).meta({ id: "WeighInList" });
export type WeighInList = z.infer<typeof WeighInList>;

export const PointsRate = z.strictObject({ class: PointsClassSchema, pointsPerKg: z.number() });
export const PointsRateTable = z
  .strictObject({
    /** 0 = the built-in defaults (no version set yet). */
    version: z.number().int(),
    effectiveAt: z.string().nullable(),
    setBy: z.string().nullable(),
    rates: z.array(PointsRate),
    /** Earlier versions, newest first (for the record). */
    history: z.array(z.strictObject({ version: z.number().int(), effectiveAt: z.string(), setBy: z.string().nullable() })),
  })
  .meta({ id: "PointsRateTable" });
export type PointsRateTable = z.infer<typeof PointsRateTable>;

export const PointsRatesRequest = z
  .strictObject({
    rates: z.array(z.strictObject({ class: PointsClassSchema, pointsPerKg: z.number().min(0).max(1000) })).length(POINTS_CLASSES.length),
  })
  .superRefine((b, ctx) => {
    const classes = new Set(b.rates.map((r) => r.class));
    if (classes.size !== POINTS_CLASSES.length) ctx.addIssue({ code: "custom", path: ["rates"], message: "give every class once" });
  })
  .meta({ id: "PointsRatesRequest" });
export type PointsRatesRequest = z.infer<typeof PointsRatesRequest>;

export const PointsCapList = z.strictObject({ caps: z.array(PointsCap) }).meta({ id: "PointsCapList" });
export type PointsCapList = z.infer<typeof PointsCapList>;
export const PointsCapsRequest = z
  .strictObject({ caps: z.array(PointsCap).min(1).max(EARNING_KINDS.length) })
  .meta({ id: "PointsCapsRequest" });

export const FLAG_STATUSES = ["open", "dismissed", "confirmed"] as const;
export const FLAG_KIND_LABELS: Record<string, string> = {
  many_awards_one_household: "同一志愿者多次奖励同一户",
  outside_volunteer_communities: "志愿者服务小区以外的奖励",
  weight_above_usual: "称重明显高于平常",
  household_not_in_community: "住户不在该小区",
};

export const PointsFlag = z
  .strictObject({
    id: z.string(),
    kind: z.string(),
    subjectKey: z.string(),
    householdLabel: z.string().nullable(),
    /** The household's account id (admins only see this page). */
    accountId: z.string().nullable(),
    actorId: z.string().nullable(),
    entryId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    status: z.enum(FLAG_STATUSES),
    at: z.string(),
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
  })
  .meta({ id: "PointsFlag" });
export type PointsFlag = z.infer<typeof PointsFlag>;
export const PointsFlagsQuery = z.object({ status: z.enum(FLAG_STATUSES).optional() });
export const PointsFlagList = z.strictObject({ items: z.array(PointsFlag) }).meta({ id: "PointsFlagList" });
export type PointsFlagList = z.infer<typeof PointsFlagList>;

export const FlagReviewRequest = z
  .strictObject({ decision: z.enum(["dismiss", "confirm"]), note: z.string().trim().max(200).optional() })
  .meta({ id: "FlagReviewRequest" });
export type FlagReviewRequest = z.infer<typeof FlagReviewRequest>;

export const ReverseEntryRequest = z.strictObject({ reason: z.string().trim().min(1).max(200) }).meta({ id: "ReverseEntryRequest" });
export type ReverseEntryRequest = z.infer<typeof ReverseEntryRequest>;

import { z } from "zod";

/*
 * 小蜜蜂 volunteers' sorting checks at bin rooms (issue 10): the mistakes a volunteer can name, each with a
 * friendly "right way" line for the household's notice, the check and batch schemas of the offline sync,
 * and the pure rule for a check's time (the phone's clock, bounded at sync).
 */

export const CHECK_ERRORS = [
  "kitchen_in_other",
  "other_in_kitchen",
  "recyclable_not_separated",
  "hazardous_mixed",
  "bag_in_kitchen",
  "liquid_not_drained",
  "overflow_outside_bin",
] as const;
export const CheckError = z.enum(CHECK_ERRORS);
export type CheckError = z.infer<typeof CheckError>;

export interface CheckErrorInfo {
  /** Short label on the volunteer's chip. */
  label: string;
  /** The right way, one friendly line for the household. */
  rightWay: string;
}

export const CHECK_ERROR_INFO: Record<CheckError, CheckErrorInfo> = {
  kitchen_in_other: { label: "厨余混入其他", rightWay: "剩菜剩饭、果皮菜叶请单独投入绿色厨余垃圾桶。" },
  other_in_kitchen: { label: "其他混入厨余", rightWay: "纸巾、大骨头、贝壳等属于其他垃圾，请不要混入厨余垃圾。" },
  recyclable_not_separated: { label: "可回收未分出", rightWay: "纸板压平、瓶罐倒空冲净后，投入蓝色可回收物桶或交回收员称重换积分。" },
  hazardous_mixed: { label: "有害混投", rightWay: "废电池、灯管、过期药品请轻放进红色有害垃圾桶，不要混入其他垃圾。" },
  bag_in_kitchen: { label: "厨余未破袋", rightWay: "投放厨余垃圾时请破袋倒入，塑料袋另投其他垃圾桶。" },
  liquid_not_drained: { label: "厨余未沥水", rightWay: "厨余垃圾请先沥干汤水再投放。" },
  overflow_outside_bin: { label: "桶外乱放", rightWay: "请将垃圾投入桶内，桶满时请告知值守志愿者。" },
};

/** Points a correct bag earns the household before the day's caps (the ledger's sorting_check caps apply). */
export const POINTS_PER_CORRECT_CHECK = 2;
/** A check's time may be ahead of the server's by this much (phones' clocks drift). */
export const CHECK_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** A check older than this at sync is refused (too_old): sync within three days. */
export const CHECK_MAX_AGE_MS = 72 * 60 * 60 * 1000;
/** Most checks per synced batch. */
export const CHECK_BATCH_MAX = 100;
/** A household's incorrect checks within this many days that bring the friendly notice ... */
export const REPEATED_ERRORS_WINDOW_DAYS = 30;
/** ... once it has this many ... */
export const REPEATED_ERRORS_THRESHOLD = 3;
/** ... at most once in this many days. */
export const REPEATED_ERRORS_NOTICE_EVERY_DAYS = 7;
/** More awards than this to one household by one volunteer in a city month are flagged for the bureau. */
export const MANY_AWARDS_PER_MONTH = 8;

export type CheckTimeVerdict = { ok: true } | { ok: false; reason: "in_future" | "too_old" };

/** Whether a check recorded at `checkedAt` (phone clock) is acceptable when it reaches the server at `now`. */
export function checkTimeVerdict(checkedAt: Date, now: Date): CheckTimeVerdict {
  const t = checkedAt.getTime();
  if (Number.isNaN(t)) return { ok: false, reason: "in_future" };
  if (t > now.getTime() + CHECK_CLOCK_SKEW_MS) return { ok: false, reason: "in_future" };
  if (t < now.getTime() - CHECK_MAX_AGE_MS) return { ok: false, reason: "too_old" };
  return { ok: true };
}

const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "a uuid made on the phone");

/** One check as the phone recorded it. */
export const CheckInput = z
  .strictObject({
    id: Uuid,
    binRoomCode: z.string().min(1).max(64).optional(),
    binRoomId: z.string().min(1).max(64).optional(),
    /** The resident's code as scanned, raw. */
    code: z.string().min(1).max(512),
    correct: z.boolean(),
    errors: z.array(CheckError).max(CHECK_ERRORS.length).default([]),
    photoId: z.string().min(1).max(64).optional(),
    note: z.string().max(200).optional(),
    checkedAt: z.iso.datetime({ offset: true }),
  })
  .refine((c) => (c.binRoomCode === undefined) !== (c.binRoomId === undefined), {
    message: "give binRoomCode or binRoomId, one of them",
    path: ["binRoomCode"],
  })
  .refine((c) => (c.correct ? c.errors.length === 0 : c.errors.length > 0), {
    message: "a correct bag has no errors; an incorrect one names at least one",
    path: ["errors"],
  })
  .refine((c) => new Set(c.errors).size === c.errors.length, { message: "an error is listed twice", path: ["errors"] })
  .meta({ id: "SortingCheckInput" });
export type CheckInput = z.input<typeof CheckInput>;

export const CheckBatchRequest = z
  .strictObject({ checks: z.array(CheckInput).min(1).max(CHECK_BATCH_MAX) })
  .refine((b) => new Set(b.checks.map((c) => c.id.toLowerCase())).size === b.checks.length, {
    message: "a check id is listed twice",
    path: ["checks"],
  })
  .meta({ id: "SortingCheckBatch" });
export type CheckBatchRequest = z.input<typeof CheckBatchRequest>;

export const CHECK_CONFLICTS = ["code_invalid", "code_expired", "unknown_room", "self_check", "too_old", "in_future", "bad_photo"] as const;
export const CheckConflict = z.enum(CHECK_CONFLICTS);
export type CheckConflict = z.infer<typeof CheckConflict>;

export const CHECK_CONFLICT_LABELS: Record<CheckConflict, string> = {
  code_invalid: "住户码无效",
  code_expired: "住户码已过期",
  unknown_room: "投放点不存在或已停用",
  self_check: "不能检查自己家",
  too_old: "记录超过72小时未同步",
  in_future: "记录时间有误",
  bad_photo: "照片不可用",
};

/** What the server answered for one check. `duplicate` repeats the first answer of the same id. */
export const CheckResult = z
  .discriminatedUnion("status", [
    z.object({ id: z.string(), status: z.literal("accepted"), points: z.int(), householdLabel: z.string() }),
    z.object({ id: z.string(), status: z.literal("duplicate"), points: z.int(), householdLabel: z.string() }),
    z.object({ id: z.string(), status: z.literal("conflict"), reason: CheckConflict }),
  ])
  .meta({ id: "SortingCheckResult" });
export type CheckResult = z.infer<typeof CheckResult>;

export const CheckBatchResponse = z.object({ results: z.array(CheckResult) }).meta({ id: "SortingCheckBatchResult" });
export type CheckBatchResponse = z.infer<typeof CheckBatchResponse>;

/** A bin room as a volunteer sees it. */
export const VolunteerBinRoom = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    /** True when the room's community is one the volunteer serves. */
    mine: z.boolean(),
  })
  .meta({ id: "VolunteerBinRoom" });
export type VolunteerBinRoom = z.infer<typeof VolunteerBinRoom>;
export const VolunteerBinRoomList = z.object({ rooms: z.array(VolunteerBinRoom) });

/** The volunteer's tally of a city day. */
export const VolunteerToday = z
  .object({
    date: z.string(),
    checks: z.int(),
    correct: z.int(),
    errors: z.record(z.string(), z.int()),
    points: z.int(),
    rooms: z.array(z.object({ binRoomId: z.string(), name: z.string(), checks: z.int(), correct: z.int() })),
  })
  .meta({ id: "VolunteerToday" });
export type VolunteerToday = z.infer<typeof VolunteerToday>;

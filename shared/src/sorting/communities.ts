import { z } from "zod";
import { CITY_MONTH_PATTERN } from "../time/cityMonth";
import { UNRATABLE_REASONS } from "./stars";

/* The wire shapes of 星级小区: communities, bin rooms, households' registration, inspections and ratings. */

export const CityMonth = z.string().regex(CITY_MONTH_PATTERN).meta({ example: "2026-11" });

/** What a bin room's printed QR code holds: the volunteer's check page with the room's code. */
export const binRoomQrPath = (code: string) => `packages/volunteer/check/index?room=${code}`;

/** A published month's stars (public). */
export const CommunityStars = z
  .object({ month: CityMonth, stars: z.int().min(1).max(5), score: z.number() })
  .meta({ id: "CommunityStars" });
export type CommunityStars = z.infer<typeof CommunityStars>;

export const CommunitySummary = z
  .object({
    id: z.string(),
    name: z.string(),
    district: z.string(),
    street: z.string(),
    latestStars: CommunityStars.nullable(),
  })
  .meta({ id: "CommunitySummary" });
export type CommunitySummary = z.infer<typeof CommunitySummary>;

export const CommunityList = z.object({ communities: z.array(CommunitySummary) }).meta({ id: "CommunityList" });
export type CommunityList = z.infer<typeof CommunityList>;

export const CommunitiesQuery = z.object({
  district: z.string().min(1).max(20).optional(),
  street: z.string().min(1).max(30).optional(),
  q: z.string().min(1).max(30).optional(),
});

/** A published month's frozen figures (public: no household is named). */
export const CommunityMonthFigures = z
  .object({
    month: CityMonth,
    participation: z.number().min(0).max(1),
    accuracy: z.number().min(0).max(1),
    inspection: z.int().min(0).max(100),
    score: z.number(),
    stars: z.int().min(1).max(5),
  })
  .meta({ id: "CommunityMonthFigures" });
export type CommunityMonthFigures = z.infer<typeof CommunityMonthFigures>;

export const CommunityDetail = CommunitySummary.extend({
  binRooms: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Published months, oldest first, at most 12. */
  trend: z.array(CommunityMonthFigures),
}).meta({ id: "CommunityDetail" });
export type CommunityDetail = z.infer<typeof CommunityDetail>;

export const RankingQuery = z.object({
  month: CityMonth.optional(),
  district: z.string().min(1).max(20).optional(),
  street: z.string().min(1).max(30).optional(),
});

export const RankingEntry = CommunityMonthFigures.extend({
  rank: z.int().min(1),
  communityId: z.string(),
  name: z.string(),
  district: z.string(),
  street: z.string(),
}).meta({ id: "RankingEntry" });
export type RankingEntry = z.infer<typeof RankingEntry>;

export const CommunityRanking = z
  .object({
    /** The month ranked (the latest published one when none was asked); null when none is published. */
    month: CityMonth.nullable(),
    publishedMonths: z.array(CityMonth),
    entries: z.array(RankingEntry),
  })
  .meta({ id: "CommunityRanking" });
export type CommunityRanking = z.infer<typeof CommunityRanking>;

/** Days a household waits before it may change its community again. */
export const COMMUNITY_CHANGE_DAYS = 30;

export const MyCommunity = z
  .object({
    community: CommunityDetail.nullable(),
    joinedAt: z.iso.datetime().nullable(),
    /** When a change is allowed again (null: now). */
    nextChangeAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "MyCommunity" });
export type MyCommunity = z.infer<typeof MyCommunity>;

export const MyCommunityRequest = z.strictObject({ communityId: z.string().min(1).max(64) }).meta({ id: "MyCommunityRequest" });
export type MyCommunityRequest = z.infer<typeof MyCommunityRequest>;

/* --- admin --- */

const Name = z.string().trim().min(2).max(40);

export const CommunityInput = z
  .strictObject({
    name: Name,
    district: z.string().min(2).max(20),
    street: z.string().min(2).max(30),
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
  })
  .meta({ id: "CommunityInput" });
export type CommunityInput = z.infer<typeof CommunityInput>;

export const CommunityPatch = CommunityInput.partial()
  .extend({ version: z.int().min(1) })
  .strict()
  .meta({ id: "CommunityPatch" });
export type CommunityPatch = z.infer<typeof CommunityPatch>;

export const VersionBody = z.strictObject({ version: z.int().min(1) }).meta({ id: "VersionBody" });

export const AdminBinRoom = z
  .object({
    id: z.string(),
    name: z.string(),
    code: z.string(),
    /** The mini-program path the printed QR code holds. */
    qrPath: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    active: z.boolean(),
  })
  .meta({ id: "AdminBinRoom" });
export type AdminBinRoom = z.infer<typeof AdminBinRoom>;

export const BinRoomInput = z
  .strictObject({ name: Name, lat: z.number().min(-90).max(90).optional(), lng: z.number().min(-180).max(180).optional() })
  .meta({ id: "BinRoomInput" });
export type BinRoomInput = z.infer<typeof BinRoomInput>;
export const BinRoomPatch = BinRoomInput.partial().strict().meta({ id: "BinRoomPatch" });
export type BinRoomPatch = z.infer<typeof BinRoomPatch>;

export const AdminCommunity = z
  .object({
    id: z.string(),
    name: z.string(),
    district: z.string(),
    street: z.string(),
    lat: z.number(),
    lng: z.number(),
    active: z.boolean(),
    version: z.int(),
    households: z.int().min(0),
    binRooms: z.array(AdminBinRoom),
    volunteers: z.array(z.object({ id: z.string(), nickname: z.string().nullable(), assignedAt: z.string() })),
  })
  .meta({ id: "AdminCommunity" });
export type AdminCommunity = z.infer<typeof AdminCommunity>;

export const AdminCommunityList = z
  .object({ communities: z.array(AdminCommunity.omit({ binRooms: true, volunteers: true })) })
  .meta({ id: "AdminCommunityList" });
export type AdminCommunityList = z.infer<typeof AdminCommunityList>;

export const InspectionInput = z
  .strictObject({ score: z.int().min(0).max(100), note: z.string().trim().max(200).optional() })
  .meta({ id: "InspectionInput" });
export type InspectionInput = z.infer<typeof InspectionInput>;

export const Inspection = z
  .object({ communityId: z.string(), month: CityMonth, score: z.int(), note: z.string().nullable(), updatedAt: z.string() })
  .meta({ id: "Inspection" });
export type Inspection = z.infer<typeof Inspection>;

export const MonthDraftRow = z
  .object({
    communityId: z.string(),
    name: z.string(),
    district: z.string(),
    street: z.string(),
    households: z.int(),
    checkedHouseholds: z.int(),
    checks: z.int(),
    correctChecks: z.int(),
    participation: z.number(),
    accuracy: z.number(),
    inspection: z.int().nullable(),
    score: z.number().nullable(),
    stars: z.int().min(1).max(5).nullable(),
    /** Why the month cannot be rated (null when it can). */
    unratable: z.enum(UNRATABLE_REASONS).nullable(),
  })
  .meta({ id: "MonthDraftRow" });
export type MonthDraftRow = z.infer<typeof MonthDraftRow>;

export const MonthDraft = z
  .object({
    month: CityMonth,
    /** True once the month has ended (it may be published). */
    ended: z.boolean(),
    publishedAt: z.string().nullable(),
    rows: z.array(MonthDraftRow),
  })
  .meta({ id: "MonthDraft" });
export type MonthDraft = z.infer<typeof MonthDraft>;

import { AdminCommunity, CommunityDetail, CommunityRanking, MonthDraft, MyCommunity } from "@civic/shared";

/* 星级小区 test data, built through the shared schemas so a contract change breaks these tests too. */

export const figures = (month: string, stars: number, score: number) => ({
  month,
  participation: 0.75,
  accuracy: 0.8,
  inspection: 90,
  score,
  stars,
});

export const detail = (over: Partial<CommunityDetail> = {}): CommunityDetail =>
  CommunityDetail.parse({
    id: "c-1",
    name: "狮山花园",
    district: "虎丘区",
    street: "狮山街道",
    latestStars: { month: "2026-11", stars: 4, score: 82.5 },
    binRooms: [{ id: "r-1", name: "1号投放点" }],
    trend: [figures("2026-09", 3, 70), figures("2026-10", 4, 78), figures("2026-11", 4, 82.5)],
    ...over,
  });

export const mine = (over: Partial<MyCommunity> = {}): MyCommunity =>
  MyCommunity.parse({ community: detail(), joinedAt: "2026-07-01T02:00:00.000Z", nextChangeAt: null, ...over });

export const ranking = (): CommunityRanking =>
  CommunityRanking.parse({
    month: "2026-11",
    publishedMonths: ["2026-11", "2026-10"],
    entries: [
      { ...figures("2026-11", 5, 92), rank: 1, communityId: "c-2", name: "湖东邻里花园", district: "苏州工业园区", street: "金鸡湖街道" },
      { ...figures("2026-11", 4, 82.5), rank: 2, communityId: "c-1", name: "狮山花园", district: "虎丘区", street: "狮山街道" },
    ],
  });

export const adminCommunity = (over: Partial<AdminCommunity> = {}): AdminCommunity =>
  AdminCommunity.parse({
    id: "c-1",
    name: "狮山花园",
    district: "虎丘区",
    street: "狮山街道",
    lat: 31.3,
    lng: 120.55,
    active: true,
    version: 3,
    households: 15,
    binRooms: [
      {
        id: "r-1",
        name: "1号投放点",
        code: "ABCDEFGHJK",
        qrPath: "packages/volunteer/check/index?room=ABCDEFGHJK",
        lat: null,
        lng: null,
        active: true,
      },
    ],
    volunteers: [{ id: "u-v", nickname: "小蜜蜂志愿者王阿姨", assignedAt: "2026-11-01T02:00:00.000Z" }],
    ...over,
  });

const draftRow = (id: string, name: string, over: Record<string, unknown> = {}) => ({
  communityId: id,
  name,
  district: "虎丘区",
  street: "狮山街道",
  households: 4,
  checkedHouseholds: 3,
  checks: 5,
  correctChecks: 4,
  participation: 0.75,
  accuracy: 0.8,
  inspection: 90,
  score: 82.5,
  stars: 4,
  unratable: null,
  ...over,
});

export const monthDraft = (over: Partial<MonthDraft> = {}): MonthDraft =>
  MonthDraft.parse({
    month: "2026-11",
    ended: true,
    publishedAt: null,
    rows: [
      draftRow("c-1", "狮山花园"),
      draftRow("c-2", "枫桥人家", { inspection: null, score: null, stars: null, unratable: "no_inspection" }),
    ],
    ...over,
  });

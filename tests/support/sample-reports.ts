import { Category, ReportDetail } from "@civic/shared";

/*
 * Report test data shared by the mini-program's jsdom tests and the weapp smoke tests: categories and a
 * report as the API answers them, built through the shared schemas so a contract change breaks every
 * test that uses them. Each test file overrides only what its story is about.
 */

const category = (c: Omit<Category, "active"> & { active?: boolean }) => Category.parse({ active: true, ...c });

export const POSTERS = category({
  code: "illegal_posters",
  name: "乱贴小广告",
  group: "advertising",
  groupName: "宣传广告",
  department: "市容管理科",
  slaHours: 48,
  description: "墙面、电线杆上的牛皮癣",
  keywords: ["牛皮癣", "小广告", "办证"],
  attributes: [],
  sortOrder: 10,
});

export const STREET_LIGHT = category({
  code: "street_light",
  name: "路灯损坏",
  group: "public_facilities",
  groupName: "公用设施",
  department: "路灯管理所",
  slaHours: 72,
  description: "路灯不亮、灯杆倾斜",
  keywords: ["路灯", "不亮"],
  attributes: [
    { code: "pole_number", label: "灯杆编号", datatype: "number", required: true, hint: "灯杆上的数字编号", values: [] },
    {
      code: "fault",
      label: "故障情况",
      datatype: "singlevaluelist",
      required: false,
      hint: "",
      values: [
        { key: "dark", name: "不亮" },
        { key: "flicker", name: "闪烁" },
      ],
    },
  ],
  sortOrder: 20,
});

export const VENDING = category({
  code: "street_vending",
  name: "占道经营",
  group: "street_order",
  groupName: "街面秩序",
  department: "街面秩序科",
  slaHours: 24,
  description: "",
  keywords: ["摆摊", "流动摊贩"],
  attributes: [],
  sortOrder: 5,
});

export const SAMPLE_CATEGORIES: Category[] = [POSTERS, STREET_LIGHT, VENDING];

export const SAMPLE_REPORT_ID = "0190a1b2-0000-7000-8000-00000000r001";
const FILED_AT = "2026-11-20T02:30:00.000Z";

/** A report just filed, as its reporter sees it; `overrides` set the rest of the story. */
export const sampleReportDetail = (overrides: Partial<ReportDetail> = {}): ReportDetail =>
  ReportDetail.parse({
    id: SAMPLE_REPORT_ID,
    category: { code: POSTERS.code, name: POSTERS.name, groupName: POSTERS.groupName },
    description: "小区门口电线杆上贴满了办证广告",
    status: "submitted",
    address: "姑苏区观前街 128 号",
    location: { lat: 31.3095, lng: 120.6225 },
    district: "姑苏区",
    attributes: {},
    photos: [{ id: "p1", url: "/api/v1/uploads/p1/content?exp=1&sig=a", kind: "report", hidden: false }],
    followers: 0,
    following: false,
    viewer: "reporter",
    department: null,
    rejectReason: null,
    duplicateOf: null,
    resolutionNote: null,
    rating: null,
    ratingComment: null,
    canRate: false,
    canReopen: false,
    reopenUntil: null,
    slaDueAt: null,
    createdAt: FILED_AT,
    updatedAt: FILED_AT,
    timeline: [{ seq: 1, action: "submit", from: null, to: "submitted", note: null, at: FILED_AT, actor: "resident" }],
    ...overrides,
  });

import { CategoryList, KpiFigures, KpiResponse, QueueItem, type ReportDetail } from "@civic/shared";

import { sampleReportDetail } from "../support/sample-reports";

/* Moderation test data, built through the shared schemas so a contract change breaks these tests too. */

export const CASE_ID = "0190a1b2-0000-7000-8000-00000000c001";

export const queueItem = (overrides: Partial<QueueItem> = {}): QueueItem =>
  QueueItem.parse({
    id: CASE_ID,
    categoryCode: "posters",
    categoryName: "牛皮癣小广告",
    status: "submitted",
    description: "电线杆上贴满小广告",
    address: "人民路 100 号",
    district: "姑苏区",
    department: null,
    held: false,
    overdue: false,
    slaDueAt: null,
    followers: 0,
    thumbnailUrl: null,
    createdAt: "2026-11-20T02:30:00.000Z",
    version: 1,
    ...overrides,
  });

/** A case as staff see it: the sample report plus the staff-only fields. */
export const staffCase = (overrides: Partial<ReportDetail> = {}): ReportDetail =>
  sampleReportDetail({
    id: CASE_ID,
    category: { code: "posters", name: "牛皮癣小广告", groupName: "宣传广告" },
    description: "电线杆上贴满小广告",
    address: "人民路 100 号",
    location: { lat: 31.3085, lng: 120.6195 },
    attributes: { pole_no: "GS-0012" },
    photos: [{ id: "up-1", url: "/api/v1/uploads/up-1/content?exp=1&sig=x", kind: "report", hidden: false }],
    followers: 2,
    viewer: "staff",
    timeline: [
      {
        seq: 1,
        action: "submit",
        from: null,
        to: "submitted",
        note: null,
        at: "2026-11-20T02:30:00.000Z",
        actor: "resident",
        actorId: "u-1",
      },
    ],
    version: 1,
    originalDescription: "电线杆上贴满小广告，电话 138xxxx",
    reporter: { id: "u-1", nickname: "热心市民" },
    source: "app",
    textCheck: "review",
    photoChecks: [{ id: "up-1", check: "pass" }],
    held: true,
    overdue: false,
    ...overrides,
  });

export const categories = (): CategoryList =>
  CategoryList.parse({
    categories: [
      {
        code: "posters",
        name: "牛皮癣小广告",
        group: "advertising",
        groupName: "宣传广告",
        department: "姑苏区城管执法大队",
        slaHours: 48,
        description: "",
        keywords: [],
        attributes: [{ code: "pole_no", label: "电杆编号", datatype: "string", required: false, hint: "", values: [] }],
        sortOrder: 1,
        active: true,
      },
      {
        code: "street_light",
        name: "路灯不亮",
        group: "public_facilities",
        groupName: "公用设施",
        department: "市政设施管理处",
        slaHours: 72,
        description: "",
        keywords: [],
        attributes: [],
        sortOrder: 2,
        active: true,
      },
    ],
  });

export const figures = (overrides: Partial<KpiFigures> = {}): KpiFigures =>
  KpiFigures.parse({
    cases: 0,
    closed: 0,
    closureRate: null,
    closedOnTime: 0,
    onTimeRate: null,
    medianHoursToClose: null,
    rated: 0,
    satisfactionRate: null,
    resolved: 0,
    reopened: 0,
    reopenRate: null,
    ...overrides,
  });

export const kpiResponse = (overrides: Partial<KpiResponse> = {}): KpiResponse =>
  KpiResponse.parse({ from: "2026-11-01", to: "2026-11-30", groupBy: "none", overall: figures(), groups: [], daily: [], ...overrides });

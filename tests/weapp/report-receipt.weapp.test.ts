import { ReportDetail } from "@civic/shared";
import { afterEach, describe, expect, it } from "vitest";
import { bootWeapp, textsOf } from "./boot";
import type { MiniProgram } from "./harness/mini-runtime";
import { findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";
import { json, RESIDENT_SESSION, RESOLVED_DETAIL, routes } from "./report-fixtures";

/* The receipt after submitting, rendered by WeChat's WXML compiler in the built weapp: case number, due time, next steps. */

const has = (cls: string) => (t: WxmlElement) => findByClass(t, cls).length > 0 && t;
const NEW_ID = "rep-new-0001";
const FILED = ReportDetail.parse({
  ...RESOLVED_DETAIL,
  id: NEW_ID,
  caseNumber: "20261201-0042",
  status: "submitted",
  slaDueAt: "2026-12-02T02:00:00.000Z",
  createdAt: "2026-12-01T02:00:00.000Z",
  timeline: [],
  rating: null,
  canRate: false,
  canReopen: false,
  resolutionNote: null,
  photos: [],
});

let current: MiniProgram | null = null;
afterEach(() => {
  const mp = current;
  current = null;
  expect(mp?.errors ?? []).toEqual([]);
  expect([...(mp?.fake.missing ?? [])]).toEqual([]);
});

describe("weapp: the receipt after submitting", () => {
  it("shows the case number, the first-response due time in city time and the four steps", async () => {
    current = await bootWeapp({
      onRequest: routes({ [`GET /api/v1/reports/${NEW_ID}`]: () => json(200, FILED) }),
      storage: { "civic.session": RESIDENT_SESSION },
    });
    const page = await current.openUrl(`/pages/reports/detail?id=${NEW_ID}&receipt=1`);
    const tree = await page.waitFor(has("report-receipt"), "the receipt");
    expect(textOf(findOneByClass(tree, "receipt-case-number")).trim()).toBe("20261201-0042");
    expect(textOf(findOneByClass(tree, "receipt-due")).trim()).toBe("最迟 2026-12-02 10:00 前受理答复");
    expect(textsOf(tree, "receipt-step__label").map((t) => t.replace(/\s+/g, ""))).toEqual(["1.立案", "2.派遣", "3.处理", "4.核查结案"]);
  });
});

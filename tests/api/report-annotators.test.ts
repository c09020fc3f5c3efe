import type { AppDeps } from "@civic/api/deps";
import { annotateReport, registerReportAnnotator } from "@civic/api/platform/report-annotators";
import { afterEach, describe, expect, it, vi } from "vitest";

/* The platform hook other domains use to annotate a report at filing: a failing annotator never blocks filing. */

const facts = { categoryCode: "street_vending", location: { lat: 31.3, lng: 120.6 }, at: new Date("2026-12-04T12:00:00Z") };

describe("report annotators", () => {
  afterEach(() => {
    registerReportAnnotator("vendingZone", async () => null);
  });

  it("collects each registered annotation", async () => {
    registerReportAnnotator("vendingZone", async (_deps, f) => (f.categoryCode === "street_vending" ? "near_open_zone" : null));
    const deps = { log: { warn: vi.fn() } } as unknown as AppDeps;
    expect(await annotateReport(deps, facts)).toEqual({ vendingZone: "near_open_zone" });
    expect(await annotateReport(deps, { ...facts, categoryCode: "illegal_posters" })).toEqual({ vendingZone: null });
  });

  it("leaves a failing annotator's key null and logs it", async () => {
    registerReportAnnotator("vendingZone", async () => {
      throw new Error("zones unavailable");
    });
    const warn = vi.fn();
    const deps = { log: { warn } } as unknown as AppDeps;
    expect(await annotateReport(deps, facts)).toEqual({ vendingZone: null });
    expect(warn).toHaveBeenCalledWith("report annotator failed", { key: "vendingZone", error: "zones unavailable" });
  });
});

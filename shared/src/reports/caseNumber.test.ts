import { describe, expect, it } from "vitest";
import { CASE_NUMBER_PATTERN, caseDayOf, caseLabel, caseNumberOf, firstResponseDueAt, formatCaseNumber } from "./caseNumber";

describe("case numbers", () => {
  it("a report filed at 23:59 city time belongs to that day, one at 00:00 to the next (UTC+8)", () => {
    expect(caseDayOf(new Date("2026-12-01T15:59:59Z"))).toBe("20261201");
    expect(caseDayOf(new Date("2026-12-01T16:00:00Z"))).toBe("20261202");
  });

  it("reads as YYYYMMDD-NNNN and keeps counting past 9999", () => {
    expect(formatCaseNumber("20261201", 42)).toBe("20261201-0042");
    expect(formatCaseNumber("20261201", 12345)).toBe("20261201-12345");
    expect(CASE_NUMBER_PATTERN.test("20261201-0042")).toBe(true);
  });

  it("an old row without a number is named by a short id", () => {
    expect(caseNumberOf({ caseDay: null, caseSeq: null })).toBeNull();
    expect(caseLabel({ id: "0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000", caseNumber: null })).toBe("#ffff0000");
    expect(caseLabel({ id: "x", caseNumber: "20261201-0001" })).toBe("20261201-0001");
  });

  it("the first response is due the category's SLA hours after filing", () => {
    expect(firstResponseDueAt(new Date("2026-12-01T00:00:00Z"), 4).toISOString()).toBe("2026-12-01T04:00:00.000Z");
  });
});

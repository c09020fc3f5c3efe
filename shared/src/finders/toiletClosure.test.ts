import { describe, expect, it } from "vitest";
import { activeClosure, closureBadge } from "./toiletClosure";
import { closureUntilProblem } from "./toiletClosureRequest";
import { feedbackResolvedMessage } from "./toiletFeedbackResolution";

describe("a toilet closed for a while", () => {
  it("is closed through its last day and open again the day after, with no job to clear it", () => {
    expect(activeClosure("2026-12-10", "维修", "2026-12-09")).toEqual({ until: "2026-12-10", reason: "维修" });
    expect(activeClosure("2026-12-10", "维修", "2026-12-10")).not.toBeNull();
    expect(activeClosure("2026-12-10", "维修", "2026-12-11")).toBeNull();
    expect(activeClosure(null, null, "2026-12-11")).toBeNull();
  });

  it("may end from today to a year from today (a leap year counted in days)", () => {
    expect(closureUntilProblem("2026-12-01", "2026-12-01")).toBeNull();
    expect(closureUntilProblem("2026-11-30", "2026-12-01")).toMatch(/today or later/);
    expect(closureUntilProblem("2027-12-01", "2026-12-01")).toBeNull();
    expect(closureUntilProblem("2027-12-02", "2026-12-01")).toMatch(/365 days/);
    expect(closureUntilProblem("2028-12-30", "2027-12-31")).toBeNull();
    expect(closureUntilProblem("2028-12-31", "2027-12-31")).not.toBeNull();
  });

  it("reads 暂停开放 · 至M月D日 without leading zeros, and the resident's message says what was done", () => {
    expect(closureBadge({ until: "2027-01-05", reason: "" })).toBe("暂停开放 · 至1月5日");
    expect(feedbackResolvedMessage("醋坊桥公厕", { type: "temporary_closure", until: "2026-12-10", reason: "维修" })).toBe(
      "您反馈的 醋坊桥公厕 已标记为暂停开放至 12月10日，感谢反馈",
    );
    expect(feedbackResolvedMessage("醋坊桥公厕", undefined, "已联系管理单位")).toBe(
      "您反馈的 醋坊桥公厕 已处理，感谢反馈。答复：已联系管理单位",
    );
  });
});

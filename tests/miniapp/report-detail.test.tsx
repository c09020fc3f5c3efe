import type { ReportDetail } from "@civic/shared";
import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import ReportDetailPage from "../../miniapp/src/pages/reports/detail";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, type SentRequest, sessionFor, stubApi } from "./fixtures";
import { $, $$, detailOfReport, REPORT_ID, tap, type, waitForSelector } from "./report-fixtures";
import Taro, { shimState } from "./shims/taro";

const RESOLVED = detailOfReport({
  status: "resolved",
  department: "姑苏区城管中队",
  resolutionNote: "小广告已全部清除",
  canRate: true,
  canReopen: true,
  reopenUntil: "2026-11-30T02:00:00.000Z",
  photos: [
    { id: "p1", url: "/api/v1/uploads/p1/content?exp=1&sig=a", kind: "report", hidden: false },
    { id: "p2", url: "/api/v1/uploads/p2/content?exp=1&sig=b", kind: "resolution", hidden: false },
    { id: "p3", url: "/api/v1/uploads/p3/content?exp=1&sig=c", kind: "report", hidden: true },
  ],
  timeline: [
    { seq: 1, action: "submit", from: null, to: "submitted", note: null, at: "2026-11-20T02:30:00.000Z", actor: "resident" },
    { seq: 2, action: "accept", from: "submitted", to: "accepted", note: "已受理", at: "2026-11-20T03:00:00.000Z", actor: "bureau" },
    {
      seq: 4,
      action: "resolve",
      from: "dispatched",
      to: "resolved",
      note: "小广告已全部清除",
      at: "2026-11-23T02:00:00.000Z",
      actor: "bureau",
    },
    { seq: 3, action: "dispatch", from: "accepted", to: "dispatched", note: null, at: "2026-11-21T03:00:00.000Z", actor: "bureau" },
  ],
});

async function openDetail(detail: ReportDetail, answerPost: (req: SentRequest) => ReturnType<typeof ok> = () => ok(detail)) {
  saveSession(sessionFor(["resident"]));
  shimState.routerParams = { id: detail.id };
  const sent = stubApi((req) => (req.method === "GET" ? ok(detail) : answerPost(req)));
  const view = render(<ReportDetailPage />);
  await waitForSelector(view.container, ".report-detail");
  return { ...view, sent };
}

describe("上报详情: the report detail", () => {
  it("a follower of a case not yet accepted sees that it waits, not its content or address", async () => {
    const { container } = await openDetail(
      detailOfReport({ viewer: "follower", status: "submitted", description: "", photos: [], address: "姑苏区", following: true }),
    );
    expect($(container, ".report-description--withheld")?.textContent).toContain("尚待城管受理");
    expect($(container, ".report-address")).toBeNull();
    expect($(container, ".report-district")?.textContent).toContain("姑苏区");
  });

  it("shows the photos, facts, the bureau's answer and the timeline in order with notes", async () => {
    const preview = vi.spyOn(Taro, "previewImage");
    const { container, sent } = await openDetail(RESOLVED);
    expect(sent[0]?.path).toBe(`/api/v1/reports/${REPORT_ID}`);
    expect($(container, ".status-badge")?.textContent).toBe("已处理");
    expect($(container, ".report-department")?.textContent).toContain("姑苏区城管中队");
    expect($(container, ".resolution-note")?.textContent).toBe("小广告已全部清除");
    expect($$(container, ".report-photos .report-photo__image").map((i) => i.getAttribute("src"))).toEqual([
      "/api/v1/uploads/p1/content?exp=1&sig=a",
    ]);
    expect($$(container, ".resolution-photos .report-photo__image")).toHaveLength(1);
    expect($$(container, ".timeline-action").map((t) => t.textContent)).toEqual(["提交上报", "受理立案", "派遣处置", "处理反馈"]);
    expect($$(container, ".timeline-entry")[1]?.querySelector(".timeline-note")?.textContent).toBe("已受理");
    expect($$(container, ".timeline-entry")[2]?.querySelector(".timeline-note")).toBeNull();
    tap(container, ".report-photos .report-photo");
    expect(preview).toHaveBeenCalledWith({
      urls: ["/api/v1/uploads/p1/content?exp=1&sig=a"],
      current: "/api/v1/uploads/p1/content?exp=1&sig=a",
    });
  });

  it("shows the reason a report was not accepted", async () => {
    const { container } = await openDetail(detailOfReport({ status: "rejected", rejectReason: "not_responsible" }));
    expect($(container, ".report-reject-reason")?.textContent).toContain("不属于城管职责");
    expect($(container, ".rate-panel")).toBeNull();
    expect($(container, ".reopen-panel")).toBeNull();
  });

  it("lets the reporter rate the resolution with stars and a comment", async () => {
    const rated = { ...RESOLVED, status: "closed" as const, canRate: false, canReopen: false, rating: 4, ratingComment: "清理得很及时" };
    const { container, sent } = await openDetail(RESOLVED, () => ok(rated));
    tap(container, ".rate-submit");
    expect($(container, ".rate-error")?.textContent).toBe("请先点星星评分");
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);
    tap(container, ".rate-star-4");
    expect($$(container, ".rate-star.is-on")).toHaveLength(4);
    type(container, ".rate-comment", " 清理得很及时 ");
    tap(container, ".rate-submit");
    await waitFor(() => expect($(container, ".rate-panel")).toBeNull());
    const post = sent.find((r) => r.method === "POST");
    expect(post?.path).toBe(`/api/v1/reports/${REPORT_ID}/rate`);
    expect(post?.body).toEqual({ rating: 4, comment: "清理得很及时" });
    expect($(container, ".report-rating")?.textContent).toContain("★★★★");
    expect($(container, ".status-badge")?.textContent).toBe("已结案");
  });

  it("lets the reporter reopen within the window, with a reason", async () => {
    const reopened = {
      ...RESOLVED,
      status: "reopened" as const,
      canRate: false,
      canReopen: false,
      timeline: [
        ...RESOLVED.timeline,
        {
          seq: 5,
          action: "reopen" as const,
          from: "resolved" as const,
          to: "reopened" as const,
          note: "又贴上了",
          at: "2026-11-24T02:00:00.000Z",
          actor: "resident" as const,
        },
      ],
    };
    const { container, sent } = await openDetail(RESOLVED, () => ok(reopened));
    expect($(container, ".reopen-until")?.textContent).toBe("可在 2026-11-30 10:00 前重新打开");
    tap(container, ".reopen-button");
    type(container, ".reopen-reason", "又");
    tap(container, ".reopen-submit");
    expect($(container, ".reopen-error")).not.toBeNull();
    type(container, ".reopen-reason", "又贴上了");
    tap(container, ".reopen-submit");
    await waitFor(() => expect($(container, ".status-badge")?.textContent).toBe("已重新打开"));
    const post = sent.find((r) => r.method === "POST");
    expect(post?.path).toBe(`/api/v1/reports/${REPORT_ID}/reopen`);
    expect(post?.body).toEqual({ reason: "又贴上了" });
    expect($$(container, ".timeline-action").at(-1)?.textContent).toBe("重新打开");
  });

  it("shows the server's refusal of a reopen (e.g. the window closed)", async () => {
    const { container } = await openDetail(RESOLVED, () => apiError(409, "conflict") as ReturnType<typeof ok>);
    tap(container, ".reopen-button");
    type(container, ".reopen-reason", "还是没人管");
    tap(container, ".reopen-submit");
    expect(await screen.findByText("状态已经变化，请刷新后重试")).toBeInTheDocument();
  });

  it("lets another resident follow the report ('我也遇到了')", async () => {
    const { container, sent } = await openDetail(detailOfReport({ viewer: "public", status: "accepted", followers: 2 }), () =>
      ok({ id: REPORT_ID, followers: 3, following: true }),
    );
    // The reporter counts too: 2 followers + the one who filed it.
    expect($(container, ".report-followers")?.textContent).toBe("3 人反映了这个问题");
    tap(container, ".follow-button");
    await waitForSelector(container, ".report-following");
    expect($(container, ".report-followers")?.textContent).toBe("4 人反映了这个问题");
    expect(sent.find((r) => r.method === "POST")?.path).toBe(`/api/v1/reports/${REPORT_ID}/follow`);
  });

  it("has no follow button for the reporter", async () => {
    const { container } = await openDetail(detailOfReport());
    expect($(container, ".follow-button")).toBeNull();
  });

  it("shows the error state for a report that cannot be seen", async () => {
    shimState.routerParams = { id: "nope" };
    stubApi(() => apiError(404, "not_found"));
    render(<ReportDetailPage />);
    expect(await screen.findByText("没有找到相关内容")).toBeInTheDocument();
  });
});

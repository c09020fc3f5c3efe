import type { ReportDetail } from "@civic/shared";
import { fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { chartDateLabel, dateLabelStep } from "../../miniapp/src/packages/moderation/kpis/chartDates";
import { DailyChart, GroupChart } from "../../miniapp/src/packages/moderation/kpis/KpiCharts";
import { QueueItemCard } from "../../miniapp/src/packages/moderation/queue/QueueItemCard";
import { DueTime } from "../../miniapp/src/packages/moderation/report/DueTime";
import ModerationReportPage from "../../miniapp/src/packages/moderation/report/index";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, type SentRequest, sessionFor, stubApi } from "./fixtures";
import { CASE_ID, categories, staffCase } from "./moderation-fixtures";
import { shimState } from "./shims/taro";

/* Issue 8, bureau staff, in jsdom: the labelled note/reply fields, 复核通过 buttons, the held 409, due time, chart dates. */

const CASE_PATH = `/api/v1/moderation/reports/${CASE_ID}`;
type Answer = { statusCode: number; data: unknown };

async function openCase(initial: ReportDetail, onPost: (req: SentRequest, current: ReportDetail) => Answer | ReportDetail) {
  let current = initial;
  saveSession(sessionFor(["resident", "moderator"]));
  shimState.routerParams = { id: CASE_ID };
  const sent = stubApi((req) => {
    if (req.path === "/api/v1/report-categories") return ok(categories());
    if (req.method === "GET" && req.path === CASE_PATH) return ok(current);
    if (req.method === "POST" && req.path.startsWith(CASE_PATH)) {
      const answer = onPost(req, current);
      if ("statusCode" in answer) return answer;
      current = answer;
      return ok(current);
    }
    return apiError(404, "not_found");
  });
  const view = render(<ModerationReportPage />);
  await waitFor(() => expect(view.container.querySelector(".report-status")).not.toBeNull());
  return { sent, container: view.container };
}

const el = (root: ParentNode, cls: string) => {
  const found = root.querySelector(cls);
  if (!found) throw new Error(`no ${cls}`);
  return found as HTMLElement;
};
const type = (root: ParentNode, cls: string, value: string) => fireEvent.change(el(root, cls), { target: { value } });
const posts = (sent: SentRequest[]) => sent.filter((r) => r.method === "POST");

const heldCase = () =>
  staffCase({
    textHeld: true,
    held: true,
    slaDueAt: "2026-11-21T02:30:00.000Z",
    photoChecks: [{ id: "up-1", check: "review", reviewed: false, held: true }],
  });

describe("staff: notes vs replies, content review, due time", () => {
  it("the accept form labels the public reply and the internal note, and sends each under its own name", async () => {
    const { sent, container } = await openCase(staffCase({ held: false }), (_r, c) => ({ ...c, status: "accepted", version: 2 }));
    fireEvent.click(el(container, ".action-accept"));
    const labels = [...container.querySelectorAll(".action-form-accept .field-label")].map((l) => l.textContent);
    expect(labels).toEqual(["答复市民（公开，可选）", "内部备注（仅工作人员可见，可选）"]);
    type(container, ".action-reply", "已受理");
    type(container, ".action-note", "请姑苏片区今天内清除");
    fireEvent.click(el(container, ".action-confirm"));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0]).toMatchObject({ path: `${CASE_PATH}/accept`, body: { reply: "已受理", note: "请姑苏片区今天内清除" } });
  });

  it("a held case offers 复核通过 for its text and photo; 立案 refused as held says what is held and keeps the form", async () => {
    const { sent, container } = await openCase(heldCase(), (req, c) => {
      if (req.path.endsWith("/accept"))
        return {
          statusCode: 409,
          data: { error: { code: "conflict", message: "still held", details: { reason: "held", text: true, photoIds: ["up-1"] } } },
        };
      if (req.path.endsWith("/text/pass")) return { ...c, textHeld: false, version: (c.version ?? 1) + 1 };
      return {
        ...c,
        held: false,
        photoChecks: [{ id: "up-1", check: "review", reviewed: true, held: false }],
        version: (c.version ?? 1) + 1,
      };
    });
    expect(el(container, ".text-review--held").textContent).toContain("描述待人工复核");
    expect(el(container, ".photo-held").textContent).toContain("待复核");
    fireEvent.click(el(container, ".action-accept"));
    fireEvent.click(el(container, ".action-confirm"));
    await waitFor(() =>
      expect(el(container, ".action-error").textContent).toBe(
        "还有内容待人工复核：描述、1 张照片。请先逐项“复核通过”或隐藏/修改，再立案。",
      ),
    );
    // Not taken for someone else's change: the form stays open.
    expect(container.querySelector(".action-form-accept")).not.toBeNull();
    expect(container.querySelector(".conflict-message")).toBeNull();
    fireEvent.click(el(container, ".action-cancel"));

    fireEvent.click(el(container, ".text-pass"));
    await waitFor(() => expect(container.querySelector(".text-review--cleared")).not.toBeNull());
    fireEvent.click(el(container, ".photo-pass"));
    await waitFor(() => expect(container.querySelector(".photo-reviewed")).not.toBeNull());
    expect(posts(sent).map((r) => [r.path, r.header["If-Match"]])).toEqual([
      [`${CASE_PATH}/accept`, '"1"'],
      [`${CASE_PATH}/text/pass`, '"1"'],
      [`${CASE_PATH}/photos/up-1/pass`, '"2"'],
    ]);
  });

  it("names the due time: the acceptance deadline before 立案, the handling deadline after, none once closed", () => {
    const due = "2026-11-21T02:30:00.000Z";
    const text = (status: ReportDetail["status"]) =>
      render(<DueTime report={{ status, slaDueAt: due, overdue: false }} />).container.textContent;
    expect(text("submitted")).toBe("受理期限 2026-11-21 10:30（立案后另计处置时限）");
    expect(text("dispatched")).toBe("处置时限 2026-11-21 10:30");
    expect(text("closed")).toBe("");
  });
});

describe("KPI chart dates", () => {
  it("labels MM-DD every few days, the latest day always, at most 7 labels", () => {
    expect(dateLabelStep(7)).toBe(1);
    expect(dateLabelStep(30)).toBe(5);
    expect(dateLabelStep(31)).toBe(5);
    const days = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, "0")}`);
    const daily = days.map((date) => ({ date, cases: 1, closed: 0 }));
    const { container } = render(<DailyChart daily={daily} />);
    const labels = [...container.querySelectorAll(".daily-bar__date")].map((l) => l.textContent);
    expect(labels).toHaveLength(30);
    expect(labels.filter(Boolean)).toEqual(["11-05", "11-10", "11-15", "11-20", "11-25", "11-30"]);
    expect(chartDateLabel("2026-12-01", 0, 1)).toBe("12-01");
  });
});

describe("district names", () => {
  it("the queue and the KPIs name a district alike, from the city's one list", () => {
    const figures = {
      cases: 1,
      closed: 0,
      closureRate: 0,
      closedOnTime: 0,
      onTimeRate: null,
      medianHoursToClose: null,
      rated: 0,
      satisfactionRate: null,
      resolved: 0,
      reopened: 0,
      reopenRate: null,
    };
    const kpi = render(<GroupChart groupBy="district" groups={[{ key: "320571", label: "苏州工业园区", figures }]} />).container;
    const queue = render(
      <QueueItemCard
        item={{
          id: "c-9",
          caseNumber: "20261201-0009",
          categoryCode: "posters",
          categoryName: "牛皮癣小广告",
          status: "submitted",
          description: "小广告",
          address: "星海街 1 号",
          district: "苏州工业园区",
          thumbnailUrl: null,
          followers: 0,
          createdAt: "2026-11-20T02:30:00.000Z",
          department: null,
          held: false,
          overdue: false,
          slaDueAt: null,
          version: 1,
          vendingZone: null,
        }}
        onOpen={() => {}}
      />,
    ).container;
    expect(el(kpi, ".kpi-group-label").textContent).toBe("工业园区");
    expect(queue.textContent).toContain("工业园区 · 星海街 1 号");
    expect(queue.textContent).not.toContain("苏州工业园区");
  });
});

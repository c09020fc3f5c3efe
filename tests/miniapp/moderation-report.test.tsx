import type { ReportDetail, ReportStatus } from "@civic/shared";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import ModerationReportPage from "../../miniapp/src/packages/moderation/report/index";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, type SentRequest, sessionFor, stubApi } from "./fixtures";
import { CASE_ID, categories, staffCase } from "./moderation-fixtures";
import Taro, { shimState } from "./shims/taro";

const CASE_PATH = `/api/v1/moderation/reports/${CASE_ID}`;
type Answer = { statusCode: number; data: unknown };

/** What GET /reports/duplicates answers: this case itself and one nearby original. */
let mergeCandidatesBody: { candidates: unknown[] } = { candidates: [] };

/** The case as the server holds it: GET answers `current`, POSTs answer `onPost` (which may change it). */
function serveCase(initial: ReportDetail, onPost: (req: SentRequest, current: ReportDetail) => Answer | ReportDetail = (_r, c) => c) {
  let current = initial;
  const sent = stubApi((req) => {
    if (req.path === "/api/v1/report-categories") return ok(categories());
    if (req.method === "GET" && req.path === CASE_PATH) return ok(current);
    if (req.method === "GET" && req.path === "/api/v1/reports/duplicates") return ok(mergeCandidatesBody);
    if (req.method === "POST" && req.path.startsWith(CASE_PATH)) {
      const answer = onPost(req, current);
      if ("statusCode" in answer) return answer;
      current = answer;
      return ok(current);
    }
    return apiError(404, "not_found");
  });
  return { sent, set: (next: ReportDetail) => (current = next) };
}

async function openCase(initial: ReportDetail, onPost?: Parameters<typeof serveCase>[1]) {
  saveSession(sessionFor(["resident", "moderator"]));
  shimState.routerParams = { id: CASE_ID };
  const server = serveCase(initial, onPost);
  const view = render(<ModerationReportPage />);
  await waitFor(() => expect(view.container.querySelector(".report-status")).not.toBeNull());
  return { ...server, container: view.container };
}

const el = (root: ParentNode, cls: string) => {
  const found = root.querySelector(cls);
  if (!found) throw new Error(`no ${cls}`);
  return found as HTMLElement;
};
const type = (root: ParentNode, cls: string, value: string) => fireEvent.change(el(root, cls), { target: { value } });
const actionsShown = (root: ParentNode) =>
  [...root.querySelectorAll(".action-button")].map((b) => [...b.classList].find((c) => c.startsWith("action-") && c !== "action-button"));
const posts = (sent: SentRequest[]) => sent.filter((r) => r.method === "POST");
const gets = (sent: SentRequest[]) => sent.filter((r) => r.method === "GET" && r.path === CASE_PATH);

describe("moderation: a case and its actions", () => {
  it("shows staff everything: both texts, reporter, checks, extra fields, place and timeline", async () => {
    const { container } = await openCase(staffCase());
    expect(el(container, ".report-status").textContent).toBe("待受理");
    expect(el(container, ".report-description").textContent).toBe("电线杆上贴满小广告");
    expect(el(container, ".report-original").textContent).toBe("电线杆上贴满小广告，电话 138xxxx");
    expect(el(container, ".report-reporter").textContent).toContain("热心市民");
    expect(el(container, ".text-check").textContent).toBe("文本检测：需人工复核");
    expect(el(container, ".badge-held").textContent).toBe("待人工复核");
    expect(el(container, ".photo-check").textContent).toBe("检测通过");
    expect(el(container, ".report-photo__img").getAttribute("src")).toBe("/api/v1/uploads/up-1/content?exp=1&sig=x");
    await waitFor(() => expect(el(container, ".report-attribute-pole_no").textContent).toContain("电杆编号"));
    expect(el(container, ".report-attribute-pole_no").textContent).toContain("GS-0012");
    expect(el(container, ".report-address").textContent).toContain("人民路 100 号");
    expect(container.querySelectorAll(".timeline-entry")).toHaveLength(1);
    expect(el(container, ".timeline-entry").textContent).toContain("提交上报");
  });

  it.each<[ReportStatus, string[]]>([
    ["submitted", ["action-accept", "action-reject", "action-merge", "action-redact"]],
    ["accepted", ["action-dispatch", "action-reject", "action-merge", "action-redact"]],
    ["dispatched", ["action-dispatch", "action-resolve", "action-merge", "action-redact"]],
    ["resolved", ["action-close", "action-reopen", "action-redact"]],
    ["closed", ["action-reopen", "action-redact"]],
    ["rejected", ["action-redact"]],
  ])("from %s shows only the allowed actions", async (status, expected) => {
    const { container } = await openCase(staffCase({ status }));
    expect(actionsShown(container).sort()).toEqual([...expected].sort());
  });

  it("accepts with a note: POST to accept, then reloads and shows the new status", async () => {
    const accepted = staffCase({
      status: "accepted",
      slaDueAt: "2026-11-22T02:30:00.000Z",
      timeline: [
        ...staffCase().timeline,
        {
          seq: 2,
          action: "accept",
          from: "submitted",
          to: "accepted",
          note: "已核实",
          at: "2026-11-20T03:00:00.000Z",
          actor: "bureau",
          actorId: "m-1",
        },
      ],
    });
    const { sent, container } = await openCase(staffCase(), () => accepted);
    const getsBefore = gets(sent).length;
    fireEvent.click(el(container, ".action-accept"));
    type(container, ".action-note", "已核实");
    fireEvent.click(el(container, ".action-confirm"));
    await waitFor(() => expect(el(container, ".report-status").textContent).toBe("已立案"));
    expect(posts(sent)).toHaveLength(1);
    expect(posts(sent)[0]?.path).toBe(`${CASE_PATH}/accept`);
    expect(posts(sent)[0]?.body).toEqual({ note: "已核实" });
    await waitFor(() => expect(gets(sent).length).toBe(getsBefore + 1));
    expect(container.querySelectorAll(".timeline-entry")).toHaveLength(2);
    expect(el(container, ".report-sla").textContent).toBe("处置时限 2026-11-22 10:30");
    expect(container.querySelector(".action-form")).toBeNull();
    expect(actionsShown(container)).toContain("action-dispatch");
  });

  it("sends the version on screen, and on a 409 says who was first and what the case is now, and reloads it", async () => {
    const server = await openCase(staffCase(), (_req, current) => {
      const now = staffCase({ status: "accepted", version: 2 });
      server.set(now);
      return {
        statusCode: 409,
        data: {
          error: {
            code: "conflict",
            message: "the report has changed since you opened it (version 1, now 2); reload it",
            details: { reason: "stale_version", expectedVersion: current.version, version: 2, status: "accepted", report: now },
          },
        },
      };
    });
    const { sent, container } = server;
    fireEvent.click(el(container, ".action-reject"));
    fireEvent.click(el(container, ".reject-reason-not_responsible"));
    fireEvent.click(el(container, ".action-confirm"));
    expect(await screen.findByText("该案件已被他人处理（已立案），已为您刷新")).toBeInTheDocument();
    expect(el(container, ".conflict-message").textContent).toBe("该案件已被他人处理（已立案），已为您刷新");
    expect(posts(sent)[0]?.header["If-Match"]).toBe('"1"');
    await waitFor(() => expect(el(container, ".report-status").textContent).toBe("已立案"));
    expect(gets(sent).length).toBe(2);
    expect(container.querySelector(".case-layout")?.getAttribute("data-version")).toBe("2");
  });

  it("a 409 without the case's state still says it was handled elsewhere, and reloads", async () => {
    const server = await openCase(staffCase(), () => {
      server.set(staffCase({ status: "rejected", rejectReason: "invalid" }));
      return apiError(409, "conflict", "illegal transition");
    });
    const { sent, container } = server;
    fireEvent.click(el(container, ".action-accept"));
    fireEvent.click(el(container, ".action-confirm"));
    expect(await screen.findByText("该案件已被他人处理，已刷新")).toBeInTheDocument();
    await waitFor(() => expect(el(container, ".report-status").textContent).toBe("不予立案"));
    expect(gets(sent).length).toBe(2);
    expect(actionsShown(container)).toEqual(["action-redact"]);
  });

  it("dispatches to the category's department by default, or another one typed in", async () => {
    const { sent, container } = await openCase(staffCase({ status: "accepted" }), (_r, c) => ({ ...c, status: "dispatched" as const }));
    await waitFor(() => expect(container.querySelector(".case-info .report-attribute-pole_no")?.textContent).toContain("电杆编号"));
    fireEvent.click(el(container, ".action-dispatch"));
    expect((el(container, ".department-input") as HTMLInputElement).value).toBe("姑苏区城管执法大队");
    type(container, ".department-input", "  ");
    fireEvent.click(el(container, ".action-confirm"));
    expect(await screen.findByText("请填写处置部门")).toBeInTheDocument();
    expect(posts(sent)).toHaveLength(0);
    type(container, ".department-input", "市政设施管理处");
    fireEvent.click(el(container, ".action-confirm"));
    await waitFor(() => expect(el(container, ".report-status").textContent).toBe("处置中"));
    expect(posts(sent)[0]).toMatchObject({ path: `${CASE_PATH}/dispatch`, body: { department: "市政设施管理处" } });
  });

  it("resolves with a note and an uploaded after-photo", async () => {
    vi.spyOn(Taro, "chooseMedia").mockResolvedValue({ tempFiles: [{ tempFilePath: "blob:after-1" }] });
    const upload = vi.spyOn(Taro, "uploadFile").mockImplementation(() => {
      const answer = Promise.resolve({
        statusCode: 201,
        data: JSON.stringify({ id: "up-9", url: "/api/v1/uploads/up-9/content?sig=2", contentType: "image/jpeg", size: 1000 }),
      });
      return Object.assign(answer, { onProgressUpdate: (cb: (r: { progress: number }) => void) => cb({ progress: 40 }) });
    });
    const { sent, container } = await openCase(staffCase({ status: "dispatched", department: "姑苏区城管执法大队" }), (_r, c) => ({
      ...c,
      status: "resolved" as const,
    }));
    fireEvent.click(el(container, ".action-resolve"));
    fireEvent.click(el(container, ".action-confirm"));
    expect(await screen.findByText("请填写处理结果")).toBeInTheDocument();
    type(container, ".resolve-note", "已清除小广告");
    fireEvent.click(el(container, ".resolve-add-photo"));
    await waitFor(() => expect(container.querySelector(".after-photo--done")).not.toBeNull());
    expect(upload).toHaveBeenCalledWith(expect.objectContaining({ url: "/api/v1/uploads", filePath: "blob:after-1", name: "file" }));
    expect(upload.mock.calls[0]?.[0].header?.Authorization).toBe("Bearer token-resident-moderator");
    fireEvent.click(el(container, ".action-confirm"));
    await waitFor(() => expect(el(container, ".report-status").textContent).toBe("已处理"));
    expect(posts(sent)[0]).toMatchObject({ path: `${CASE_PATH}/resolve`, body: { reply: "已清除小广告", photoIds: ["up-9"] } });
  });

  it("rejects only with a reason, and sends it", async () => {
    const { sent, container } = await openCase(staffCase(), (_r, c) => ({
      ...c,
      status: "rejected" as const,
      rejectReason: "not_responsible" as const,
    }));
    fireEvent.click(el(container, ".action-reject"));
    fireEvent.click(el(container, ".action-confirm"));
    expect(await screen.findByText("请选择不予立案的原因")).toBeInTheDocument();
    expect(posts(sent)).toHaveLength(0);
    fireEvent.click(el(container, ".reject-reason-not_responsible"));
    fireEvent.click(el(container, ".action-confirm"));
    await waitFor(() => expect(el(container, ".report-status").textContent).toBe("不予立案"));
    expect(posts(sent)[0]).toMatchObject({ path: `${CASE_PATH}/reject`, body: { reason: "not_responsible" } });
    expect(el(container, ".report-reject-reason").textContent).toContain("不属于城管职责");
  });

  it("offers nearby open cases of the same category as the original to merge into; a tap fills the id", async () => {
    mergeCandidatesBody = {
      candidates: [
        {
          id: CASE_ID,
          categoryName: "牛皮癣小广告",
          status: "submitted",
          description: null,
          distanceM: 0,
          followers: 0,
          following: false,
          mine: false,
          createdAt: "2026-11-26T02:00:00.000Z",
        },
        {
          id: "c-original",
          categoryName: "牛皮癣小广告",
          status: "accepted",
          description: "电线杆上的小广告",
          distanceM: 18,
          followers: 3,
          following: false,
          mine: false,
          createdAt: "2026-11-25T02:00:00.000Z",
        },
      ],
    };
    const { sent, container } = await openCase(staffCase());
    fireEvent.click(el(container, ".action-merge"));
    await waitFor(() => expect(container.querySelectorAll(".merge-candidate")).toHaveLength(1));
    const query = sent.find((r) => r.path === "/api/v1/reports/duplicates")?.query;
    expect(query?.get("category")).toBe(staffCase().category.code);
    expect(query?.get("lat")).toBe(String(staffCase().location.lat));
    expect(el(container, ".merge-candidate").textContent).toContain("相距18米");
    fireEvent.click(el(container, ".merge-candidate"));
    expect((el(container, ".merge-into") as HTMLInputElement).value).toBe("c-original");
    fireEvent.click(el(container, ".action-confirm"));
    await waitFor(() => expect(posts(sent)[0]).toMatchObject({ path: `${CASE_PATH}/merge`, body: { into: "c-original" } }));
    mergeCandidatesBody = { candidates: [] };
  });

  it("merges into an original id, checking it first and showing the server's field message", async () => {
    const { sent, container } = await openCase(staffCase(), () => ({
      statusCode: 422,
      data: {
        error: {
          code: "validation_failed",
          message: "the original report does not exist",
          details: [{ path: "into", message: "no such report" }],
        },
      },
    }));
    fireEvent.click(el(container, ".action-merge"));
    type(container, ".merge-into", CASE_ID);
    fireEvent.click(el(container, ".action-confirm"));
    expect(await screen.findByText("不能合并到本案件自身")).toBeInTheDocument();
    type(container, ".merge-into", "not an id!");
    fireEvent.click(el(container, ".action-confirm"));
    expect(await screen.findByText("案件编号只含字母、数字、- 和 _")).toBeInTheDocument();
    expect(posts(sent)).toHaveLength(0);
    type(container, ".merge-into", "c-original");
    fireEvent.click(el(container, ".action-confirm"));
    await waitFor(() => expect(container.querySelector(".field-error-into")?.textContent).toBe("no such report"));
    expect(el(container, ".action-error").textContent).toBe("填写的内容有误，请检查后再提交");
    expect(posts(sent)[0]).toMatchObject({ path: `${CASE_PATH}/merge`, body: { into: "c-original" } });
  });

  it("redacts the public text while the original stays visible to staff", async () => {
    const { sent, container } = await openCase(staffCase(), (req, c) => ({
      ...c,
      description: (req.body as { description: string }).description,
    }));
    fireEvent.click(el(container, ".action-redact"));
    expect((el(container, ".redact-description") as HTMLTextAreaElement).value).toBe("电线杆上贴满小广告");
    type(container, ".redact-description", "电线杆上贴满小广告（电话已隐去）");
    fireEvent.click(el(container, ".action-confirm"));
    await waitFor(() => expect(el(container, ".report-description").textContent).toBe("电线杆上贴满小广告（电话已隐去）"));
    expect(posts(sent)[0]).toMatchObject({ path: `${CASE_PATH}/redact`, body: { description: "电线杆上贴满小广告（电话已隐去）" } });
    expect(el(container, ".report-original").textContent).toBe("电线杆上贴满小广告，电话 138xxxx");
  });

  it("reopens with a reason", async () => {
    const { sent, container } = await openCase(staffCase({ status: "closed" }), (_r, c) => ({ ...c, status: "reopened" as const }));
    fireEvent.click(el(container, ".action-reopen"));
    type(container, ".reopen-reason", "复查发现又有新贴");
    fireEvent.click(el(container, ".action-confirm"));
    await waitFor(() => expect(el(container, ".report-status").textContent).toBe("已重新打开"));
    expect(posts(sent)[0]).toMatchObject({ path: `${CASE_PATH}/reopen`, body: { reason: "复查发现又有新贴" } });
  });

  it("hides a photo with a reason, and shows it again", async () => {
    const { sent, container } = await openCase(staffCase(), (req, c) => ({
      ...c,
      photos: c.photos.map((p) => ({ ...p, hidden: req.path.endsWith("/hide") })),
    }));
    fireEvent.click(el(container, ".photo-hide"));
    fireEvent.click(el(container, ".photo-hide-confirm"));
    expect(await screen.findByText("请填写隐藏原因")).toBeInTheDocument();
    type(container, ".photo-hide-reason", "拍到了行人面部");
    fireEvent.click(el(container, ".photo-hide-confirm"));
    await waitFor(() => expect(container.querySelector(".report-photo--hidden")).not.toBeNull());
    expect(posts(sent)[0]).toMatchObject({ path: `${CASE_PATH}/photos/up-1/hide`, body: { reason: "拍到了行人面部" } });
    fireEvent.click(el(container, ".photo-show"));
    await waitFor(() => expect(container.querySelector(".report-photo--hidden")).toBeNull());
    expect(posts(sent)[1]?.path).toBe(`${CASE_PATH}/photos/up-1/show`);
  });

  it("is closed to residents", async () => {
    saveSession(sessionFor(["resident"]));
    shimState.routerParams = { id: CASE_ID };
    const request = vi.spyOn(Taro, "request");
    render(<ModerationReportPage />);
    expect(await screen.findByText("此页面仅限城管局工作人员（管理员）使用")).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });
});

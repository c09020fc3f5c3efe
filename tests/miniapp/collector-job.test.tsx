import type { CollectorJob } from "@civic/shared";
import { fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jobConflictMessage } from "../../miniapp/src/packages/collector/api";
import { monthDay } from "../../miniapp/src/packages/collector/format";
import CollectorJobPage from "../../miniapp/src/packages/collector/job/index";
import { checkTaken, takenFromBooking } from "../../miniapp/src/packages/collector/job/taken";
import { saveSession } from "../../miniapp/src/services/session";
import { catalogue, heldJob, jobList, TODAY, TOMORROW } from "./collector-fixtures";
import { apiError, ok, type SentRequest, sessionFor, stubApi } from "./fixtures";
import Taro, { shimState } from "./shims/taro";

const JOB_PATH = "/api/v1/collector/jobs/job-held-1";
type Answer = { statusCode: number; data: unknown };

const el = (root: ParentNode, cls: string) => {
  const found = root.querySelector(cls);
  if (!found) throw new Error(`no ${cls}`);
  return found as HTMLElement;
};
const type = (root: ParentNode, cls: string, value: string) => fireEvent.change(el(root, cls), { target: { value } });
const posts = (sent: SentRequest[]) => sent.filter((r) => r.method === "POST");

/** The camera hands back one photo and the upload answers with an id. */
function stubCamera() {
  vi.spyOn(Taro, "chooseMedia").mockResolvedValue({ tempFiles: [{ tempFilePath: "wxfile://tmp/proof.jpg" }] });
  vi.spyOn(Taro, "uploadFile").mockImplementation(() =>
    Object.assign(
      Promise.resolve({
        statusCode: 201,
        data: JSON.stringify({
          id: "up-proof",
          url: "/api/v1/uploads/up-proof/content?exp=1&sig=x",
          contentType: "image/jpeg",
          size: 2048,
        }),
      }),
      { onProgressUpdate: () => {} },
    ),
  );
}

async function openHeld(job: CollectorJob, onPost: (req: SentRequest) => Answer = () => ok(job)) {
  saveSession(sessionFor(["resident", "collector"]));
  shimState.routerParams = { id: job.id, date: job.date };
  const sent = stubApi((req) => {
    if (req.path === "/api/v1/pickups/items") return ok(catalogue());
    if (req.method === "GET" && req.path === "/api/v1/collector/jobs") return ok(jobList([job]));
    if (req.method === "POST" && req.path.startsWith(JOB_PATH)) return onPost(req);
    return apiError(404, "not_found");
  });
  const view = render(<CollectorJobPage />);
  await waitFor(() => expect(view.container.querySelector(".job-summary")).not.toBeNull());
  return { sent, container: view.container };
}

describe("collector: one held job", () => {
  it("shows who and where, and asks for the date it came from", async () => {
    const { container, sent } = await openHeld(heldJob());
    expect(sent[0]?.query.get("date")).toBe(TOMORROW);
    expect(el(container, ".job-contact__address").textContent).toContain("观前街 128 号");
    expect(el(container, ".job-call").textContent).toContain("13800138000");
    // Before its day, a job can still be given back; the day's work waits for the day (the API says too_early).
    expect(container.querySelector(".job-release")).not.toBeNull();
    expect(container.querySelector(".job-arrive, .job-complete, .job-unable")).toBeNull();
    expect(el(container, ".job-before-day").textContent).toBe(`收运当天（${monthDay(TOMORROW)}）才能标记到达和完成收运`);
  });

  it("shows the resident's photos of the items and, once worked, the outcome photos, through the API's signed URLs", async () => {
    const photo = { id: "up-sofa", url: "/api/v1/uploads/up-sofa/content?exp=1&sig=a" };
    const proof = { id: "up-proof", url: "/api/v1/uploads/up-proof/content?exp=1&sig=b" };
    const outcome = {
      status: "completed" as const,
      at: "2026-11-30T03:00:00.000Z",
      taken: [{ code: "sofa", name: "沙发", qty: 1, recyclable: true, kg: 30 }],
      recycledKg: { furniture: 30 },
      unableReason: null,
      note: null,
      photoIds: [proof.id],
      photos: [proof],
    };
    const srcs = (root: ParentNode, cls: string) =>
      [...root.querySelectorAll(`${cls} .report-photo__image`)].map((i) => i.getAttribute("src"));
    const { container } = await openHeld(heldJob({ status: "arrived", date: TODAY, photos: [photo] }), () =>
      ok(heldJob({ status: "completed", date: TODAY, photos: [photo], outcome, version: 4 })),
    );
    expect(srcs(container, ".job-photos")).toEqual([expect.stringMatching(/\/api\/v1\/uploads\/up-sofa\/content\?exp=1&sig=a$/)]);
    expect(container.querySelector(".job-outcome-photos")).toBeNull();
    stubCamera();
    fireEvent.click(el(container, ".job-complete"));
    type(container, ".taken-line-sofa .taken-kg", "30");
    fireEvent.click(el(container, ".job-add-photo"));
    await waitFor(() => expect(container.querySelector(".job-photo--done")).not.toBeNull());
    fireEvent.click(el(container, ".complete-submit"));
    await waitFor(() => expect(srcs(container, ".job-outcome-photos")).toHaveLength(1));
    expect(srcs(container, ".job-outcome-photos")[0]).toMatch(/\/api\/v1\/uploads\/up-proof\/content\?exp=1&sig=b$/);
  });

  it("arrives: POST arrive, then shows the new status", async () => {
    const { container, sent } = await openHeld(heldJob({ date: TODAY }), () => ok(heldJob({ status: "arrived", date: TODAY, version: 3 })));
    fireEvent.click(el(container, ".job-arrive"));
    await waitFor(() => expect(el(container, ".job-status").textContent).toBe("回收员已到达"));
    expect(posts(sent)[0]?.path).toBe(`${JOB_PATH}/arrive`);
    expect(container.querySelector(".job-arrive")).toBeNull();
  });

  it("requires the kg of every recyclable item before it submits a completion", async () => {
    stubCamera();
    const { container, sent } = await openHeld(heldJob({ status: "arrived", date: TODAY }), () =>
      ok(heldJob({ status: "completed", date: TODAY, version: 4 })),
    );
    fireEvent.click(el(container, ".job-complete"));
    // Pre-filled from the booking.
    expect([...container.querySelectorAll(".taken-line__name")].map((n) => n.textContent)).toEqual(["沙发", "装修垃圾袋"]);
    expect((el(container, ".taken-line-sofa .taken-qty") as HTMLInputElement).value).toBe("1");
    // Only the recyclable line asks for a weight.
    expect(container.querySelector(".taken-line-reno_bag .taken-kg")).toBeNull();
    fireEvent.click(el(container, ".job-add-photo"));
    await waitFor(() => expect(container.querySelector(".job-photo--done")).not.toBeNull());
    fireEvent.click(el(container, ".complete-submit"));
    await waitFor(() => expect(container.querySelector(".field-error-kg-sofa")).not.toBeNull());
    expect(el(container, ".field-error-kg-sofa").textContent).toContain("称重");
    expect(posts(sent)).toHaveLength(0);

    type(container, ".taken-line-sofa .taken-kg", "35.5");
    // Corrected: the line's error goes away before the next submit.
    expect(container.querySelector(".field-error-kg-sofa")).toBeNull();
    type(container, ".taken-line-reno_bag .taken-qty", "3");
    // Another catalogue item, recyclable: it needs its weight too.
    fireEvent.click(el(container, ".taken-add"));
    await waitFor(() => expect(container.querySelector(".taken-add-fridge")).not.toBeNull());
    fireEvent.click(el(container, ".taken-add-fridge"));
    fireEvent.click(el(container, ".complete-submit"));
    await waitFor(() => expect(container.querySelector(".field-error-kg-fridge")).not.toBeNull());
    expect(posts(sent)).toHaveLength(0);
    type(container, ".taken-line-fridge .taken-kg", "48");
    fireEvent.click(el(container, ".complete-submit"));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0]?.path).toBe(`${JOB_PATH}/complete`);
    expect(posts(sent)[0]?.body).toEqual({
      taken: [
        { code: "sofa", qty: 1, kg: 35.5 },
        { code: "reno_bag", qty: 3 },
        { code: "fridge", qty: 1, kg: 48 },
      ],
      photoIds: ["up-proof"],
    });
    await waitFor(() => expect(container.querySelector(".job-done")?.textContent).toContain("本次收运已完成"));
  });

  it("does not complete without a photo", async () => {
    const { container, sent } = await openHeld(heldJob({ status: "arrived", date: TODAY }));
    fireEvent.click(el(container, ".job-complete"));
    type(container, ".taken-line-sofa .taken-kg", "30");
    fireEvent.click(el(container, ".complete-submit"));
    await waitFor(() => expect(container.querySelector(".field-error-photos")).not.toBeNull());
    expect(posts(sent)).toHaveLength(0);
  });

  it("reports unable only with a reason and a photo", async () => {
    stubCamera();
    const { container, sent } = await openHeld(heldJob({ date: TODAY }), () => ok(heldJob({ status: "unable", date: TODAY, version: 3 })));
    // On the day itself, no release.
    expect(container.querySelector(".job-release")).toBeNull();
    fireEvent.click(el(container, ".job-unable"));
    expect([...container.querySelectorAll(".unable-reason")].map((c) => c.textContent)).toEqual([
      "物品未按约放置",
      "无法进入小区/楼栋",
      "物品与预约不符",
      "其他原因",
    ]);
    fireEvent.click(el(container, ".unable-reason-no_access"));
    type(container, ".unable-note", "门禁无人应答");
    fireEvent.click(el(container, ".unable-submit"));
    await waitFor(() => expect(el(container, ".field-error-photos").textContent).toBe("请拍一张现场照片作为凭证"));
    expect(posts(sent)).toHaveLength(0);

    fireEvent.click(el(container, ".job-add-photo"));
    await waitFor(() => expect(container.querySelector(".job-photo--done")).not.toBeNull());
    fireEvent.click(el(container, ".unable-submit"));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0]?.path).toBe(`${JOB_PATH}/unable`);
    expect(posts(sent)[0]?.body).toEqual({ reason: "no_access", note: "门禁无人应答", photoIds: ["up-proof"] });
    await waitFor(() => expect(el(container, ".job-status").textContent).toBe("未能收运"));
  });

  it("releases before the day with a reason; the job is open again", async () => {
    const { container, sent } = await openHeld(heldJob(), () => ok(heldJob({ status: "booked", mine: false, contact: null, version: 3 })));
    fireEvent.click(el(container, ".job-release"));
    fireEvent.click(el(container, ".release-submit"));
    expect(el(container, ".field-error-reason").textContent).toBe("请填写退单原因");
    type(container, ".release-reason", "车辆故障");
    fireEvent.click(el(container, ".release-submit"));
    await waitFor(() => expect(container.querySelector(".job-released")).not.toBeNull());
    expect(posts(sent)[0]?.body).toEqual({ reason: "车辆故障" });
    expect(container.querySelector(".job-contact")).toBeNull();
  });

  it("on a 409 explains and reloads the job", async () => {
    let gets = 0;
    const { container, sent } = await openHeld(heldJob({ date: TODAY }), () => ({
      statusCode: 409,
      data: { error: { code: "conflict", message: "changed", details: { reason: "illegal_transition" } } },
    }));
    gets = sent.filter((r) => r.method === "GET").length;
    fireEvent.click(el(container, ".job-arrive"));
    await waitFor(() => expect(container.querySelector(".job-action-error")?.textContent).toBe("该任务状态已变化，已为您刷新"));
    await waitFor(() => expect(sent.filter((r) => r.method === "GET").length).toBe(gets + 1));
  });

  it("says the day has not come when the API answers too_early (the phone's clock was ahead)", () => {
    const tooEarly = { ok: false as const, kind: "http" as const, status: 409, message: "x", details: { reason: "too_early" } };
    expect(jobConflictMessage(tooEarly, "work")).toBe("还没到收运日期，收运当天才能操作");
  });
});

describe("collector: what was taken (pure rules)", () => {
  it("needs a positive weight for recyclable lines and refuses bad quantities", () => {
    const lines = takenFromBooking(heldJob());
    const r = checkTaken(lines);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(["kg-sofa"]);
    const bad = checkTaken([
      { ...lines[0]!, kg: "-2" },
      { ...lines[1]!, qty: "0" },
    ]);
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(["kg-sofa", "qty-reno_bag"]);
    expect(checkTaken([])).toEqual({ ok: false, errors: { taken: "请至少填写一件实际收走的物品" } });
  });
});

import { fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import CollectorJobsPage from "../../miniapp/src/packages/collector/jobs/index";
import MePage from "../../miniapp/src/pages/me/index";
import { saveSession } from "../../miniapp/src/services/session";
import { CONTACT, heldJob, jobList, openJob, TODAY } from "./collector-fixtures";
import { apiError, ok, sessionFor, stubApi, userWith } from "./fixtures";
import Taro from "./shims/taro";

const el = (root: ParentNode, cls: string) => {
  const found = root.querySelector(cls);
  if (!found) throw new Error(`no ${cls}`);
  return found as HTMLElement;
};

async function openJobs(answer: Parameters<typeof stubApi>[0]) {
  saveSession(sessionFor(["resident", "collector"]));
  const sent = stubApi(answer);
  const view = render(<CollectorJobsPage />);
  await waitFor(() => expect(view.container.querySelector(".job-section--open, .state-empty")).not.toBeNull());
  return { sent, container: view.container };
}

describe("collector: 收运任务 (jobs)", () => {
  it("shows an open job's street, window, items and volume, never its contact; my held job with its address", async () => {
    const { container } = await openJobs((req) =>
      req.path === "/api/v1/collector/jobs" ? ok(jobList([openJob(), heldJob()])) : apiError(404, "not_found"),
    );
    const open = el(container, ".job-card--open");
    expect(el(open, ".job-card__street").textContent).toBe("观前街道");
    expect(el(open, ".job-card__when").textContent).toContain("上午 8:00–12:00");
    expect(el(open, ".job-card__items").textContent).toBe("沙发×1、装修垃圾袋×2");
    expect(el(open, ".job-card__volume").textContent).toBe("体积 5 点");
    expect(open.textContent).not.toContain(CONTACT.contactPhone);
    expect(open.textContent).not.toContain(CONTACT.address);
    expect(open.querySelector(".job-card__address")).toBeNull();
    expect(open.querySelector(".job-accept")).not.toBeNull();
    const mine = el(container, ".job-card--mine");
    expect(el(mine, ".job-badge--mine").textContent).toBe("我的任务");
    expect(el(mine, ".job-card__address").textContent).toBe(CONTACT.address);
    expect(mine.querySelector(".job-accept")).toBeNull();
  });

  it("never shows contact details on an open job, even if an answer carried them", async () => {
    const leaky = openJob({ contact: CONTACT });
    const { container } = await openJobs(() => ok(jobList([leaky])));
    expect(el(container, ".job-card--open").textContent).not.toContain(CONTACT.address);
    expect(container.textContent).not.toContain(CONTACT.contactPhone);
  });

  it("asks for one date: today, tomorrow, or all coming days", async () => {
    const { sent, container } = await openJobs(() => ok(jobList([])));
    expect(sent[0]?.query.get("date")).toBeNull();
    fireEvent.click(el(container, ".jobs-today"));
    await waitFor(() => expect(sent.at(-1)?.query.get("date")).toBe(TODAY));
  });

  it("accepts: the card becomes mine with the address", async () => {
    let jobs = [openJob()];
    const { sent, container } = await openJobs((req) => {
      if (req.method === "POST" && req.path === "/api/v1/collector/jobs/job-open-1/accept") {
        jobs = [openJob({ status: "accepted", mine: true, contact: CONTACT, version: 2 })];
        return ok(jobs[0]);
      }
      return ok(jobList(jobs));
    });
    fireEvent.click(el(container, ".job-accept"));
    await waitFor(() => expect(container.querySelector(".job-card--mine")).not.toBeNull());
    expect(el(container, ".job-card__address").textContent).toBe(CONTACT.address);
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(el(container, ".job-notice--ok").textContent).toContain("接单成功");
  });

  it("on 409 says 已被其他回收员接单 and refreshes the list", async () => {
    const toast = vi.spyOn(Taro, "showToast");
    let taken = false;
    const { sent, container } = await openJobs((req) => {
      if (req.method === "POST") {
        taken = true;
        return {
          statusCode: 409,
          data: { error: { code: "conflict", message: "another collector has this job", details: { reason: "illegal_transition" } } },
        };
      }
      return ok(jobList(taken ? [] : [openJob()]));
    });
    const getsBefore = sent.filter((r) => r.method === "GET").length;
    fireEvent.click(el(container, ".job-accept"));
    await waitFor(() => expect(el(container, ".job-notice--error").textContent).toBe("已被其他回收员接单"));
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: "已被其他回收员接单" }));
    await waitFor(() => expect(sent.filter((r) => r.method === "GET").length).toBe(getsBefore + 1));
    await waitFor(() => expect(container.querySelector(".job-card--open")).toBeNull());
    expect(el(container, ".state-empty").textContent).toBe("您服务的街道暂时没有待接的预约");
    expect(el(container, ".job-notice--error").textContent).toBe("已被其他回收员接单");
  });

  it("tells a non-collector the page is for collectors and sends nothing", async () => {
    saveSession(sessionFor(["resident"]));
    const sent = stubApi(() => ok(jobList([])));
    const { container } = render(<CollectorJobsPage />);
    await waitFor(() => expect(container.querySelector(".error-message")?.textContent).toBe("此页面仅限回收员使用，请联系城管局开通"));
    expect(sent).toHaveLength(0);
  });

  it("shows an error with retry when the list fails", async () => {
    saveSession(sessionFor(["resident", "collector"]));
    let fail = true;
    stubApi(() => (fail ? "network-error" : ok(jobList([openJob()]))));
    const { container } = render(<CollectorJobsPage />);
    await waitFor(() => expect(container.querySelector(".retry-button")).not.toBeNull());
    fail = false;
    fireEvent.click(el(container, ".retry-button"));
    await waitFor(() => expect(container.querySelector(".job-card--open")).not.toBeNull());
  });
});

describe("我的: the role entries (collector, volunteer, the staff pickup desk)", () => {
  it("is shown to collectors only", async () => {
    let roles: Parameters<typeof userWith>[0] = ["resident", "collector"];
    stubApi((req) => (req.path === "/api/v1/me" ? ok(userWith(roles)) : "network-error"));
    saveSession(sessionFor(roles));
    const { container, unmount } = render(<MePage />);
    await waitFor(() => expect(container.querySelector(".collector-entry")).not.toBeNull());
    unmount();
    roles = ["resident"];
    saveSession(sessionFor(roles));
    const again = render(<MePage />);
    await waitFor(() => expect(again.container.querySelector(".my-reports-entry")).not.toBeNull());
    expect(again.container.querySelector(".collector-entry")).toBeNull();
  });

  it("shows 小蜜蜂 checks to volunteers and the reward desk to staff only", async () => {
    let roles: Parameters<typeof userWith>[0] = ["resident", "volunteer"];
    stubApi((req) => (req.path === "/api/v1/me" ? ok(userWith(roles)) : "network-error"));
    saveSession(sessionFor(roles));
    const volunteer = render(<MePage />);
    await waitFor(() => expect(volunteer.container.querySelector(".volunteer-entry")).not.toBeNull());
    expect(volunteer.container.querySelector(".rewards-desk-entry")).toBeNull();
    volunteer.unmount();
    roles = ["resident", "moderator"];
    saveSession(sessionFor(roles));
    const staff = render(<MePage />);
    await waitFor(() => expect(staff.container.querySelector(".rewards-desk-entry")).not.toBeNull());
    expect(staff.container.querySelector(".volunteer-entry")).toBeNull();
    const navigate = vi.spyOn(Taro, "navigateTo");
    fireEvent.click(staff.container.querySelector(".rewards-desk-entry") as Element);
    expect(navigate).toHaveBeenLastCalledWith({ url: "/packages/rewards-admin/desk/index" });
    navigate.mockRestore();
  });
});

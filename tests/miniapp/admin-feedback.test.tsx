import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import ToiletFeedbackAdminPage from "../../miniapp/src/packages/admin/toilet-feedback/index";
import { saveSession } from "../../miniapp/src/services/session";
import { feedbackItem, ok, sessionFor, stubApi } from "./fixtures";
import Taro from "./shims/taro";

describe("admin: residents' toilet feedback", () => {
  it("needs a login", () => {
    const { container } = render(<ToiletFeedbackAdminPage />);
    expect(container.querySelector(".state-needs-login")).not.toBeNull();
  });

  it("is closed to non-admins without asking the server", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    const request = vi.spyOn(Taro, "request");
    render(<ToiletFeedbackAdminPage />);
    expect(await screen.findByText("此页面仅限系统管理员使用")).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it("lists open feedback and marks one handled with a note, changing nothing else", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) =>
      req.method === "GET"
        ? ok({ feedback: [feedbackItem(), feedbackItem({ id: "f-2", kind: "wrong_info", note: "" })] })
        : ok(feedbackItem({ status: "resolved", resolutionNote: "已更新开放时间" })),
    );
    const { container } = render(<ToiletFeedbackAdminPage />);
    await waitFor(() => expect(container.querySelectorAll(".feedback-item")).toHaveLength(2));
    expect(sent[0]?.query.get("status")).toBe("open");
    expect(container.querySelector(".feedback-kind-label")?.textContent).toBe("已关闭/无法使用");
    expect(container.querySelector(".feedback-time")?.textContent).toBe("2026-11-20 10:30");

    const firstCard = container.querySelector(".feedback-item") as HTMLElement;
    const resolve = firstCard.querySelector(".resolve-button") as HTMLButtonElement;
    expect(resolve.disabled).toBe(true);
    fireEvent.change(firstCard.querySelector(".resolve-note") as HTMLElement, { target: { value: "已更新开放时间" } });
    fireEvent.click(resolve);
    await waitFor(() => expect(container.querySelectorAll(".feedback-item")).toHaveLength(1));
    const post = sent.find((r) => r.method === "POST");
    expect(post?.path).toBe("/api/v1/admin/toilet-feedback/f-1/resolve");
    expect(post?.body).toEqual({ outcome: "已更新开放时间" });
  });

  it("shows the empty state and switches to resolved feedback", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi(() => ok({ feedback: [] }));
    const { container } = render(<ToiletFeedbackAdminPage />);
    expect(await screen.findByText("没有待处理的反馈")).toBeInTheDocument();
    fireEvent.click(container.querySelector(".status-resolved") as HTMLElement);
    expect(await screen.findByText("还没有已处理的反馈")).toBeInTheDocument();
    expect(sent.at(-1)?.query.get("status")).toBe("resolved");
  });
});

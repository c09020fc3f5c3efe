import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import AdminToiletEditPage from "../../miniapp/src/packages/admin/toilets/edit";
import AdminToiletsPage from "../../miniapp/src/packages/admin/toilets/index";
import { saveSession } from "../../miniapp/src/services/session";
import { toiletRow, validation } from "./admin-fixtures";
import { apiError, detailOf, ok, sessionFor, stubApi } from "./fixtures";
import Taro, { shimState } from "./shims/taro";

const detail = (over: Record<string, unknown> = {}) => ({ ...detailOf({ id: "t-1" }), ...over });

describe("admin console: the toilet catalogue", () => {
  it("searches by text, district and state, and pages on with the cursor", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) =>
      req.query.get("cursor")
        ? ok({ toilets: [toiletRow({ id: "t-3", name: "第三座公厕", active: false, deactivatedReason: "拆除" })], nextCursor: null })
        : ok({ toilets: [toiletRow(), toiletRow({ id: "t-2", name: "平江路公厕" })], nextCursor: "c1" }),
    );
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<AdminToiletsPage />);
    expect(container.querySelector(".state-loading")).not.toBeNull();
    await waitFor(() => expect(container.querySelectorAll(".toilet-row")).toHaveLength(2));
    fireEvent.click(container.querySelector(".load-more") as HTMLElement);
    await waitFor(() => expect(container.querySelectorAll(".toilet-row")).toHaveLength(3));
    expect(sent.at(-1)?.query.get("cursor")).toBe("c1");
    expect(container.querySelector(".load-more")).toBeNull();
    expect(container.querySelector(".toilet-row.is-inactive .toilet-row__state")?.textContent).toBe("已停用：拆除");

    fireEvent.change(container.querySelector(".toilet-search-input") as HTMLElement, { target: { value: "平江" } });
    fireEvent.click(container.querySelector(".toilet-search-button") as HTMLElement);
    fireEvent.click(container.querySelector(".active-false") as HTMLElement);
    fireEvent.click(container.querySelector(".district-gusu") as HTMLElement);
    await waitFor(() => expect(sent.at(-1)?.query.get("district")).toBe("姑苏区"));
    expect(sent.at(-1)?.query.get("q")).toBe("平江");
    expect(sent.at(-1)?.query.get("active")).toBe("false");
    await waitFor(() => expect(container.querySelectorAll(".toilet-row")).toHaveLength(2));
    fireEvent.click(container.querySelector(".toilet-row") as HTMLElement);
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/admin/toilets/edit?id=t-1" });
  });

  it("shows the empty and error states", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    stubApi(() => ok({ toilets: [], nextCursor: null }));
    const empty = render(<AdminToiletsPage />);
    expect(await screen.findByText("没有符合条件的公厕")).toBeInTheDocument();
    empty.unmount();
    stubApi(() => apiError(403, "forbidden"));
    render(<AdminToiletsPage />);
    expect(await screen.findByText("此页面仅限系统管理员使用")).toBeInTheDocument();
  });

  it("edits a toilet, sending only what changed, and shows a 422 under its field", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    shimState.routerParams = { id: "t-1" };
    let reject = true;
    const sent = stubApi((req) => {
      if (req.method === "GET") return ok(detail());
      if (reject) return validation([{ path: "stalls", message: "Too big: expected number to be <=500" }]);
      return ok(detail({ stalls: 20, accessible: false, updatedAt: "2026-11-30T00:00:00.000Z" }));
    });
    const { container } = render(<AdminToiletEditPage />);
    await waitFor(() => expect(container.querySelector(".toilet-form")).not.toBeNull());
    expect(sent[0]?.path).toBe("/api/v1/toilets/t-1");
    fireEvent.change(container.querySelector(".toilet-stalls") as HTMLElement, { target: { value: "900" } });
    fireEvent.click(container.querySelector(".toilet-save") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".field-error-stalls")?.textContent).toContain("500"));
    reject = false;
    fireEvent.change(container.querySelector(".toilet-stalls") as HTMLElement, { target: { value: "20" } });
    fireEvent.click(container.querySelector("input.toilet-accessible") as HTMLElement);
    fireEvent.click(container.querySelector(".toilet-save") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".field-error-stalls")).toBeNull());
    expect(sent.filter((r) => r.method === "PATCH").at(-1)?.body).toEqual({ stalls: 20, accessible: false });
  });

  it("pauses a toilet until a date (the temporary-closure contract) and reopens it", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    shimState.routerParams = { id: "t-1" };
    const sent = stubApi((req) => {
      if (req.method === "GET") return ok(detail());
      if (req.method === "POST") return ok(detail({ temporaryClosure: { until: "2026-12-20", reason: "管道维修" } }));
      return ok(detail({ temporaryClosure: null }));
    });
    const { container } = render(<AdminToiletEditPage />);
    await waitFor(() => expect(container.querySelector(".closure-start")).not.toBeNull());
    expect((container.querySelector(".closure-start") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(container.querySelector(".closure-until") as HTMLElement, { target: { value: "2026-12-20" } });
    fireEvent.change(container.querySelector(".closure-reason") as HTMLElement, { target: { value: "管道维修" } });
    fireEvent.click(container.querySelector(".closure-start") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".closure-current__text")?.textContent).toBe("暂停开放至 2026-12-20：管道维修"));
    const post = sent.find((r) => r.method === "POST");
    expect(post?.path).toBe("/api/v1/admin/toilets/t-1/temporary-closure");
    expect(post?.body).toEqual({ until: "2026-12-20", reason: "管道维修" });
    fireEvent.click(container.querySelector(".closure-end") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".closure-start")).not.toBeNull());
    expect(sent.find((r) => r.method === "DELETE")?.path).toBe("/api/v1/admin/toilets/t-1/temporary-closure");
  });

  it("shows the closure's 422 under the date and deactivates only after confirming", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    shimState.routerParams = { id: "t-1" };
    const sent = stubApi((req) => {
      if (req.method === "GET") return ok(detail());
      if (req.path.endsWith("/temporary-closure")) return validation([{ path: "until", message: "must be a future date" }]);
      return ok(detail({ active: false, deactivatedReason: "已拆除" }));
    });
    const modal = vi.spyOn(Taro, "showModal");
    const { container } = render(<AdminToiletEditPage />);
    await waitFor(() => expect(container.querySelector(".closure-start")).not.toBeNull());
    fireEvent.change(container.querySelector(".closure-until") as HTMLElement, { target: { value: "2020-01-01" } });
    fireEvent.change(container.querySelector(".closure-reason") as HTMLElement, { target: { value: "维修" } });
    fireEvent.click(container.querySelector(".closure-start") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".field-error-until")?.textContent).toBe("must be a future date"));
    fireEvent.change(container.querySelector(".retire-reason") as HTMLElement, { target: { value: "已拆除" } });
    fireEvent.click(container.querySelector(".retire-button") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".toilet-inactive-note")?.textContent).toBe("已停用：已拆除"));
    expect(modal).toHaveBeenCalledTimes(2);
    expect(sent.find((r) => r.path.endsWith("/deactivate"))?.body).toEqual({ reason: "已拆除" });
  });
});

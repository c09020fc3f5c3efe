import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import PickupSlotsPage from "../../miniapp/src/packages/pickups-admin/slots/index";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import { CANGLANG, conflict, PINGJIANG, slot } from "./pickups-admin-fixtures";
import Taro from "./shims/taro";

/* 收运时段: the slot list and its filters, per-slot capacity edits with the 409 explained, slots in bulk. */

const change = (el: Element | null, value: string) => fireEvent.change(el as HTMLElement, { target: { value } });
const click = (el: Element | null) => fireEvent.click(el as HTMLElement);

describe("bureau: 收运时段", () => {
  it("is for admins only: a moderator is turned away without a request", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    const request = vi.spyOn(Taro, "request");
    render(<PickupSlotsPage />);
    expect(await screen.findByText("此页面仅限系统管理员使用")).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it("lists a district's slots, then one street's for a typed range; a bad range is explained", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) =>
      req.method === "GET"
        ? ok({ slots: req.query.get("street") ? [] : [slot(), slot({ id: "s-2", window: "pm", bookedPoints: 20, remaining: 0 })] })
        : ok({}),
    );
    const { container } = render(<PickupSlotsPage />);
    expect(container.querySelector(".state-loading")).not.toBeNull();
    await waitFor(() => expect(container.querySelectorAll(".slot-row")).toHaveLength(2));
    expect(sent[0]?.query.get("district")).toBe("320508");
    expect(sent[0]?.query.get("street")).toBeNull();
    expect(container.querySelector(".slot-s-1 .slot-row__street")?.textContent).toBe("姑苏区 · 平江街道");
    expect(container.querySelector(".slot-s-2")?.className).toContain("is-full");
    expect(container.querySelector(".slot-s-2 .slot-row__used")?.textContent).toContain("已满");

    change(container.querySelector(".slot-from"), "2026-12-10");
    change(container.querySelector(".slot-to"), "2026-12-05");
    click(container.querySelector(".slot-apply"));
    expect(await screen.findByText("开始日期不能晚于结束日期")).toBeInTheDocument();
    change(container.querySelector(".slot-to"), "2026-12-20");
    click(container.querySelector(".slot-apply"));
    const chips = [...container.querySelectorAll(".slot-street")];
    click(chips.find((c) => c.textContent === "沧浪街道") ?? null);
    expect(await screen.findByText("所选范围内还没有开放的时段，可在下方批量开放")).toBeInTheDocument();
    const last = sent.at(-1);
    expect(last?.query.get("street")).toBe(CANGLANG);
    expect(last?.query.get("from")).toBe("2026-12-10");
    expect(last?.query.get("to")).toBe("2026-12-20");
  });

  it("refuses a capacity below what is booked before asking, and explains the server's 409 below_booked", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) => {
      if (req.method === "GET") return ok({ slots: [slot()] });
      if ((req.body as { capacityPoints: number }).capacityPoints === 14) return conflict("below_booked", { bookedPoints: 15 });
      return ok(slot({ capacityPoints: 30, remaining: 18 }));
    });
    const { container } = render(<PickupSlotsPage />);
    await waitFor(() => expect(container.querySelector(".slot-s-1")).not.toBeNull());
    change(container.querySelector(".slot-s-1 .slot-capacity"), "10");
    click(container.querySelector(".slot-s-1 .slot-save"));
    expect(await screen.findByText("不能低于已预约的 12 点")).toBeInTheDocument();
    expect(sent.some((r) => r.method === "PATCH")).toBe(false);

    // Someone booked meanwhile: the server knows better than the page.
    change(container.querySelector(".slot-s-1 .slot-capacity"), "14");
    click(container.querySelector(".slot-s-1 .slot-save"));
    expect(await screen.findByText("不能低于已预约的 15 点")).toBeInTheDocument();
    expect(sent.find((r) => r.method === "PATCH")?.path).toBe("/api/v1/admin/pickups/slots/s-1");

    change(container.querySelector(".slot-s-1 .slot-capacity"), "30");
    click(container.querySelector(".slot-s-1 .slot-save"));
    await waitFor(() => expect(container.querySelector(".slot-s-1 .slot-row__used")?.textContent).toContain("12 / 30 点"));
    expect(container.querySelector(".slot-row__error")).toBeNull();
  });

  it("creates slots in bulk across districts and shows what was created and skipped", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) => (req.method === "GET" ? ok({ slots: [] }) : ok({ created: 26, skipped: 2 }, 201)));
    const { container } = render(<PickupSlotsPage />);
    await waitFor(() => expect(container.querySelector(".state-empty")).not.toBeNull());
    click(container.querySelector(".bulk-submit"));
    expect(await screen.findByText("请至少选择一个街道")).toBeInTheDocument();

    const streetChip = (name: string) =>
      [...container.querySelectorAll(".bulk-streets .street-chip")].find((c) => c.textContent === name) ?? null;
    click(streetChip("平江街道"));
    click(container.querySelector(".bulk-streets .district-yuanqu"));
    click(container.querySelector(".bulk-streets .street-all"));
    const yuanqu = container.querySelectorAll(".bulk-streets .street-chip.is-active").length;
    expect(yuanqu).toBeGreaterThan(0);
    expect(container.querySelector(".bulk-streets .district-gusu")?.textContent).toBe("姑苏区（1）");
    change(container.querySelector(".bulk-from"), "2026-12-02");
    change(container.querySelector(".bulk-to"), "2026-12-14");
    click(container.querySelector(".bulk-window-pm"));
    change(container.querySelector(".bulk-capacity"), "24");
    click(container.querySelector(".bulk-submit"));
    expect(await screen.findByText("新开放 26 个时段，跳过已存在的 2 个")).toBeInTheDocument();
    const post = sent.find((r) => r.method === "POST");
    expect(post?.path).toBe("/api/v1/admin/pickups/slots");
    const body = post?.body as { streets: string[]; from: string; to: string; windows: string[]; capacityPoints: number };
    expect(body.streets[0]).toBe(PINGJIANG);
    expect(body.streets).toHaveLength(1 + yuanqu);
    expect(body).toMatchObject({ from: "2026-12-02", to: "2026-12-14", windows: ["am"], capacityPoints: 24 });
    // The list reloads after a bulk creation.
    expect(sent.filter((r) => r.method === "GET").length).toBeGreaterThanOrEqual(2);
  });

  it("shows a failed load with a retry, and the server's 422 under the bulk form", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    let fail = true;
    stubApi((req) => {
      if (req.method === "POST")
        return {
          statusCode: 422,
          data: { error: { code: "validation_failed", message: "bad", details: [{ path: "to", message: "at most 92 days" }] } },
        };
      return fail ? apiError(500, "internal") : ok({ slots: [slot()] });
    });
    const { container } = render(<PickupSlotsPage />);
    await waitFor(() => expect(container.querySelector(".state-error")).not.toBeNull());
    fail = false;
    click(container.querySelector(".retry-button"));
    await waitFor(() => expect(container.querySelectorAll(".slot-row")).toHaveLength(1));
    click([...container.querySelectorAll(".bulk-streets .street-chip")][0] ?? null);
    click(container.querySelector(".bulk-submit"));
    expect(await screen.findByText("at most 92 days")).toBeInTheDocument();
    expect(container.querySelector(".bulk-error")?.textContent).toBe("填写的内容有误，请检查后再提交");
  });
});

import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import PickupBlackoutsPage from "../../miniapp/src/packages/pickups-admin/blackouts/index";
import PickupCollectorsPage from "../../miniapp/src/packages/pickups-admin/collectors/index";
import PickupItemsPage from "../../miniapp/src/packages/pickups-admin/items/index";
import { saveSession } from "../../miniapp/src/services/session";
import { validation } from "./admin-fixtures";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import { blackout, CANGLANG, conflict, item, PINGJIANG } from "./pickups-admin-fixtures";
import Taro from "./shims/taro";

/* The bureau's catalogue, blackout dates and collectors' streets: states, edits, and the refusals explained. */

const change = (el: Element | null, value: string) => fireEvent.change(el as HTMLElement, { target: { value } });
const click = (el: Element | null) => fireEvent.click(el as HTMLElement);

describe("bureau: 大件物品目录", () => {
  it("needs a login, and turns a moderator away without a request", async () => {
    const first = render(<PickupItemsPage />);
    expect(first.container.querySelector(".state-needs-login")).not.toBeNull();
    first.unmount();
    saveSession(sessionFor(["resident", "moderator"]));
    const request = vi.spyOn(Taro, "request");
    render(<PickupItemsPage />);
    expect(await screen.findByText("此页面仅限系统管理员使用")).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it("shows the empty catalogue, adds an item, and shows a 422 under its field", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    let attempt = 0;
    const sent = stubApi((req) => {
      if (req.method === "GET") return ok({ items: [] });
      attempt++;
      return attempt === 1
        ? validation([{ path: "volumePoints", message: "Too small: expected number to be >=1" }])
        : ok(item({ code: "sofa", name: "沙发", category: "furniture", note: null }), 201);
    });
    const { container } = render(<PickupItemsPage />);
    expect(await screen.findByText("目录中还没有物品，点击“新增物品”添加")).toBeInTheDocument();
    click(container.querySelector(".item-add"));
    change(container.querySelector(".item-code"), "sofa");
    change(container.querySelector(".item-name"), "沙发");
    change(container.querySelector(".item-maxPerBooking"), "2");
    change(container.querySelector(".item-volumePoints"), "0");
    click(container.querySelector(".item-recyclable-yes"));
    click(container.querySelector(".item-save"));
    expect(await screen.findByText("Too small: expected number to be >=1")).toBeInTheDocument();
    expect(container.querySelector(".field-error-volumePoints")).not.toBeNull();
    change(container.querySelector(".item-volumePoints"), "3");
    click(container.querySelector(".item-save"));
    await waitFor(() => expect(container.querySelector(".item-sofa")).not.toBeNull());
    expect(sent.filter((r) => r.method === "POST").at(-1)?.body).toEqual({
      code: "sofa",
      name: "沙发",
      category: "furniture",
      maxPerBooking: 2,
      recyclable: true,
      volumePoints: 3,
      note: null,
    });
  });

  it("edits an item: retires it and changes its note; the code cannot change", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) => (req.method === "GET" ? ok({ items: [item()] }) : ok(item({ active: false, note: "请先断电" }))));
    const { container } = render(<PickupItemsPage />);
    await waitFor(() => expect(container.querySelector(".item-fridge")).not.toBeNull());
    expect(container.querySelector(".item-fridge .item-row__flags")?.textContent).toBe("可回收");
    click(container.querySelector(".item-fridge"));
    expect(container.querySelector(".item-code")).toBeNull();
    change(container.querySelector(".item-note"), "请先断电");
    click(container.querySelector(".item-active-no"));
    click(container.querySelector(".item-save"));
    await waitFor(() => expect(container.querySelector(".item-fridge")?.className).toContain("is-inactive"));
    const patch = sent.find((r) => r.method === "PATCH");
    expect(patch?.path).toBe("/api/v1/admin/pickups/items/fridge");
    expect(patch?.body).toMatchObject({ note: "请先断电", active: false, volumePoints: 4 });
  });

  it("explains a duplicate code (409)", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    stubApi((req) => (req.method === "GET" ? ok({ items: [item()] }) : apiError(409, "conflict", "an item with this code exists")));
    const { container } = render(<PickupItemsPage />);
    await waitFor(() => expect(container.querySelector(".item-fridge")).not.toBeNull());
    click(container.querySelector(".item-add"));
    change(container.querySelector(".item-code"), "fridge");
    change(container.querySelector(".item-name"), "冰柜");
    click(container.querySelector(".item-save"));
    expect(await screen.findByText("该编码已被其他物品使用，请换一个编码")).toBeInTheDocument();
  });
});

describe("bureau: 停收日期", () => {
  it("lists, adds and deletes (after confirmation) blackout dates", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) => {
      if (req.method === "GET") return ok({ blackouts: [blackout()] });
      if (req.method === "POST") return ok(blackout({ date: "2027-02-05", reason: "除夕" }), 201);
      return { statusCode: 204, data: "" };
    });
    const modal = vi.spyOn(Taro, "showModal").mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: "showModal:ok" });
    const { container } = render(<PickupBlackoutsPage />);
    await waitFor(() => expect(container.querySelectorAll(".blackout-row")).toHaveLength(1));
    change(container.querySelector(".blackout-date"), "2027-2-5");
    change(container.querySelector(".blackout-reason"), "除夕");
    click(container.querySelector(".blackout-add"));
    expect(await screen.findByText("请按 2026-02-17 的格式填写日期")).toBeInTheDocument();
    change(container.querySelector(".blackout-date"), "2027-02-05");
    click(container.querySelector(".blackout-add"));
    await waitFor(() => expect(container.querySelectorAll(".blackout-row")).toHaveLength(2));
    expect([...container.querySelectorAll(".blackout-row__date")].map((e) => e.textContent)).toEqual(["2027-02-05", "2027-02-06"]);
    expect(sent.find((r) => r.method === "POST")?.body).toEqual({ date: "2027-02-05", reason: "除夕" });

    click(container.querySelector(".blackout-2027-02-06 .blackout-remove"));
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(sent.some((r) => r.method === "DELETE")).toBe(false);
    click(container.querySelector(".blackout-2027-02-06 .blackout-remove"));
    await waitFor(() => expect(container.querySelectorAll(".blackout-row")).toHaveLength(1));
    expect(sent.find((r) => r.method === "DELETE")?.path).toBe("/api/v1/admin/pickups/blackouts/2027-02-06");
  });

  it("explains a date that already holds bookings (409 has_bookings), and shows the empty state", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    stubApi((req) => (req.method === "GET" ? ok({ blackouts: [] }) : conflict("has_bookings", { bookings: 3 })));
    const { container } = render(<PickupBlackoutsPage />);
    expect(await screen.findByText("还没有停收日期")).toBeInTheDocument();
    change(container.querySelector(".blackout-date"), "2026-12-24");
    change(container.querySelector(".blackout-reason"), "道路施工");
    click(container.querySelector(".blackout-add"));
    expect(await screen.findByText("该日已有 3 个有效预约，不能设为停收日；请先联系居民改约或取消后再试")).toBeInTheDocument();
    expect(container.querySelectorAll(".blackout-row")).toHaveLength(0);
  });
});

describe("bureau: 回收员服务街道", () => {
  const collector = { userId: "0190a1b2-0000-7000-8000-0000000000c1", nickname: "王师傅", streets: [PINGJIANG] };
  const other = { userId: "0190a1b2-0000-7000-8000-0000000000c2", nickname: "李师傅", streets: [] };

  it("lists the collectors from the collectors route, narrows them by name, shows a collector's streets and replaces them", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) => {
      if (req.path === "/api/v1/admin/pickups/collectors") return ok({ collectors: [collector, other] });
      return ok({ userId: collector.userId, streets: (req.body as { streets: string[] }).streets });
    });
    const { container } = render(<PickupCollectorsPage />);
    await waitFor(() => expect(container.querySelectorAll(".collector-row")).toHaveLength(2));
    expect(container.querySelector(".collector-row__streets")?.textContent).toBe("服务 1 个街道");
    change(container.querySelector(".collector-search-input"), "王");
    click(container.querySelector(".collector-search-button"));
    await waitFor(() => expect(container.querySelectorAll(".collector-row")).toHaveLength(1));
    // Neither the users search nor the audit log is read any more.
    expect(sent.map((r) => r.path)).toEqual(["/api/v1/admin/pickups/collectors"]);
    click(container.querySelector(".collector-row"));
    await waitFor(() => expect(container.querySelector(".collector-streets-current")?.textContent).toBe("姑苏区 · 平江街道"));
    const chip = (name: string) =>
      [...container.querySelectorAll(".collector-streets .street-chip")].find((c) => c.textContent === name) ?? null;
    await waitFor(() => expect(chip("平江街道")?.className).toContain("is-active"));
    click(chip("沧浪街道"));
    click(container.querySelector(".collector-save"));
    await waitFor(() =>
      expect(container.querySelector(".collector-streets-current")?.textContent).toBe("姑苏区 · 平江街道、姑苏区 · 沧浪街道"),
    );
    expect(container.querySelector(".collector-row__streets")?.textContent).toBe("服务 2 个街道");
    const put = sent.find((r) => r.method === "PUT");
    expect(put?.path).toBe(`/api/v1/admin/pickups/collectors/${collector.userId}/streets`);
    expect(put?.body).toEqual({ streets: [PINGJIANG, CANGLANG] });
  });

  it("says how to get a collector when there is none, and shows the server's refusal of a non-collector", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    let collectors: (typeof other)[] = [];
    stubApi((req) => {
      if (req.path === "/api/v1/admin/pickups/collectors") return ok({ collectors });
      return validation([{ path: "userId", message: "not a collector" }]);
    });
    const navigate = vi.spyOn(Taro, "navigateTo");
    const first = render(<PickupCollectorsPage />);
    expect(await screen.findByText("还没有回收员。请先在“用户与角色”中授予回收员角色")).toBeInTheDocument();
    click(first.container.querySelector(".collectors-to-users"));
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/admin/users/index" });
    first.unmount();

    collectors = [other];
    const { container } = render(<PickupCollectorsPage />);
    await waitFor(() => expect(container.querySelector(".collector-row")).not.toBeNull());
    click(container.querySelector(".collector-row"));
    expect(await screen.findByText("尚未分配街道")).toBeInTheDocument();
    click(container.querySelector(".collector-save"));
    expect(await screen.findByText("填写的内容有误，请检查后再提交（请确认此用户仍是回收员）")).toBeInTheDocument();
  });
});

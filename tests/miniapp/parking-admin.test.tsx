import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import ParkingLotEditPage from "../../miniapp/src/packages/parking-admin/lots/edit";
import ParkingLotsAdminPage from "../../miniapp/src/packages/parking-admin/lots/index";
import ParkingOperatorsPage from "../../miniapp/src/packages/parking-admin/operators/index";
import ParkingSourcesPage from "../../miniapp/src/packages/parking-admin/sources/index";
import { saveSession } from "../../miniapp/src/services/session";
import { validation } from "./admin-fixtures";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import { feedKey, issuedKey, lotDetail, operator, source } from "./parking-fixtures";
import Taro, { shimState } from "./shims/taro";

/* The bureau's parking pages: sources' health, operators and their keys, lots and the lot form. */

const click = (el: Element | null) => fireEvent.click(el as HTMLElement);
const change = (el: Element | null, value: string) => fireEvent.change(el as HTMLElement, { target: { value } });
const texts = (c: HTMLElement, cls: string) => [...c.querySelectorAll(`.${cls}`)].map((e) => e.textContent);
const { last24h: _chart, ...detailNoChart } = lotDetail();
const adminLot = { ...detailNoChart, operatorLotId: "GS-1", licence: "" };

describe("bureau: 停车数据源", () => {
  it("turns a moderator away without a request", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    const request = vi.spyOn(Taro, "request");
    render(<ParkingSourcesPage />);
    expect(await screen.findByText("此页面仅限系统管理员使用")).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it("lists each source with its state, last report and error counts", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    stubApi(() =>
      ok({
        sources: [
          source(),
          source({ operatorId: "op-2", name: "园区停车", state: "failing", lastReportAt: null, lastErrorAt: "2026-11-30T02:00:00.000Z" }),
          source({ operatorId: "op-3", name: "旧停车", state: "disabled" }),
        ],
      }),
    );
    const { container } = render(<ParkingSourcesPage />);
    await waitFor(() => expect(container.querySelectorAll(".source-row")).toHaveLength(3));
    expect(texts(container, "source-state")).toEqual(["正常", "异常", "已停用"]);
    expect(texts(container, "source-row__last")[0]).toMatch(/最后上报 .*（2 分钟前）/);
    expect(texts(container, "source-row__last")[1]).toBe("从未上报");
    expect(texts(container, "source-row__counts")[0]).toBe("接受 1200 行 · 拒绝 3 行 · 拒收请求 1 次");
    expect(container.querySelectorAll(".source-row__error")).toHaveLength(1);
  });
});

describe("bureau: 停车运营方", () => {
  it("creates an operator, showing the API's 422 under the field", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    let posts = 0;
    const sent = stubApi((req) => {
      if (req.method === "GET") return ok(req.path.endsWith("/keys") ? { keys: [] } : { operators: [] });
      posts++;
      return posts === 1
        ? validation([{ path: "freshnessMinutes", message: "Too small: expected number to be >=1" }])
        : ok(operator({ id: "op-9", name: "新停车" }), 201);
    });
    const { container } = render(<ParkingOperatorsPage />);
    expect(await screen.findByText("还没有运营方，点击“新增运营方”添加")).toBeInTheDocument();
    click(container.querySelector(".operator-add"));
    change(container.querySelector(".operator-name"), "新停车");
    change(container.querySelector(".operator-freshness"), "0");
    click(container.querySelector(".operator-save"));
    expect(await screen.findByText("Too small: expected number to be >=1")).toBeInTheDocument();
    expect(sent.at(-1)?.body).toMatchObject({ name: "新停车", kind: "push", freshnessMinutes: 0, pullUrl: null });
    change(container.querySelector(".operator-freshness"), "20");
    click(container.querySelector(".operator-save"));
    await waitFor(() => expect(texts(container, "operator-row__name")).toEqual(["新停车"]));
  });

  it("issues a key whose secret is shown once with 复制, and revokes a key after a confirm", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) => {
      if (req.path === "/api/v1/admin/parking/operators") return ok({ operators: [operator()] });
      if (req.method === "GET") return ok({ keys: [feedKey()] });
      if (req.path.endsWith("/revoke")) return ok(feedKey({ status: "revoked", revokedAt: "2026-11-30T03:00:00.000Z" }));
      return ok(issuedKey(), 201);
    });
    const clipboard = vi.spyOn(Taro, "setClipboardData");
    const modal = vi.spyOn(Taro, "showModal");
    const { container } = render(<ParkingOperatorsPage />);
    await waitFor(() => expect(container.querySelector(".operator-row")).not.toBeNull());
    click(container.querySelector(".operator-row"));
    await waitFor(() => expect(container.querySelectorAll(".key-row")).toHaveLength(1));

    click(container.querySelector(".key-issue"));
    await waitFor(() => expect(container.querySelector(".key-once__value")?.textContent).toBe("s3cr3t-shown-once"));
    expect(container.querySelector(".key-once__warning")?.textContent).toContain("只显示一次");
    click(container.querySelector(".key-copy"));
    expect(clipboard).toHaveBeenCalledWith({ data: "s3cr3t-shown-once" });
    click(container.querySelector(".key-dismiss"));
    expect(container.textContent).not.toContain("s3cr3t-shown-once");
    expect(container.querySelectorAll(".key-row")).toHaveLength(2);

    modal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: "showModal:ok" });
    click(container.querySelector(".key-revoke"));
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(sent.some((r) => r.path.endsWith("/revoke"))).toBe(false);
    click(container.querySelector(".key-revoke"));
    await waitFor(() => expect(container.querySelector(".key-row__revoked")).not.toBeNull());
    expect(sent.find((r) => r.path.endsWith("/revoke"))?.path).toBe("/api/v1/admin/parking/operators/op-1/keys/pk_0001/revoke");
  });
});

describe("bureau: 停车场目录 and the lot form", () => {
  it("lists lots with their live line and opens one to edit", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    stubApi(() => ok({ lots: [adminLot, { ...adminLot, id: "lot-off", name: "停用的停车场", active: false }] }));
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<ParkingLotsAdminPage />);
    await waitFor(() => expect(container.querySelectorAll(".lot-row")).toHaveLength(2));
    expect(texts(container, "lot-row__live")[0]).toBe("剩余 23 个 · 3 分钟前");
    expect(texts(container, "lot-row__state")).toEqual(["在用", "已停用"]);
    click(container.querySelector(".lot-row"));
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/parking-admin/lots/edit?id=lot-many" });
  });

  it("sends only the changed fields, and shows a 422 under its field and a taken operator id as such", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    shimState.routerParams = { id: "lot-many" };
    let patches = 0;
    const sent = stubApi((req) => {
      if (req.path === "/api/v1/admin/parking/operators") return ok({ operators: [operator()] });
      if (req.method === "GET") return ok(adminLot);
      patches++;
      if (patches === 1) return validation([{ path: "capacity", message: "a class cannot have more spaces than the lot" }]);
      if (patches === 2)
        return { statusCode: 409, data: { error: { code: "conflict", message: "taken", details: { reason: "operator_lot_id_taken" } } } };
      return ok(lotDetail({ name: "观前街新停车场" }));
    });
    const { container } = render(<ParkingLotEditPage />);
    await waitFor(() => expect(container.querySelector(".lot-form")).not.toBeNull());
    change(container.querySelector(".lot-disabled"), "500");
    click(container.querySelector(".lot-save"));
    expect(await screen.findByText("a class cannot have more spaces than the lot")).toBeInTheDocument();
    expect(sent.at(-1)?.body).toEqual({ capacity: { total: 200, disabled: 500, charging: 10, shared: 0 } });

    change(container.querySelector(".lot-disabled"), "4");
    change(container.querySelector(".lot-operatorLotId"), "GS-2");
    click(container.querySelector(".lot-save"));
    expect(await screen.findByText("该运营方已有停车场使用此编号")).toBeInTheDocument();
    expect(sent.at(-1)?.body).toEqual({ operatorLotId: "GS-2" });
  });

  it("refuses hours it cannot read before asking the API, and creates a lot with weekly hours", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    shimState.routerParams = {};
    const sent = stubApi((req) => (req.method === "GET" ? ok({ operators: [operator()] }) : ok(lotDetail({ id: "lot-new" }), 201)));
    const redirect = vi.spyOn(Taro, "redirectTo");
    const { container } = render(<ParkingLotEditPage />);
    await waitFor(() => expect(container.querySelector(".lot-form")).not.toBeNull());
    change(container.querySelector(".lot-name"), "苏州中学共享停车");
    click(container.querySelector(".lot-type-shared"));
    change(container.querySelector(".lot-address"), "人民路 699 号");
    click(container.querySelector(".lot-district-gusu"));
    change(container.querySelector(".lot-lat"), "31.30");
    change(container.querySelector(".lot-lng"), "120.62");
    change(container.querySelector(".lot-total"), "80");
    click(container.querySelector(".hours-kind-weekly"));
    change(container.querySelector(".hours-day-0"), "晚上");
    click(container.querySelector(".lot-save"));
    expect(await screen.findByText("格式应为 07:00-22:00")).toBeInTheDocument();
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);

    change(container.querySelector(".hours-day-0"), "18:00-7:30");
    click(container.querySelector(`.lot-operator-op-1`));
    click(container.querySelector(".lot-save"));
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: "/packages/parking-admin/lots/edit?id=lot-new" }));
    const body = sent.find((r) => r.method === "POST")?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      name: "苏州中学共享停车",
      type: "shared",
      district: "姑苏区",
      lat: 31.3,
      capacity: { total: 80 },
      operatorId: "op-1",
    });
    expect(body.hours).toEqual({ kind: "weekly", days: [[{ open: "18:00", close: "07:30" }], [], [], [], [], [], []] });
  });

  it("shows a load failure with a retry", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    stubApi(() => apiError(500, "internal"));
    const { container } = render(<ParkingLotsAdminPage />);
    await waitFor(() => expect(container.querySelector(".retry-button")).not.toBeNull());
  });
});

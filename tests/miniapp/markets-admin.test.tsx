import { fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import AdminZoneEditPage from "../../miniapp/src/packages/markets-admin/zones/edit";
import AdminZonesPage from "../../miniapp/src/packages/markets-admin/zones/index";
import { saveSession } from "../../miniapp/src/services/session";
import { ok, sessionFor, stubApi } from "./fixtures";
import { adminZoneOf, detailOf, envelope, SUSPENSION_ID, ZONE_ID } from "./market-fixtures";
import { $, $$, tap, type, waitForSelector } from "./report-fixtures";
import Taro, { shimState } from "./shims/taro";

/* The bureau's zones: the list with retired ones, the form (area by map taps, windows across midnight), stale edits, suspensions. */

/** A tap on the offline plot at a fraction of its width (the plot is square). */
function tapPlot(container: HTMLElement, fx: number, fy: number) {
  const canvas = $(container, ".zone-area-map .offline-map__canvas") as HTMLElement;
  canvas.getBoundingClientRect = () => ({
    left: 0,
    top: 0,
    width: 340,
    height: 340,
    right: 340,
    bottom: 340,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
  fireEvent.click(canvas, { clientX: fx * 340, clientY: fy * 340 });
}

describe("夜市与便民疏导点 (admin list)", () => {
  it("lists every zone with its state, retired ones too, and opens one's form", async () => {
    saveSession(sessionFor(["admin"]));
    const navigate = vi.spyOn(Taro, "navigateTo");
    stubApi(() =>
      ok({ zones: [adminZoneOf(), adminZoneOf({ id: "z-old", name: "旧便民点", active: false, retiredReason: "点位撤销", version: 3 })] }),
    );
    const { container } = render(<AdminZonesPage />);
    await waitForSelector(container, ".admin-zone");
    expect($$(container, ".admin-zone__status").map((e) => e.textContent)).toEqual(["还有 2 小时收摊", "已撤销：点位撤销"]);
    expect($(container, '.admin-zone[data-id="z-old"]')?.className).toContain("is-retired");
    tap(container, `.admin-zone[data-id="${ZONE_ID}"]`);
    expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/markets-admin/zones/edit?id=${ZONE_ID}` });
  });

  it("is for admins only", async () => {
    saveSession(sessionFor(["resident"]));
    const sent = stubApi(() => ok({ zones: [] }));
    const { container } = render(<AdminZonesPage />);
    await waitFor(() => expect(container.textContent).toContain("此页面仅限系统管理员使用"));
    expect(sent).toHaveLength(0);
  });
});

describe("摊区设置 (admin form)", () => {
  it("creates a circle zone picked on the map, with a window across midnight said so", async () => {
    saveSession(sessionFor(["admin"]));
    shimState.routerParams = {};
    const sent = stubApi((req) => (req.method === "POST" ? ok(detailOf(), 201) : ok(detailOf())));
    const { container } = render(<AdminZoneEditPage />);
    await waitForSelector(container, ".zone-form");
    expect($(container, ".window-midnight")?.textContent).toBe("收摊时间早于开市时间：跨过午夜，次日 02:00 收摊");
    type(container, ".window-close", "23:00");
    expect($(container, ".window-midnight")).toBeNull();
    type(container, ".zone-name", "石路夜市");
    type(container, ".zone-address", "姑苏区石路步行街");
    tap(container, ".zone-district.district-gusu");
    tapPlot(container, 0.5, 0.5);
    await waitForSelector(container, ".zone-area-map circle");
    type(container, ".zone-radius", "120");
    type(container, ".zone-goodsAllowed", "小吃、饮品");
    type(container, ".zone-managingUnit", "金阊中队");
    type(container, ".zone-contactPhone", "0512-65550000");
    tap(container, ".zone-save");
    await waitFor(() => expect(sent.some((r) => r.method === "POST")).toBe(true));
    const body = sent.find((r) => r.method === "POST")?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      name: "石路夜市",
      district: "姑苏区",
      area: { shape: "circle", radiusM: 120 },
      windows: [{ weekday: 4, open: "18:00", close: "23:00" }],
      goodsAllowed: ["小吃", "饮品"],
    });
    // the page goes on with the created zone: its suspensions box appears
    await waitForSelector(container, ".zone-suspensions");
  });

  it("adds polygon corners by taps and draws the polygon once there are three", async () => {
    saveSession(sessionFor(["admin"]));
    shimState.routerParams = {};
    stubApi(() => ok(detailOf()));
    const { container } = render(<AdminZoneEditPage />);
    await waitForSelector(container, ".zone-form");
    tap(container, ".area-shape-polygon");
    tapPlot(container, 0.4, 0.4);
    tapPlot(container, 0.6, 0.4);
    expect($(container, ".zone-area-map polygon")).toBeNull();
    tapPlot(container, 0.6, 0.6);
    await waitForSelector(container, ".zone-area-map polygon");
    expect($(container, ".zone-area-map polygon")?.getAttribute("points")?.split(" ")).toHaveLength(3);
    expect($(container, ".zone-area-hint")?.textContent).toContain("已选 3 个点");
    tap(container, ".zone-vertex-undo");
    expect($(container, ".zone-area-map polygon")).toBeNull();
  });

  it("an edit on a stale version says 已被他人修改，请刷新 and 刷新 loads the newer zone", async () => {
    saveSession(sessionFor(["admin"]));
    shimState.routerParams = { id: ZONE_ID };
    let gets = 0;
    const sent = stubApi((req) => {
      if (req.method === "GET") return ok(detailOf({ version: 2 + gets++ }));
      return envelope(409, "conflict", "the zone has changed", { reason: "stale_version", expectedVersion: 2, version: 3 });
    });
    const { container } = render(<AdminZoneEditPage />);
    await waitForSelector(container, ".zone-save");
    type(container, ".zone-stalls", "90");
    tap(container, ".zone-save");
    await waitForSelector(container, ".zone-stale");
    expect($(container, ".zone-stale")?.textContent).toBe("已被他人修改，请刷新");
    expect(sent.find((r) => r.method === "PATCH")?.body).toMatchObject({ version: 2, stalls: 90 });
    tap(container, ".zone-refresh");
    await waitFor(() => expect($(container, ".zone-now")?.textContent).toContain("第 3 版"));
    expect($(container, ".zone-stale")).toBeNull();
  });

  it("suspends a date saying subscribers are told, shows the envelope's field errors, and calls one off", async () => {
    saveSession(sessionFor(["admin"]));
    shimState.routerParams = { id: ZONE_ID };
    let attempt = 0;
    const sent = stubApi((req) => {
      if (req.method === "GET") return ok(detailOf());
      if (req.method === "DELETE")
        return ok({ id: SUSPENSION_ID, date: "2099-12-05", reason: "暴雨预警", createdAt: "2026-12-01T02:00:00.000Z" });
      attempt++;
      if (attempt === 1)
        return envelope(422, "validation_failed", "a suspension is for a date from today to a year ahead", [
          { path: "date", message: "out of range" },
        ]);
      if (attempt === 2) return envelope(409, "conflict", "the zone is already suspended", { reason: "already_suspended" });
      return ok({ id: "s2", date: "2099-12-06", reason: "市容整治", createdAt: "2026-12-01T02:00:00.000Z" }, 201);
    });
    const { container } = render(<AdminZoneEditPage />);
    await waitForSelector(container, ".zone-suspensions");
    expect($(container, ".suspension-notice")?.textContent).toContain("订阅了此处停市通知的居民会立即收到通知");
    expect($(container, ".zone-suspension__text")?.textContent).toBe("2099-12-05 停市：暴雨预警");
    type(container, ".suspension-date", "2020-01-01");
    type(container, ".suspension-reason", "市容整治");
    tap(container, ".suspension-submit");
    await waitForSelector(container, ".field-error-date");
    expect($(container, ".field-error-date")?.textContent).toBe("out of range");
    tap(container, ".suspension-submit");
    await waitFor(() => expect($(container, ".suspension-error")?.textContent).toBe("这一天已经停市了"));
    type(container, ".suspension-date", "2099-12-06");
    tap(container, ".suspension-submit");
    await waitFor(() => expect($(container, ".suspension-date") as HTMLInputElement).toHaveValue(""));
    expect(sent.filter((r) => r.method === "POST").at(-1)?.body).toEqual({ date: "2099-12-06", reason: "市容整治" });
    tap(container, ".zone-suspension-cancel");
    await waitFor(() => expect(sent.some((r) => r.method === "DELETE" && r.path.endsWith(`/suspensions/${SUSPENSION_ID}`))).toBe(true));
  });

  it("retires a zone with a reason after a confirm", async () => {
    saveSession(sessionFor(["admin"]));
    shimState.routerParams = { id: ZONE_ID };
    const sent = stubApi((req) =>
      req.method === "GET" ? ok(detailOf()) : ok(detailOf({ active: false, retiredReason: "点位撤销", version: 3 })),
    );
    const { container } = render(<AdminZoneEditPage />);
    await waitForSelector(container, ".zone-retire");
    type(container, ".retire-reason", "点位撤销");
    tap(container, ".zone-retire-button");
    await waitForSelector(container, ".zone-retired");
    expect(sent.at(-1)).toMatchObject({ method: "POST", body: { version: 2, reason: "点位撤销" } });
    expect($(container, ".zone-form")).toBeNull();
  });
});

import { render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { setSearchPlace } from "../../miniapp/src/finders/location";
import NightMarketsPage from "../../miniapp/src/packages/night-markets/list/index";
import { apiError, ok, stubApi } from "./fixtures";
import { OPENS_LATER, SHILU, summaryOf, ZONE_ID } from "./market-fixtures";
import { $, $$, tap, waitForSelector } from "./report-fixtures";
import Taro from "./shims/taro";

/* 夜市摊位: open now / tonight, nearest first with the time left or the opening time, kinds as query params, list and map. */

const place = () => setSearchPlace({ ...SHILU, label: "石路", source: "district" });
const body = (zones: ReturnType<typeof summaryOf>[]) => ({ zones, center: SHILU, radius: 3000 });

describe("夜市摊位 (list)", () => {
  it("asks where to search first, with the night-market wording", async () => {
    const { container } = render(<NightMarketsPage />);
    expect($(container, ".find-toilets")?.textContent).toBe("查找我附近的夜市");
  });

  it("shows zones open now with the time left, and 今晚营业 asks when=tonight and shows the opening time", async () => {
    place();
    const sent = stubApi((req) =>
      req.query.get("when") === "now"
        ? ok(body([summaryOf()]))
        : ok(body([summaryOf(), summaryOf({ id: "z2", name: "山塘街夜市", distanceM: 1200, status: OPENS_LATER })])),
    );
    const { container } = render(<NightMarketsPage />);
    await waitForSelector(container, ".zone-item");
    expect(sent[0]?.query.get("when")).toBe("now");
    expect(sent[0]?.query.get("kind")).toBeNull();
    expect($(container, ".zone-time")?.textContent).toBe("还有 2 小时收摊");
    expect($(container, ".markets-tab--now")?.className).toContain("is-active");

    tap(container, ".markets-tab--tonight");
    await waitFor(() => expect($$(container, ".zone-item")).toHaveLength(2));
    expect(sent.at(-1)?.query.get("when")).toBe("tonight");
    expect($$(container, ".zone-name").map((e) => e.textContent)).toEqual(["石路夜市", "山塘街夜市"]);
    expect($$(container, ".zone-time").map((e) => e.textContent)).toEqual(["还有 2 小时收摊", "19:00 开市"]);
    expect($$(container, ".zone-state").map((e) => e.textContent)).toEqual(["营业中", "今晚开市"]);
  });

  it("sends the kind chip as the kind query parameter, and 全部 drops it", async () => {
    place();
    const sent = stubApi(() => ok(body([summaryOf()])));
    const { container } = render(<NightMarketsPage />);
    await waitForSelector(container, ".zone-item");
    tap(container, ".kind-vending_point");
    await waitFor(() => expect(sent.at(-1)?.query.get("kind")).toBe("vending_point"));
    tap(container, ".kind-morning_market");
    await waitFor(() => expect(sent.at(-1)?.query.get("kind")).toBe("morning_market"));
    tap(container, ".kind-all");
    await waitFor(() => expect(sent.at(-1)?.query.has("kind")).toBe(false));
  });

  it("draws the zones on the map coloured by state and opens a zone from the list or a marker", async () => {
    place();
    const navigate = vi.spyOn(Taro, "navigateTo");
    stubApi(() =>
      ok(
        body([
          summaryOf(),
          summaryOf({
            id: "z2",
            name: "山塘便民点",
            kind: "vending_point",
            status: OPENS_LATER,
            area: { shape: "circle", center: { lat: 31.322, lng: 120.592 }, radiusM: 80 },
          }),
        ]),
      ),
    );
    const { container } = render(<NightMarketsPage />);
    await waitForSelector(container, ".zone-item");
    tap(container, ".view-map");
    await waitForSelector(container, ".offline-map__shapes");
    expect($(container, `polygon[data-id="${ZONE_ID}"]`)?.getAttribute("fill")).toBe("#1a7f5a");
    expect($(container, 'circle[data-id="z2"]')?.getAttribute("fill")).toBe("#1f5f9e");
    expect($$(container, ".zone-index").map((e) => e.textContent)).toEqual(["1", "2"]);
    tap(container, 'circle[data-id="z2"]');
    expect(navigate).toHaveBeenLastCalledWith({ url: "/packages/night-markets/detail/index?id=z2" });
    tap(container, `.zone-item[data-id="${ZONE_ID}"]`);
    expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/night-markets/detail/index?id=${ZONE_ID}` });
  });

  it("says when nothing is open, and shows an error with a retry", async () => {
    place();
    stubApi(() => ok(body([])));
    const empty = render(<NightMarketsPage />);
    await waitForSelector(empty.container, ".state-empty");
    expect(empty.container.textContent).toContain("暂无正在营业的夜市和便民疏导点");
    empty.unmount();
    stubApi(() => apiError(500, "internal"));
    const failed = render(<NightMarketsPage />);
    await waitForSelector(failed.container, ".state-error");
  });
});

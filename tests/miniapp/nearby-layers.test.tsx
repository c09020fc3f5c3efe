import { type PublicReport, ToiletSummary } from "@civic/shared";
import { fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { MarkerColour } from "../../miniapp/src/components/map";
import { setSearchPlace } from "../../miniapp/src/finders/location";
import { ZONE_COLOURS } from "../../miniapp/src/markets/colours";
import { type Layer, rowPoints } from "../../miniapp/src/nearby/layers";
import NearbyPage from "../../miniapp/src/pages/nearby/index";
import { BAND_COLOURS } from "../../miniapp/src/parking/colours";
import { samplePlaces } from "../support/sample-places";
import { apiError, GUSU, nearbyBody, ok, stubApi, TOILETS } from "./fixtures";
import Taro, { showAgain } from "./shims/taro";

/* 附近: one map and one list of every kind of place near the resident, layer by layer. */

const $$ = (root: HTMLElement, selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
const { freshLot: LOT, staleLot: STALE_LOT, openZone: ZONE, minutesAgo } = samplePlaces(GUSU);
const REPORT: PublicReport = {
  id: "rep-1",
  caseNumber: "20261201-0003",
  categoryCode: "street_vending",
  categoryName: "占道经营",
  status: "accepted",
  description: "路口有流动摊贩",
  location: { lat: GUSU.lat + 0.003, lng: GUSU.lng },
  district: "姑苏区",
  photoUrls: [],
  followers: 1,
  createdAt: minutesAgo(30),
};

function stubLayers(over: Partial<Record<string, () => unknown>> = {}) {
  return stubApi((req) => {
    const custom = over[req.path];
    if (custom) return custom() as ReturnType<typeof ok>;
    if (req.path === "/api/v1/toilets/nearby") return ok(nearbyBody([ToiletSummary.parse(TOILETS[0])]));
    if (req.path === "/api/v1/parking/nearby") return ok({ lots: [LOT, STALE_LOT], center: GUSU, radius: 1000, asOf: minutesAgo(0) });
    if (req.path === "/api/v1/night-markets/nearby") return ok({ zones: [ZONE], center: GUSU, radius: 1000 });
    if (req.path === "/api/v1/reports/public") return ok({ reports: [REPORT] });
    return apiError(404, "not_found");
  });
}

const place = () => setSearchPlace({ lat: GUSU.lat, lng: GUSU.lng, label: "姑苏区中心", source: "district" });

describe("附近: the layered map of everything near me", () => {
  it("colours each place's marker by what matters now, with ids that never collide across layers", () => {
    const row = (layer: Layer, id: string, colour: MarkerColour) => ({
      layer,
      id,
      name: id,
      lat: 0,
      lng: 0,
      distanceM: 0,
      colour,
      line: "",
      url: "",
    });
    const points = rowPoints([
      row("parking", "x", BAND_COLOURS.full),
      row("toilets", "x", "green"),
      row("markets", "x", ZONE_COLOURS.opens_later),
    ]);
    expect(points.map((p) => [p.id, p.colour])).toEqual([
      ["parking:x", "red"],
      ["toilets:x", "green"],
      ["markets:x", "blue"],
    ]);
  });

  it("asks for a place first, and nothing is fetched before it", () => {
    const request = vi.spyOn(Taro, "request");
    const { container } = render(<NearbyPage />);
    expect($$(container, ".place-picker").length + $$(container, ".find-toilets").length).toBeGreaterThan(0);
    expect(request).not.toHaveBeenCalled();
  });

  it("shows toilets, parking and night markets nearest first, with honest live numbers and the time left", async () => {
    const sent = stubLayers();
    place();
    const { container } = render(<NearbyPage />);
    await waitFor(() => expect($$(container, ".nearby-row")).toHaveLength(4));
    expect(sent.map((r) => r.path).sort()).toEqual(["/api/v1/night-markets/nearby", "/api/v1/parking/nearby", "/api/v1/toilets/nearby"]);
    expect(sent.find((r) => r.path === "/api/v1/night-markets/nearby")?.query.get("when")).toBe("tonight");
    // Each layer looks as far as is worth going for it: a walk to a toilet, a drive to a car park, an evening out.
    const radius = (path: string) => sent.find((r) => r.path === path)?.query.get("radius");
    expect([radius("/api/v1/toilets/nearby"), radius("/api/v1/parking/nearby"), radius("/api/v1/night-markets/nearby")]).toEqual([
      "1000",
      "1500",
      "3000",
    ]);
    const rows = $$(container, ".nearby-row");
    expect(rows.map((r) => r.dataset.layer).sort()).toEqual(["markets", "parking", "parking", "toilets"]);
    const distances = rows.map((r) => r.querySelector(".nearby-row__distance")?.textContent);
    expect(distances[0]).toBe("55米");
    const lines = new Map(rows.map((r) => [r.dataset.id, r.querySelector(".nearby-row__line")?.textContent]));
    expect(lines.get("lot-1")).toBe("剩余 23 个 · 3 分钟前");
    // Past its limit the number is gone: only its age is said, never a stale count.
    expect(lines.get("lot-2")).toBe("余位未知 · 最后上报 2 小时前");
    expect(lines.get("zone-1")).toBe("还有 2 小时收摊");
    // Markers coloured by what matters now; the zone drawn as its area.
    // Markers coloured by what matters now (a lot by its band, a market by its state); the zone drawn as its area.
    const marker = (id: string) => container.querySelector<HTMLElement>(`.map-marker[data-id="${id}"]`);
    expect(marker("parking:lot-2")?.className).toContain("map-marker--grey");
    expect(marker("markets:zone-1")?.className).toContain("map-marker--green");
    expect(container.querySelector('.map-marker[data-id="parking:lot-1"], .map-cluster[data-ids~="parking:lot-1"]')).not.toBeNull();
    expect(container.querySelectorAll(".nearby-map .map-shape")).toHaveLength(1);
  });

  it("the list is nearest first whatever the layer", async () => {
    stubLayers();
    place();
    const { container } = render(<NearbyPage />);
    await waitFor(() => expect($$(container, ".nearby-row")).toHaveLength(4));
    const metres = $$(container, ".nearby-row").map((r) => r.dataset.id);
    expect(metres[0]).toBe("lot-1");
    expect(metres.at(-1)).toBe("lot-2");
  });

  it("turning layers on and off asks only for those; none at all says to choose one", async () => {
    const sent = stubLayers();
    place();
    const { container } = render(<NearbyPage />);
    await waitFor(() => expect($$(container, ".nearby-row")).toHaveLength(4));
    const chip = (label: string) => $$(container, ".layer-chip").find((c) => c.textContent === label) as HTMLElement;
    fireEvent.click(chip("身边的上报"));
    await waitFor(() => expect($$(container, ".nearby-row")).toHaveLength(5));
    expect(sent.filter((r) => r.path === "/api/v1/reports/public")).toHaveLength(1);
    expect($$(container, '.nearby-row[data-layer="reports"] .nearby-row__line').map((l) => l.textContent)).toEqual(["已立案"]);
    for (const label of ["厕所", "停车", "夜市", "身边的上报"]) fireEvent.click(chip(label));
    await waitFor(() => expect(container.textContent).toContain("请至少选择一类要显示的内容"));
    expect($$(container, ".layer-chip.is-active")).toHaveLength(0);
    fireEvent.click(chip("停车"));
    await waitFor(() => expect($$(container, ".nearby-row")).toHaveLength(2));
    expect($$(container, ".nearby-row").every((r) => r.dataset.layer === "parking")).toBe(true);
  });

  it("one failing layer is named and the others still show; all failing is the page's error with retry", async () => {
    stubLayers({ "/api/v1/parking/nearby": () => apiError(503, "upstream_unavailable") });
    place();
    const { container } = render(<NearbyPage />);
    await waitFor(() => expect($$(container, ".nearby-row")).toHaveLength(2));
    expect(container.querySelector(".nearby-failed")?.textContent).toBe("停车暂时无法加载，其余内容照常显示。");
  });

  it("all layers failing is the page's error with a retry", async () => {
    let calls = 0;
    stubApi(() =>
      ++calls <= 3 ? "network-error" : ok({ lots: [LOT], center: GUSU, radius: 1000, asOf: minutesAgo(0), toilets: [], zones: [] }),
    );
    place();
    const { container } = render(<NearbyPage />);
    await waitFor(() => expect($$(container, ".state-error")).toHaveLength(1));
    expect($$(container, ".retry-button")).toHaveLength(1);
  });

  it("back on the tab a while later, it asks again, so no live number's age is read off an old answer", async () => {
    const sent = stubLayers();
    place();
    const { container } = render(<NearbyPage />);
    await waitFor(() => expect($$(container, ".nearby-row")).toHaveLength(4));
    const asked = sent.length;
    // Showing again at once changes nothing; a few minutes later it reloads every layer.
    showAgain();
    expect(sent).toHaveLength(asked);
    const later = Date.now() + 5 * 60_000;
    vi.spyOn(Date, "now").mockReturnValue(later);
    showAgain();
    await waitFor(() => expect(sent).toHaveLength(asked * 2));
  });

  it("a row opens the place's own page: a lot, a night market, a toilet", async () => {
    stubLayers();
    place();
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<NearbyPage />);
    await waitFor(() => expect($$(container, ".nearby-row")).toHaveLength(4));
    fireEvent.click(container.querySelector('.nearby-row[data-id="lot-1"]') as HTMLElement);
    fireEvent.click(container.querySelector('.nearby-row[data-id="zone-1"]') as HTMLElement);
    expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([
      "/packages/parking/lot/index?id=lot-1",
      "/packages/night-markets/detail/index?id=zone-1",
    ]);
  });
});

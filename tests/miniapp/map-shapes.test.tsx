import { fireEvent, render } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CivicMap, type MapPoint, type MapShape } from "../../miniapp/src/components/map";
import { clusterPoints } from "../../miniapp/src/components/map/clustering";
import LeafletMap from "../../miniapp/src/components/map/LeafletMap";
import type { MapTiles } from "../../miniapp/src/components/map/tileSource";

/*
 * Zones drawn by the one map component under its markers: WeChat's native polygons and circles, the
 * offline plot's SVG, and Leaflet's layers in H5. Tapping inside a zone opens it; with onPick (an editor
 * drawing the zone) taps pick spots instead.
 */

const CENTRE = { lat: 31.3165, lng: 120.5985 };
const SQUARE: MapShape = {
  id: "z-poly",
  title: "石路夜市",
  colour: "green",
  shape: "polygon",
  ring: [
    [120.597, 31.3155],
    [120.6, 31.3155],
    [120.6, 31.3175],
    [120.597, 31.3175],
    [120.597, 31.3155],
  ],
};
const ROUND: MapShape = {
  id: "z-circle",
  title: "山塘便民点",
  colour: "grey",
  shape: "circle",
  center: { lat: 31.322, lng: 120.592 },
  radiusM: 150,
};
const POINTS: MapPoint[] = [{ id: "z-poly", title: "石路夜市", lat: 31.3165, lng: 120.5985, colour: "green" }];

const $$ = (root: HTMLElement, selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];

function tapMapAt(map: HTMLElement, latitude: number, longitude: number) {
  const ev = new MouseEvent("click", { bubbles: true });
  Object.assign(ev, { mapSpot: { latitude, longitude } });
  map.dispatchEvent(ev);
}

describe("zones on WeChat's native map", () => {
  it("hands WeChat a polygon without the closing point and a circle, in the caller's colours", () => {
    vi.stubEnv("TARO_ENV", "weapp");
    const { container } = render(<CivicMap centre={CENTRE} radius={1000} points={POINTS} shapes={[SQUARE, ROUND]} onOpen={vi.fn()} />);
    const map = container.querySelector<HTMLElement>('[data-taro="Map"]') as HTMLElement;
    const polygons = JSON.parse(map.dataset.polygons ?? "[]");
    const circles = JSON.parse(map.dataset.circles ?? "[]");
    expect(polygons).toHaveLength(1);
    expect(polygons[0].points).toHaveLength(4);
    expect(polygons[0].points[0]).toEqual({ latitude: 31.3155, longitude: 120.597 });
    expect(polygons[0].strokeColor).toBe("#1a7f5a");
    expect(circles).toEqual([expect.objectContaining({ latitude: 31.322, longitude: 120.592, radius: 150, color: "#9a9f9c" })]);
  });

  it("opens the zone whose inside was tapped, and nothing for a tap outside every zone", () => {
    vi.stubEnv("TARO_ENV", "weapp");
    const onOpen = vi.fn();
    const { container } = render(<CivicMap centre={CENTRE} radius={1000} points={[]} shapes={[SQUARE, ROUND]} onOpen={onOpen} />);
    const map = container.querySelector<HTMLElement>('[data-taro="Map"]') as HTMLElement;
    tapMapAt(map, 31.3221, 120.5921);
    expect(onOpen).toHaveBeenLastCalledWith("z-circle");
    tapMapAt(map, 31.316, 120.598);
    expect(onOpen).toHaveBeenLastCalledWith("z-poly");
    tapMapAt(map, 31.33, 120.61);
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it("lets a tap pick a spot instead when the page picks (drawing a zone)", () => {
    vi.stubEnv("TARO_ENV", "weapp");
    const onOpen = vi.fn();
    const onPick = vi.fn();
    const { container } = render(<CivicMap centre={CENTRE} radius={1000} points={[]} shapes={[SQUARE]} onOpen={onOpen} onPick={onPick} />);
    tapMapAt(container.querySelector<HTMLElement>('[data-taro="Map"]') as HTMLElement, 31.316, 120.598);
    expect(onPick).toHaveBeenCalledWith({ lat: 31.316, lng: 120.598 });
    expect(onOpen).not.toHaveBeenCalled();
  });
});

describe("zones on the offline plot (H5 without tiles)", () => {
  it("draws the polygon and the circle under the markers and opens a tapped zone", () => {
    const onOpen = vi.fn();
    const { container } = render(<CivicMap centre={CENTRE} radius={1000} points={POINTS} shapes={[SQUARE, ROUND]} onOpen={onOpen} />);
    const svg = container.querySelector(".offline-map__shapes") as SVGElement;
    const polygon = svg.querySelector('polygon[data-id="z-poly"]') as SVGPolygonElement;
    const circle = svg.querySelector('circle[data-id="z-circle"]') as SVGCircleElement;
    expect(polygon.getAttribute("points")?.split(" ")).toHaveLength(4);
    expect(polygon.getAttribute("fill")).toBe("#1a7f5a");
    expect(Number(circle.getAttribute("r"))).toBeGreaterThan(0);
    // the polygon's corners sit around the centre marker (50 %, 50 %) of the plot
    const xs = (polygon.getAttribute("points") ?? "").split(" ").map((p) => Number(p.split(",")[0]));
    expect(Math.min(...xs)).toBeLessThan(50);
    expect(Math.max(...xs)).toBeGreaterThan(50);
    // markers come after the shapes, so they are drawn over them
    const canvas = container.querySelector(".offline-map__canvas") as HTMLElement;
    const children = [...canvas.children];
    expect(children.indexOf(svg as unknown as Element)).toBeLessThan(children.findIndex((c) => c.classList.contains("map-marker")));
    fireEvent.click(circle);
    expect(onOpen).toHaveBeenCalledWith("z-circle");
  });

  it("leaves taps to the picker when the page picks", () => {
    const onOpen = vi.fn();
    const { container } = render(<CivicMap centre={CENTRE} radius={1000} points={[]} shapes={[SQUARE]} onOpen={onOpen} onPick={vi.fn()} />);
    const polygon = container.querySelector('polygon[data-id="z-poly"]') as SVGPolygonElement;
    expect(polygon.style.pointerEvents).toBe("none");
    fireEvent.click(polygon);
    expect(onOpen).not.toHaveBeenCalled();
  });
});

describe("zones on the H5 street map (Leaflet)", () => {
  const sizes = ["clientWidth", "clientHeight"] as const;
  beforeAll(() => {
    for (const key of sizes)
      Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => (key === "clientWidth" ? 340 : 350) });
  });
  afterAll(() => {
    for (const key of sizes) Reflect.deleteProperty(HTMLElement.prototype, key);
  });

  it("draws the zones as SVG paths in their colours and opens a tapped one", () => {
    const tiles: MapTiles = { layers: ["http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"], subdomains: "abc", datum: "wgs84", attribution: "" };
    const onTapShape = vi.fn();
    const { container } = render(
      <LeafletMap
        tiles={tiles}
        centre={CENTRE}
        radius={1000}
        clusters={clusterPoints(POINTS)}
        points={POINTS}
        shapes={[SQUARE, ROUND]}
        className="test-map"
        onTapMark={vi.fn()}
        onTapShape={onTapShape}
        onUnavailable={vi.fn()}
      />,
    );
    const paths = $$(container, "path.leaflet-interactive");
    expect(paths.map((p) => p.getAttribute("stroke"))).toEqual(["#1a7f5a", "#9a9f9c"]);
    fireEvent.click(paths[0] as HTMLElement);
    expect(onTapShape).toHaveBeenCalledWith("z-poly");
  });
});

import { distanceMetres } from "@civic/shared";
import { fireEvent, render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { CivicMap, type MapPoint } from "../../miniapp/src/components/map";

/*
 * The one map component as a resident meets it: H5 without tiles (the offline plot) and the weapp's
 * native map (the Map shim lists its markers). Clusters show their count, tapping one zooms in, markers
 * take the caller's colours, and tapping a marker opens its item.
 */

const CENTRE = { lat: 31.3017, lng: 120.62 };
/** Two toilets about 200 m apart (they share a bubble on the first view) and one 1.1 km to the north. */
const POINTS: MapPoint[] = [
  { id: "t-near-1", title: "醋坊桥公厕", lat: 31.30195, lng: 120.6207, colour: "green", label: "1" },
  { id: "t-near-2", title: "人民商场卫生间", lat: 31.3029, lng: 120.6188, colour: "grey", label: "2" },
  { id: "t-far", title: "玄妙观东广场公厕", lat: 31.3112, lng: 120.6229, colour: "amber", label: "3" },
];

const $$ = (root: HTMLElement, selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
const one = (root: HTMLElement, selector: string) => {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
};

function renderMap(points: MapPoint[] = POINTS) {
  const onOpen = vi.fn();
  const view = render(<CivicMap className="test-map" centre={CENTRE} radius={1000} points={points} onOpen={onOpen} legend="图例" />);
  return { ...view, onOpen };
}

describe("the map in H5 without a street map (offline plot)", () => {
  it("puts the two nearby toilets in one bubble showing 2, and the far one as its own numbered marker", () => {
    const { container } = renderMap();
    expect($$(container, ".test-map.offline-map")).toHaveLength(1);
    const clusters = $$(container, ".map-cluster");
    expect(clusters.map((c) => c.textContent)).toEqual(["2"]);
    const markers = $$(container, ".map-marker");
    expect(markers.map((m) => m.dataset.id)).toEqual(["t-far"]);
    expect(markers[0]?.textContent).toBe("3");
    // north of the centre: above the middle of the plot
    expect(Number.parseFloat(markers[0]?.style.top ?? "")).toBeLessThan(50);
    expect(one(container, ".map-legend").textContent).toBe("图例");
  });

  it("zooms in on a tapped bubble until its toilets stand apart, and 显示全部 goes back", () => {
    const { container, onOpen } = renderMap();
    fireEvent.click(one(container, ".map-cluster"));
    expect(onOpen).not.toHaveBeenCalled();
    expect($$(container, ".map-cluster")).toHaveLength(0);
    expect($$(container, ".map-marker").map((m) => m.dataset.id)).toEqual(expect.arrayContaining(["t-near-1", "t-near-2"]));
    const [a, b] = ["t-near-1", "t-near-2"].map((id) => one(container, `.map-marker[data-id="${id}"]`));
    const apart = Math.hypot(
      Number.parseFloat(a?.style.left ?? "") - Number.parseFloat(b?.style.left ?? ""),
      Number.parseFloat(a?.style.top ?? "") - Number.parseFloat(b?.style.top ?? ""),
    );
    expect(apart, "percent of the plot between the two markers").toBeGreaterThan(7);

    fireEvent.click(one(container, ".map-reset"));
    expect($$(container, ".map-cluster").map((c) => c.textContent)).toEqual(["2"]);
    expect($$(container, ".map-reset")).toHaveLength(0);
  });

  it("opens the item behind a tapped marker", () => {
    const { container, onOpen } = renderMap();
    fireEvent.click(one(container, '.map-marker[data-id="t-far"]'));
    expect(onOpen).toHaveBeenCalledWith("t-far");
  });

  it("colours markers and bubbles as the caller says", () => {
    const { container } = renderMap();
    expect(one(container, '.map-marker[data-id="t-far"]').className).toContain("map-marker--amber");
    fireEvent.click(one(container, ".map-cluster"));
    expect(one(container, '.map-marker[data-id="t-near-1"]').className).toContain("map-marker--green");
    expect(one(container, '.map-marker[data-id="t-near-2"]').className).toContain("map-marker--grey");
  });

  it("lists items that share one spot when their bubble is tapped, since no zoom can separate them", () => {
    const spot = { lat: 31.302, lng: 120.6205 };
    const { container, onOpen } = renderMap([
      { id: "r1", title: "乱贴小广告（已立案）", ...spot, colour: "blue" },
      { id: "r2", title: "占道经营（已处理）", ...spot, colour: "green" },
      { id: "r3", title: "路灯损坏（处置中）", ...spot, colour: "blue" },
    ]);
    const bubble = one(container, ".map-cluster");
    expect(bubble.textContent).toBe("3");
    expect(bubble.className).toContain("map-cluster--blue");
    fireEvent.click(bubble);
    expect(one(container, ".map-stack__title").textContent).toBe("此处有 3 个");
    expect($$(container, ".map-stack__item").map((i) => i.textContent)).toEqual([
      "乱贴小广告（已立案）",
      "占道经营（已处理）",
      "路灯损坏（处置中）",
    ]);
    fireEvent.click(one(container, '.map-stack__item[data-id="r2"]'));
    expect(onOpen).toHaveBeenCalledWith("r2");
    fireEvent.click(one(container, ".map-stack__close"));
    expect($$(container, ".map-stack")).toHaveLength(0);
  });

  it("picks the spot tapped on the plot (not under a marker), in GCJ-02", () => {
    const onPick = vi.fn();
    const { container } = render(<CivicMap centre={CENTRE} radius={1000} points={POINTS} onOpen={vi.fn()} onPick={onPick} />);
    const canvas = one(container, ".offline-map__canvas");
    // jsdom lays nothing out: the plot is a 340 px square at (10, 100) on the screen
    canvas.getBoundingClientRect = () => ({
      left: 10,
      top: 100,
      width: 340,
      height: 340,
      right: 350,
      bottom: 440,
      x: 10,
      y: 100,
      toJSON: () => ({}),
    });

    fireEvent.click(canvas, { clientX: 10 + 170, clientY: 100 + 170 });
    expect(distanceMetres(onPick.mock.calls[0]?.[0], CENTRE)).toBeLessThan(1);
    // the right edge is as far east as the plot is half wide: at least the 1 km radius
    fireEvent.click(canvas, { clientX: 10 + 340, clientY: 100 + 170 });
    const east = onPick.mock.calls[1]?.[0];
    expect(east.lng).toBeGreaterThan(CENTRE.lng);
    expect(Math.abs(east.lat - CENTRE.lat)).toBeLessThan(1e-6);
    expect(distanceMetres(east, CENTRE)).toBeGreaterThan(1000);

    fireEvent.click(one(container, ".map-marker"));
    expect(onPick).toHaveBeenCalledTimes(2);
  });

  it("falls back to the offline plot when a street map is configured but cannot be drawn", () => {
    vi.stubGlobal("MAP_TILES", { layers: ["http://127.0.0.1:9/{z}/{x}/{y}.png"], subdomains: "abc", datum: "wgs84", attribution: "" });
    try {
      const { container } = renderMap();
      expect($$(container, ".offline-map")).toHaveLength(1);
      expect($$(container, ".map-cluster, .map-marker")).toHaveLength(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("the map in the weapp (WeChat's native map)", () => {
  it("draws a bubble marker labelled with its count, zooms in when it is tapped, and opens a tapped toilet", () => {
    vi.stubEnv("TARO_ENV", "weapp");
    const { container, onOpen } = renderMap();
    const map = one(container, '[data-taro="Map"]');
    expect(map.className).toContain("native-map");
    expect($$(container, ".offline-map")).toHaveLength(0);
    expect(Number(map.dataset.latitude)).toBe(CENTRE.lat);
    const startScale = Number(map.dataset.scale);

    // at the city-wide scale 15 the two near toilets are 51 px apart: apart; zoomed out they join
    const markers = $$(container, ".native-marker");
    expect(markers.map((m) => m.textContent)).toEqual(POINTS.map((p) => p.title));
    expect(markers.map((m) => m.dataset.icon)).toEqual(["/assets/marker-green.png", "/assets/marker-grey.png", "/assets/marker-amber.png"]);
    expect(startScale).toBe(15);
    fireEvent.click(markers[1] as HTMLElement);
    expect(onOpen).toHaveBeenCalledWith("t-near-2");
  });

  it("joins toilets that would touch at a wide radius into one bubble and separates them on a tap", () => {
    vi.stubEnv("TARO_ENV", "weapp");
    const onOpen = vi.fn();
    const { container } = render(<CivicMap centre={CENTRE} radius={5000} points={POINTS} onOpen={onOpen} />);
    const bubble = $$(container, ".native-marker").find((m) => m.dataset.label === "2");
    expect(bubble?.textContent).toBe("此处2个");
    fireEvent.click(bubble as HTMLElement);
    expect(onOpen).not.toHaveBeenCalled();
    expect(Number(one(container, '[data-taro="Map"]').dataset.scale)).toBeGreaterThan(13);
    expect($$(container, ".native-marker").map((m) => m.textContent)).toEqual(expect.arrayContaining(["醋坊桥公厕", "人民商场卫生间"]));
  });
});

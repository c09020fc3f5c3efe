import { distanceMetres, gcj02ToWgs84, type LatLng } from "@civic/shared";
import { fireEvent, render } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { clusterPoints } from "../../miniapp/src/components/map/clustering";
import LeafletMap from "../../miniapp/src/components/map/LeafletMap";
import { worldPixels } from "../../miniapp/src/components/map/projection";
import type { MapTiles } from "../../miniapp/src/components/map/tileSource";
import type { MapPoint } from "../../miniapp/src/components/map/types";

/*
 * H5's street map (Leaflet, loaded only by TileMap.h5.tsx) in jsdom, which never fetches an image: the
 * tiles it asks for tell where it put the map, and firing the tiles' error events stands in for a phone
 * without network. No request leaves the machine.
 */

const CENTRE = { lat: 31.3017, lng: 120.62 };
const POINTS: MapPoint[] = [
  { id: "t-near-1", title: "醋坊桥公厕", lat: 31.30195, lng: 120.6207, colour: "green", label: "1" },
  { id: "t-near-2", title: "人民商场卫生间", lat: 31.3029, lng: 120.6188, colour: "grey", label: "2" },
  { id: "t-far", title: "玄妙观东广场公厕", lat: 31.3112, lng: 120.6229, colour: "amber", label: "3" },
];
const TEMPLATE = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png";

// Leaflet sizes its map from the element; jsdom lays nothing out, so give every element a phone's map size.
const sizes = ["clientWidth", "clientHeight"] as const;
beforeAll(() => {
  for (const key of sizes)
    Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => (key === "clientWidth" ? 340 : 350) });
});
afterAll(() => {
  for (const key of sizes) Reflect.deleteProperty(HTMLElement.prototype, key);
});

function renderLeaflet(datum: MapTiles["datum"]) {
  const onTapMark = vi.fn();
  const onUnavailable = vi.fn();
  const onPick = vi.fn();
  const tiles: MapTiles = { layers: [TEMPLATE], subdomains: "abc", datum, attribution: "" };
  const view = render(
    <LeafletMap
      tiles={tiles}
      centre={CENTRE}
      radius={1000}
      clusters={clusterPoints(POINTS)}
      points={POINTS}
      className="test-map"
      onTapMark={onTapMark}
      onPick={onPick}
      onUnavailable={onUnavailable}
    />,
  );
  const tileImages = () => [...view.container.querySelectorAll<HTMLImageElement>("img.leaflet-tile")];
  const requestedTiles = () =>
    tileImages().map((img) => {
      const [z, x, y] = (img.getAttribute("src") ?? "").split("/tiles/")[1]?.replace(".png", "").split("/").map(Number) ?? [];
      return { z, x, y };
    });
  return { ...view, onTapMark, onPick, onUnavailable, tileImages, requestedTiles };
}

/** The tiles a 340 × 350 px map centred on `p` at zoom `z` covers. */
function tilesAround(p: LatLng, z: number) {
  const px = worldPixels(p, z);
  const tiles: { z: number; x: number; y: number }[] = [];
  for (let x = Math.floor((px.x - 170) / 256); x <= Math.floor((px.x + 170) / 256); x++)
    for (let y = Math.floor((px.y - 175) / 256); y <= Math.floor((px.y + 175) / 256); y++) tiles.push({ z, x, y });
  return tiles;
}
const sorted = (tiles: { z?: number; x?: number; y?: number }[]) => tiles.map((t) => `${t.z}/${t.x}/${t.y}`).sort();

describe("the H5 street map (Leaflet)", () => {
  it("centres 天地图-style WGS-84 tiles on the GCJ-02 search point converted to WGS-84", () => {
    const tiles = renderLeaflet("wgs84").requestedTiles();
    const z = tiles[0]?.z as number;
    expect(z).toBeGreaterThanOrEqual(13);
    expect(sorted(tiles)).toEqual(sorted(tilesAround(gcj02ToWgs84(CENTRE), z)));
    // about 500 m apart in Suzhou: left unconverted, the map would show other tiles
    expect(sorted(tilesAround(CENTRE, z))).not.toEqual(sorted(tiles));
  });

  it("leaves points as they are over tiles drawn in GCJ-02", () => {
    const tiles = renderLeaflet("gcj02").requestedTiles();
    expect(sorted(tiles)).toEqual(sorted(tilesAround(CENTRE, tiles[0]?.z as number)));
  });

  it("draws the same clusters and markers as the offline map, and a tapped marker opens its item", () => {
    const { container, onTapMark } = renderLeaflet("wgs84");
    const ids = [...container.querySelectorAll<HTMLElement>(".leaflet-marker-pane .map-marker")].map((m) => m.dataset.id);
    const counts = [...container.querySelectorAll(".leaflet-marker-pane .map-cluster")].map((c) => c.textContent);
    expect([...ids, ...counts].length).toBeGreaterThan(0);
    expect(ids.length + counts.reduce((n, c) => n + Number(c), 0)).toBe(POINTS.length);
    const far = container.querySelector<HTMLElement>('.leaflet-marker-pane .map-marker[data-id="t-far"]');
    fireEvent.click(far?.closest(".leaflet-marker-icon") as HTMLElement);
    expect(onTapMark).toHaveBeenCalledWith(expect.objectContaining({ kind: "point", point: expect.objectContaining({ id: "t-far" }) }));
  });

  it("picks a tapped spot back in GCJ-02: the middle of the map is the search centre again", () => {
    const { container, onPick } = renderLeaflet("wgs84");
    fireEvent.click(container.querySelector(".tile-map") as HTMLElement, { clientX: 170, clientY: 175 });
    expect(onPick).toHaveBeenCalledTimes(1);
    // within Leaflet's half-pixel rounding of its origin (a few metres), not the ~500 m offset between datums
    expect(distanceMetres(onPick.mock.calls[0]?.[0], CENTRE)).toBeLessThan(10);
  });

  it("gives up on the street map when tiles fail before any loads (no network), so the offline map is drawn", () => {
    const { tileImages, onUnavailable } = renderLeaflet("wgs84");
    const images = tileImages();
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const img of images.slice(0, 3)) fireEvent.error(img);
    expect(onUnavailable).not.toHaveBeenCalled();
    for (const img of images.slice(3)) fireEvent.error(img);
    expect(onUnavailable).toHaveBeenCalledTimes(1);
  });
});

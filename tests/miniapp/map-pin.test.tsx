import { fireEvent, render } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterPoints } from "../../miniapp/src/components/map/clustering";
import LeafletMap from "../../miniapp/src/components/map/LeafletMap";
import type { MapTiles } from "../../miniapp/src/components/map/tileSource";
import type { MapPoint } from "../../miniapp/src/components/map/types";

/*
 * A pin moved by a tap (the report wizard's place) redraws the markers on the same street map: the map,
 * its tiles and the resident's zoom stay, instead of the whole map being built again under their finger.
 */
const CENTRE = { lat: 31.3152, lng: 120.6288 };
const TILES: MapTiles = { layers: ["http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"], subdomains: "abc", datum: "gcj02", attribution: "" };
const sizes = ["clientWidth", "clientHeight"] as const;
beforeAll(() => {
  for (const key of sizes) Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => 340 });
});
afterAll(() => {
  for (const key of sizes) Reflect.deleteProperty(HTMLElement.prototype, key);
});

const pinAt = (lng: number): MapPoint[] => [{ id: "place-pin", title: "问题位置", lat: CENTRE.lat, lng, colour: "red" }];
const noop = () => {};

function mapWith(points: MapPoint[]) {
  return (
    <LeafletMap
      tiles={TILES}
      centre={CENTRE}
      radius={300}
      clusters={clusterPoints(points)}
      points={points}
      className="pin-map"
      onTapMark={noop}
      onPick={noop}
      onUnavailable={noop}
    />
  );
}

describe("the one map: a moved pin", () => {
  it("moves the marker without building the map again", () => {
    const view = render(mapWith(pinAt(CENTRE.lng)));
    const zoomOfTiles = () =>
      new Set(
        [...view.container.querySelectorAll("img.leaflet-tile")].map(
          (img) => (img.getAttribute("src") ?? "").split("/tiles/")[1]?.split("/")[0],
        ),
      );
    const firstZoom = [...zoomOfTiles()];
    // The resident zooms in to place the pin precisely.
    fireEvent.click(view.container.querySelector(".leaflet-control-zoom-in") as HTMLElement);
    const zoomed = [...zoomOfTiles()].filter((z) => !firstZoom.includes(z));
    expect(zoomed).toHaveLength(1);
    const markerBefore = view.container.querySelector(".leaflet-marker-icon") as HTMLElement;
    const where = (el: HTMLElement | undefined) => `${el?.style.transform}|${el?.style.left}|${el?.style.top}`;
    const placeBefore = where(markerBefore);
    view.rerender(mapWith(pinAt(CENTRE.lng + 0.001)));
    // Still at the resident's zoom: a rebuilt map would be back at the first view's.
    expect([...zoomOfTiles()]).toContain(zoomed[0]);
    expect([...zoomOfTiles()].every((z) => !firstZoom.includes(z) || zoomed.includes(z))).toBe(true);
    const markers = view.container.querySelectorAll<HTMLElement>(".leaflet-marker-icon");
    expect(markers).toHaveLength(1);
    expect(where(markers[0])).not.toBe(placeBefore);
  });
});

import { distanceMetres } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { metresPerPixel, pixelOffset, scaleBarMetres, zoomForSpan } from "../../miniapp/src/components/map/projection";
import { formatDistance, toiletTags } from "../../miniapp/src/finders/format";

describe("distance text", () => {
  it.each([
    [0, "0米"],
    [72, "72米"],
    [350.4, "350米"],
    [999.4, "999米"],
    [999.6, "1公里"],
    [1000, "1公里"],
    [1234, "1.2公里"],
    [1534, "1.5公里"],
    [3000, "3公里"],
    [12_960, "13公里"],
  ])("%d m reads %s", (metres, text) => {
    expect(formatDistance(metres)).toBe(text);
  });
});

describe("feature tags", () => {
  it("lists free or fee first, then the facilities a toilet has", () => {
    expect(toiletTags({ free: false, accessible: true, babyCare: true, thirdToilet: true }).map((t) => t.label)).toEqual([
      "收费",
      "无障碍",
      "母婴室",
      "第三卫生间",
    ]);
    expect(toiletTags({ free: true, accessible: false, babyCare: false, thirdToilet: false }).map((t) => t.key)).toEqual(["tag-free"]);
  });
});

describe("the map's projection (Web Mercator, as tiles, WeChat's map and the offline plot use)", () => {
  const centre = { lat: 31.3017, lng: 120.62 };

  it("measures pixel offsets that match true distances at city scale", () => {
    const zoom = 15;
    const p = { lat: centre.lat + 0.009, lng: centre.lng + 0.006 };
    const { dx, dy } = pixelOffset(centre, p, zoom);
    const metres = Math.hypot(dx, dy) * metresPerPixel(zoom, centre.lat);
    expect(Math.abs(metres - distanceMetres(centre, p))).toBeLessThan(5);
  });

  it("puts north up and east right", () => {
    expect(pixelOffset(centre, centre, 14)).toEqual({ dx: 0, dy: 0 });
    const ne = pixelOffset(centre, { lat: centre.lat + 0.004, lng: centre.lng + 0.004 }, 14);
    expect(ne.dx).toBeGreaterThan(0);
    expect(ne.dy).toBeLessThan(0);
  });

  it("finds the zoom at which a width in pixels spans a distance", () => {
    const zoom = zoomForSpan(2000, 340, centre.lat);
    expect(metresPerPixel(zoom, centre.lat) * 340).toBeCloseTo(2000, 6);
    expect(zoomForSpan(4000, 340, centre.lat)).toBeCloseTo(zoom - 1, 6);
  });

  it("chooses a round scale bar no wider than a quarter of the map", () => {
    expect(scaleBarMetres(2160)).toBe(500);
    expect(scaleBarMetres(1080)).toBe(250);
    expect(scaleBarMetres(6480)).toBe(1000);
  });
});

import { describe, expect, it } from "vitest";
import { formatDistance, toiletTags } from "../../miniapp/src/finders/format";
import { mapPosition, offsetMetres, scaleBarMetres } from "../../miniapp/src/finders/mapProjection";

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

describe("the offline map's projection", () => {
  const centre = { lat: 31.3017, lng: 120.62 };

  it("measures offsets close to true distances at city scale", () => {
    const north = offsetMetres(centre, { lat: centre.lat + 0.009, lng: centre.lng });
    expect(north.north).toBeGreaterThan(990);
    expect(north.north).toBeLessThan(1000);
    expect(Math.abs(north.east)).toBeLessThan(1e-6);
  });

  it("puts north up and east right, and pins far points to the edge", () => {
    expect(mapPosition(centre, centre, 1000)).toEqual({ left: 50, top: 50 });
    const ne = mapPosition(centre, { lat: centre.lat + 0.004, lng: centre.lng + 0.004 }, 1000);
    expect(ne.left).toBeGreaterThan(50);
    expect(ne.top).toBeLessThan(50);
    expect(mapPosition(centre, { lat: centre.lat - 1, lng: centre.lng }, 1000).top).toBe(100);
  });

  it("chooses a round scale bar no wider than a quarter of the map", () => {
    expect(scaleBarMetres(1080)).toBe(500);
    expect(scaleBarMetres(540)).toBe(250);
    expect(scaleBarMetres(3240)).toBe(1000);
  });
});

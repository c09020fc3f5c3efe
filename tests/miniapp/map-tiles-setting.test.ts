import { describe, expect, it } from "vitest";
import { mapTilesFrom } from "../../miniapp/config/mapTiles";

/* The H5 street map's build setting (CIVIC_MAP_TILES and friends), as config/index.ts resolves it. */

describe("the street map's tile setting", () => {
  it("uses 天地图's vector and annotation layers by default when a key is given, in WGS-84", () => {
    const tiles = mapTilesFrom({ CIVIC_TIANDITU_KEY: "abc123" });
    expect(tiles?.layers).toHaveLength(2);
    expect(tiles?.layers[0]).toContain("https://t{s}.tianditu.gov.cn/vec_w/wmts?");
    expect(tiles?.layers[1]).toContain("https://t{s}.tianditu.gov.cn/cva_w/wmts?");
    for (const layer of tiles?.layers ?? []) expect(layer).toMatch(/TILEMATRIX=\{z\}&TILEROW=\{y\}&TILECOL=\{x\}&tk=abc123$/);
    expect(tiles).toMatchObject({ subdomains: "01234567", datum: "wgs84" });
  });

  it("draws the offline map when 天地图 has no key, or the setting is empty", () => {
    expect(mapTilesFrom({})).toBeNull();
    expect(mapTilesFrom({ CIVIC_MAP_TILES: "tianditu", CIVIC_TIANDITU_KEY: " " })).toBeNull();
    expect(mapTilesFrom({ CIVIC_MAP_TILES: "", CIVIC_TIANDITU_KEY: "abc123" })).toBeNull();
    expect(mapTilesFrom({ CIVIC_MAP_TILES: "offline" })).toBeNull();
  });

  it("takes any URL template, in WGS-84 unless told the tiles are GCJ-02", () => {
    expect(mapTilesFrom({ CIVIC_MAP_TILES: "http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png" })).toEqual({
      layers: ["http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png"],
      subdomains: "abc",
      datum: "wgs84",
      attribution: "",
    });
    const gcj = mapTilesFrom({
      CIVIC_MAP_TILES: "https://wprd0{s}.example.cn/{z}/{x}/{y}",
      CIVIC_MAP_TILES_SUBDOMAINS: "1234",
      CIVIC_MAP_TILES_DATUM: "gcj02",
    });
    expect(gcj).toMatchObject({ subdomains: "1234", datum: "gcj02" });
  });

  it("refuses a template without {z}, {x} and {y} at build time", () => {
    expect(() => mapTilesFrom({ CIVIC_MAP_TILES: "https://tiles.example.org/map.png" })).toThrow(/CIVIC_MAP_TILES/);
  });
});

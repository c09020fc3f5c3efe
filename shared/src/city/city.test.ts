import { describe, expect, it } from "vitest";
import {
  CityConfig,
  CityNames,
  DEFAULT_CITY,
  districtByCode,
  districtChoices,
  findDistrict,
  resolvePlace,
  SUZHOU_CITY,
  SUZHOU_NAMES,
} from ".";

const city = SUZHOU_CITY;
const nameOf = (p: { lat: number; lng: number }) => resolvePlace(city, p)?.district.name ?? null;

describe("the configured city (Suzhou)", () => {
  it("is valid configuration: unique codes and names, every street and boundary names a district", () => {
    expect(() => CityConfig.parse(SUZHOU_CITY)).not.toThrow();
    expect(() => CityNames.parse(SUZHOU_NAMES)).not.toThrow();
    expect(DEFAULT_CITY).toBe(SUZHOU_CITY);
  });

  it("refuses a configuration whose street names a district that does not exist", () => {
    const broken = { ...SUZHOU_NAMES, streets: [{ name: "无名街道", districtCode: "999999", centre: { lat: 31, lng: 120 } }] };
    expect(CityNames.safeParse(broken).success).toBe(false);
  });

  it("names the districts officially with their codes, and defines the short names once", () => {
    expect(districtByCode(city, "320508")?.name).toBe("姑苏区");
    expect(districtByCode(city, "320505")).toMatchObject({ name: "虎丘区", alsoKnownAs: "苏州高新区" });
    expect(districtByCode(city, "320571")).toMatchObject({ name: "苏州工业园区", shortName: "工业园区", kind: "functional-zone" });
    expect(findDistrict(city, "工业园区")?.code).toBe("320571");
    expect(findDistrict(city, "苏州高新区")?.code).toBe("320505");
    expect(districtChoices(city).find((c) => c.slug === "yuanqu")).toMatchObject({ name: "苏州工业园区", label: "工业园区" });
    expect(city.districts.map((d) => d.code).sort()).toEqual(
      ["320505", "320506", "320507", "320508", "320509", "320571", "320581", "320582", "320583", "320585"].sort(),
    );
  });

  it("puts well-known places in their districts", () => {
    const places: [string, { lat: number; lng: number }, string][] = [
      ["观前街", { lat: 31.3085, lng: 120.6195 }, "姑苏区"],
      ["平江路", { lat: 31.318, lng: 120.633 }, "姑苏区"],
      ["金鸡湖东岸", { lat: 31.318, lng: 120.72 }, "苏州工业园区"],
      ["星海街", { lat: 31.2989, lng: 120.7463 }, "苏州工业园区"],
      ["狮山路", { lat: 31.298, lng: 120.56 }, "虎丘区"],
      ["木渎古镇", { lat: 31.263, lng: 120.513 }, "吴中区"],
      ["东山", { lat: 31.07, lng: 120.4 }, "吴中区"],
      ["相城大道", { lat: 31.38, lng: 120.64 }, "相城区"],
      ["吴江松陵", { lat: 31.16, lng: 120.645 }, "吴江区"],
      ["同里古镇", { lat: 31.155, lng: 120.72 }, "吴江区"],
      ["周庄古镇", { lat: 31.115, lng: 120.845 }, "昆山市"],
      ["常熟虞山", { lat: 31.665, lng: 120.74 }, "常熟市"],
      ["张家港杨舍", { lat: 31.875, lng: 120.556 }, "张家港市"],
      ["太仓城厢", { lat: 31.455, lng: 121.105 }, "太仓市"],
    ];
    for (const [place, point, district] of places) expect(nameOf(point), place).toBe(district);
  });

  it("is nowhere outside the city: Shanghai, Wuxi, Hangzhou", () => {
    expect(resolvePlace(city, { lat: 31.23, lng: 121.47 })).toBeNull();
    expect(resolvePlace(city, { lat: 31.49, lng: 120.31 })).toBeNull();
    expect(resolvePlace(city, { lat: 30.27, lng: 120.16 })).toBeNull();
  });

  it("covers every district's centre and every street's seat, each resolving to its own district and street", () => {
    for (const d of city.districts) expect(nameOf(d.centre), d.name).toBe(d.name);
    for (const s of city.streets) {
      const place = resolvePlace(city, s.centre);
      expect(place?.district.code, s.name).toBe(s.districtCode);
      expect(place?.street?.name, s.name).toBe(s.name);
    }
  });

  it("has districts that never overlap: no point of a fine grid over the city lies in two of them", () => {
    let inside = 0;
    for (let lat = 30.7; lat <= 32.1; lat += 0.004) {
      for (let lng = 120.15; lng <= 121.4; lng += 0.004) {
        const hits = city.boundaries.features.filter((f) =>
          resolvePlace({ ...city, boundaries: { type: "FeatureCollection", features: [f] } }, { lat, lng }),
        );
        expect(hits.length, `${lat},${lng}`).toBeLessThanOrEqual(1);
        inside += hits.length;
      }
    }
    // The grid has ~110 000 points; most of the prefecture is land inside some district.
    expect(inside).toBeGreaterThan(40_000);
    // ~440 000 point-in-polygon tests: about 2 s alone, longer when the machine is busy.
  }, 60_000);

  it("takes another city as configuration, including a district in several pieces (islands)", () => {
    const square = (lng: number, lat: number) => [
      [
        [lng, lat],
        [lng + 1, lat],
        [lng + 1, lat + 1],
        [lng, lat + 1],
        [lng, lat],
      ],
    ];
    const other = CityConfig.parse({
      id: "island",
      name: "岛市",
      code: "990100",
      districts: [
        { code: "990101", name: "群岛区", slug: "qundao", kind: "district", centre: { lat: 10.5, lng: 100.5 } },
        { code: "990102", name: "本岛区", slug: "bendao", kind: "district", centre: { lat: 10.5, lng: 101.5 } },
      ],
      streets: [
        { name: "西岛街道", districtCode: "990101", centre: { lat: 10.5, lng: 100.5 } },
        { name: "东岛街道", districtCode: "990101", centre: { lat: 10.5, lng: 102.5 } },
      ],
      boundaries: {
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { code: "990101" },
            geometry: { type: "MultiPolygon", coordinates: [square(100, 10), square(102, 10)] },
          },
          { type: "Feature", properties: { code: "990102" }, geometry: { type: "Polygon", coordinates: square(101, 10) } },
        ],
      },
    });
    expect(resolvePlace(other, { lat: 10.5, lng: 102.4 })).toMatchObject({ district: { code: "990101" }, street: { name: "东岛街道" } });
    expect(resolvePlace(other, { lat: 10.5, lng: 101.5 })).toMatchObject({ district: { code: "990102" }, street: null });
    expect(resolvePlace(other, { lat: 10.5, lng: 103.5 })).toBeNull();
    expect(CityConfig.safeParse({ ...other, boundaries: { type: "FeatureCollection", features: [] } }).success).toBe(false);
  });

  it("stays small enough to bundle in the mini-program", () => {
    expect(JSON.stringify(SUZHOU_NAMES).length).toBeLessThan(16_000);
    expect(JSON.stringify(SUZHOU_CITY.boundaries).length).toBeLessThan(20_000);
  });
});

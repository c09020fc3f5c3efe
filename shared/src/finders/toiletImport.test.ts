import { describe, expect, it } from "vitest";
import { parseHoursText } from "./hoursText";
import { parseToiletCsv, parseToiletGeoJson } from "./toiletImport";

const header = "name,address,district,lat,lng,kind,hours,free,accessible,thirdToilet,babyCare";

describe("hours text", () => {
  it("reads the compact forms", () => {
    expect(parseHoursText("24h")).toEqual({ ok: true, hours: { kind: "always" } });
    expect(parseHoursText("")).toEqual({ ok: true, hours: { kind: "unknown" } });
    const week = parseHoursText("06:00-22:00|06:00-22:00|06:00-22:00|06:00-22:00|06:00-11:30,13:00-22:00|closed|休息");
    expect(week.ok && week.hours.kind === "weekly" && week.hours.days[4]).toEqual([
      { open: "06:00", close: "11:30" },
      { open: "13:00", close: "22:00" },
    ]);
    expect(parseHoursText('{"kind":"always"}').ok).toBe(true);
  });

  it("explains what it cannot read", () => {
    const bad = parseHoursText("6am-10pm");
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain("6am-10pm");
    expect(parseHoursText("06:00-22:00|closed").ok).toBe(false);
  });
});

describe("CSV import", () => {
  it("parses quoted fields, a BOM, Chinese booleans and blank stalls", () => {
    const csv = `\uFEFF${header},stalls\n"公厕, 东",姑苏区某路1号,姑苏区,31.3,120.6,municipal,24h,是,否,false,true,\n`;
    const r = parseToiletCsv(csv, "gcj02");
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.rows[0]).toMatchObject({ name: "公厕, 东", free: true, accessible: false, babyCare: true, stalls: null, street: "" });
  });

  it("reports every bad row with its line number and field", () => {
    const csv = [
      header,
      "a,addr,姑苏区,31.3,120.6,municipal,24h,true,true,true,true",
      "b,addr,姑苏区,91,120.6,municipal,24h,true,true,true,true",
      "c,addr,姑苏区,31.3,120.6,spaceship,24h,maybe,true,true,true",
    ].join("\n");
    const r = parseToiletCsv(csv, "gcj02");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => `${e.row}:${e.field}`)).toEqual(["3:lat", "4:kind", "4:free"]);
  });

  it("rejects duplicate sourceRefs within one file and empty files", () => {
    const csv = [
      `${header},sourceRef`,
      "a,addr,姑苏区,31.3,120.6,municipal,24h,true,true,true,true,x1",
      "b,addr,姑苏区,31.3,120.6,municipal,24h,true,true,true,true,x1",
    ].join("\n");
    const r = parseToiletCsv(csv, "gcj02");
    expect(!r.ok && r.errors[0]).toMatchObject({ row: 3, field: "sourceRef" });
    expect(parseToiletCsv(header, "gcj02").ok).toBe(false);
  });
});

describe("GeoJSON import", () => {
  it("needs a FeatureCollection of Points", () => {
    expect(parseToiletGeoJson('{"type":"Feature"}', "gcj02").ok).toBe(false);
    expect(parseToiletGeoJson("[", "gcj02").ok).toBe(false);
  });
});

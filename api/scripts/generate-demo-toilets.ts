/**
 * Writes the Suzhou demo toilets (the same ones the Node host seeds) as GeoJSON, for the admin import, and
 * as SQL for D1 (with the report categories): `wrangler d1 execute civic --local --file=api/seed/demo-toilets.sql`.
 * Usage: pnpm seed:generate [count] [seed]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CategoryInput, latBand } from "@civic/shared";
import { newId } from "../src/platform/ids";
import { categoryValues } from "../src/reports/categories.repo";
import { DEMO_TOILET_COUNT } from "../src/seed/demo";
import { DEMO_CATEGORIES } from "../src/seed/report-categories";
import { generateDemoToilets } from "../src/seed/toilet-generator";

const count = Number(process.argv[2] ?? DEMO_TOILET_COUNT);
const seed = process.argv[3] ? Number(process.argv[3]) : undefined;
const toilets = generateDemoToilets(count, seed);
const outDir = fileURLToPath(new URL("../seed/", import.meta.url));
mkdirSync(outDir, { recursive: true });

const geojson = {
  type: "FeatureCollection",
  features: toilets.map(({ lat, lng, ...properties }) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [lng, lat] },
    properties,
  })),
};
writeFileSync(`${outDir}demo-toilets.geojson`, JSON.stringify(geojson));

const q = (v: unknown) =>
  v === null || v === undefined
    ? "NULL"
    : typeof v === "number"
      ? String(v)
      : typeof v === "boolean"
        ? v
          ? "1"
          : "0"
        : `'${String(v).replaceAll("'", "''")}'`;
const now = new Date().toISOString();
const lines = toilets.map((t) => {
  const values = [
    newId(),
    t.name,
    t.address,
    t.district,
    t.street,
    t.lat,
    t.lng,
    latBand(t.lat),
    t.kind,
    JSON.stringify(t.hours),
    t.free,
    t.feeNote,
    t.accessible,
    t.thirdToilet,
    t.babyCare,
    t.stalls,
    t.managingUnit,
    t.lastVerified,
    t.sourceRef,
    true,
    now,
    now,
  ];
  return `insert or ignore into toilets (id,name,address,district,street,lat,lng,lat_band,kind,hours,free,fee_note,accessible,third_toilet,baby_care,stalls,managing_unit,last_verified,source_ref,active,created_at,updated_at) values (${values.map(q).join(",")});`;
});
// The report categories too, so the Workers demo can file reports (the Node host seeds them itself).
const categoryLines = DEMO_CATEGORIES.map((input) => {
  const c = categoryValues(CategoryInput.parse(input), now);
  const values = [
    c.code,
    c.name,
    c.groupCode,
    c.department,
    c.slaHours,
    c.description,
    c.keywords,
    c.attributes,
    c.sortOrder,
    true,
    now,
    now,
  ];
  return `insert or ignore into report_categories (code,name,group_code,department,sla_hours,description,keywords,attributes,sort_order,active,created_at,updated_at) values (${values.map(q).join(",")});`;
});
writeFileSync(`${outDir}demo-toilets.sql`, `${[...lines, ...categoryLines].join("\n")}\n`);
console.log(
  `wrote ${toilets.length} toilets to ${outDir}demo-toilets.geojson, and them and ${categoryLines.length} report categories to demo-toilets.sql`,
);

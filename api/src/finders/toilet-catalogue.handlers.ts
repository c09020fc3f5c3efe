import { parseToiletCsv, parseToiletGeoJson } from "@civic/shared";
import { decodeCursor, encodeCursor } from "../platform/cursor";
import type { AppRouteHandler } from "../platform/router";
import { toiletCatalogueRepo } from "./toilet-catalogue.repo";
import type { listAdminToilets, previewToiletImport } from "./toilet-catalogue.routes";
import { toiletsRepo } from "./toilets.repo";

export const listAdminToiletsHandler: AppRouteHandler<typeof listAdminToilets> = async (c) => {
  const q = c.req.valid("query");
  const [name = "", id = ""] = q.cursor ? decodeCursor(q.cursor, 2) : [];
  const { rows, more } = await toiletCatalogueRepo(c.get("deps").db).search({
    text: q.q || undefined,
    district: q.district,
    active: q.active === undefined ? undefined : q.active === "true",
    after: q.cursor ? { name, id } : undefined,
    limit: q.limit,
  });
  const last = rows.at(-1);
  return c.json({ toilets: rows, nextCursor: more && last ? encodeCursor([last.name, last.id]) : null }, 200);
};

/** The same parsing and matching as the import itself, stopped before any statement is built. */
export const previewToiletImportHandler: AppRouteHandler<typeof previewToiletImport> = async (c) => {
  const { format, coordinates, content } = c.req.valid("json");
  const parsed = format === "csv" ? parseToiletCsv(content, coordinates) : parseToiletGeoJson(content, coordinates);
  if (!parsed.ok) return c.json({ ok: false, errors: parsed.errors, rows: [], created: 0, updated: 0 }, 200);
  const refs = parsed.rows.flatMap((r) => (r.sourceRef ? [r.sourceRef] : []));
  const existing = await toiletsRepo(c.get("deps").db).idsBySourceRef(refs);
  const firstRow = format === "csv" ? 2 : 1;
  const rows = parsed.rows.map((r, i) => ({
    row: i + firstRow,
    name: r.name,
    district: r.district,
    sourceRef: r.sourceRef,
    action: r.sourceRef && existing.has(r.sourceRef) ? ("update" as const) : ("create" as const),
  }));
  const updated = rows.filter((r) => r.action === "update").length;
  return c.json({ ok: true, errors: [], rows, created: rows.length - updated, updated }, 200);
};

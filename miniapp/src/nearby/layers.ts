import {
  distanceMetres,
  liveText,
  NearbyMarketsResponse,
  NearbyParkingResponse,
  type OpenState,
  REPORT_STATUS_LABELS,
} from "@civic/shared";
import type { MapPoint, MapShape, MarkerColour } from "../components/map";
import { nearbyToilets } from "../finders/api";
import { marketZoneUrl, ZONE_COLOURS } from "../markets/colours";
import { BAND_COLOURS, parkingLotUrl } from "../parking/colours";
import { publicReports } from "../reports/api";
import { detailUrl as reportUrl } from "../reports/navigation";
import { type ApiFailure, type ApiResult, apiRequest } from "../services/request";

/*
 * 附近's layers: each asks its own nearby search (the platform's one search behind every kind of place)
 * and turns its answers into one row shape, so the page draws one map and one list, nearest first.
 */

export const LAYERS = ["toilets", "parking", "markets", "reports"] as const;
export type Layer = (typeof LAYERS)[number];

export const LAYER_LABELS: Record<Layer, string> = { toilets: "厕所", parking: "停车", markets: "夜市", reports: "身边的上报" };

export interface NearbyRow {
  layer: Layer;
  id: string;
  name: string;
  lat: number;
  lng: number;
  distanceM: number;
  colour: MarkerColour;
  /** The one line that matters now: open or not, free spaces with their age, time left, case status. */
  line: string;
  url: string;
}

export interface NearbyLayers {
  rows: NearbyRow[];
  shapes: MapShape[];
  /** Layers asked for whose search failed: the page says so and shows the others. */
  failed: Layer[];
}

/**
 * How far each layer looks: a toilet or a report is worth a short walk; a car park is driven to; a night
 * market is an evening's destination (the markets search's own default).
 */
export const LAYER_RADIUS_M: Record<Layer, number> = { toilets: 1000, parking: 1500, markets: 3000, reports: 1000 };
/** The map's first view shows the widest layer asked for. */
export const mapRadius = (layers: readonly Layer[]) => Math.max(1000, ...layers.map((l) => LAYER_RADIUS_M[l]));
const PER_LAYER = 10;

const OPEN_TEXT: Record<OpenState, string> = { open: "开放中", closed: "已关闭", unknown: "开放时间未知" };
const OPEN_COLOURS: Record<OpenState, MarkerColour> = { open: "green", closed: "grey", unknown: "amber" };

type Centre = { lat: number; lng: number };
type LayerAnswer = { rows: NearbyRow[]; shapes?: MapShape[] };

const q = (c: Centre, layer: Layer) => ({ lat: c.lat, lng: c.lng, radius: LAYER_RADIUS_M[layer], limit: PER_LAYER });

const mapOk = <T>(r: ApiResult<T>, f: (data: T) => LayerAnswer): ApiResult<LayerAnswer> => (r.ok ? { ...r, data: f(r.data) } : r);

const LOADERS: Record<Layer, (c: Centre, now: Date) => Promise<ApiResult<LayerAnswer>>> = {
  toilets: async (c) =>
    mapOk(await nearbyToilets(q(c, "toilets")), (d) => ({
      rows: d.toilets.map((t) => ({
        layer: "toilets",
        id: t.id,
        name: t.name,
        lat: t.lat,
        lng: t.lng,
        distanceM: t.distanceM,
        colour: OPEN_COLOURS[t.openNow],
        line: t.temporaryClosure ? "暂停开放" : OPEN_TEXT[t.openNow],
        url: `/pages/toilets/detail?id=${encodeURIComponent(t.id)}`,
      })),
    })),
  parking: async (c, now) =>
    mapOk(await apiRequest(NearbyParkingResponse, { path: "/api/v1/parking/nearby", query: q(c, "parking") }), (d) => ({
      rows: d.lots.map((l) => ({
        layer: "parking",
        id: l.id,
        name: l.name,
        lat: l.lat,
        lng: l.lng,
        distanceM: l.distanceM,
        colour: BAND_COLOURS[l.live.band],
        line: liveText(l.live, now),
        url: parkingLotUrl(l.id),
      })),
    })),
  markets: async (c) =>
    mapOk(
      await apiRequest(NearbyMarketsResponse, { path: "/api/v1/night-markets/nearby", query: { ...q(c, "markets"), when: "tonight" } }),
      (d) => ({
        rows: d.zones.map((z) => ({
          layer: "markets",
          id: z.id,
          name: z.name,
          lat: z.lat,
          lng: z.lng,
          distanceM: z.distanceM,
          colour: ZONE_COLOURS[z.status.state],
          line: z.status.text,
          url: marketZoneUrl(z.id),
        })),
        shapes: d.zones.map((z) => ({ id: `markets:${z.id}`, title: z.name, colour: ZONE_COLOURS[z.status.state], ...z.area })),
      }),
    ),
  reports: async (c) =>
    mapOk(await publicReports(c.lat, c.lng, LAYER_RADIUS_M.reports), (d) => ({
      rows: d.reports.slice(0, PER_LAYER).map((r) => ({
        layer: "reports",
        id: r.id,
        name: r.categoryName,
        lat: r.location.lat,
        lng: r.location.lng,
        distanceM: Math.round(distanceMetres(c, r.location)),
        colour: "blue",
        line: REPORT_STATUS_LABELS[r.status],
        url: reportUrl(r.id),
      })),
    })),
};

/** Every asked layer at once; fails only when all of them fail (with the first failure). */
export async function loadNearby(centre: Centre, layers: readonly Layer[], now = new Date()): Promise<ApiResult<NearbyLayers>> {
  const answers = await Promise.all(layers.map((l) => LOADERS[l](centre, now)));
  const out: NearbyLayers = { rows: [], shapes: [], failed: [] };
  let firstFailure: ApiFailure | null = null;
  answers.forEach((a, i) => {
    if (a.ok) {
      out.rows.push(...a.data.rows);
      out.shapes.push(...(a.data.shapes ?? []));
    } else {
      out.failed.push(layers[i] as Layer);
      firstFailure ??= a;
    }
  });
  if (firstFailure && out.failed.length === layers.length) return firstFailure;
  out.rows.sort((a, b) => a.distanceM - b.distanceM);
  return { ok: true, status: 200, data: out };
}

/** Map markers (and zone shapes), keyed by layer so ids of different kinds never collide. */
export const rowPoints = (rows: readonly NearbyRow[]): MapPoint[] =>
  rows.map((r) => ({ id: `${r.layer}:${r.id}`, lat: r.lat, lng: r.lng, title: `${LAYER_LABELS[r.layer]} · ${r.name}`, colour: r.colour }));

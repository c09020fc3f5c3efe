import { gcj02ToWgs84, type LatLng, wgs84ToGcj02 } from "@civic/shared";
import * as L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "react";
import { canSplit, type MapMark } from "./clustering";
import { MARKER_HEX } from "./colours";
import { fitZoom } from "./OfflineMap";
import { clampZoom, MAX_ZOOM, MIN_ZOOM } from "./projection";
import { ringVertices } from "./shapes";
import type { TileMapProps } from "./tileMapProps";

/*
 * H5's street map: Leaflet over the configured tiles. Our points are GCJ-02; 天地图 draws CGCS2000
 * (≈ WGS-84), so they are converted for display unless the tiles are GCJ-02 themselves. Markers are
 * the same clusters and the same marker styles as the offline map. Loaded only by TileMap.h5.tsx.
 */

/** Tiles that failed before any loaded: this many means no network (or a refused key), not a gap. */
const FAILED_TILES_BEFORE_FALLBACK = 4;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function markHtml(mark: MapMark): string {
  if (mark.kind === "point") {
    const { colour, id, label } = mark.point;
    return `<div class="map-marker map-marker--${colour}" data-id="${escapeHtml(id)}"><span class="map-marker__label">${escapeHtml(label ?? "")}</span></div>`;
  }
  return `<div class="map-cluster map-cluster--${mark.colour}" data-ids="${escapeHtml(mark.ids.join(" "))}"><span class="map-cluster__count">${mark.count}</span></div>`;
}

const NO_SHAPES: TileMapProps["shapes"] = [];

export default function LeafletMap(props: TileMapProps) {
  const { tiles, centre, radius, clusters, points, shapes = NO_SHAPES, className, onTapMark, onTapShape, onPick, onUnavailable } = props;
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef({ onTapMark, onTapShape, onPick, onUnavailable, clusters, points, shapes });
  latest.current = { onTapMark, onTapShape, onPick, onUnavailable, clusters, points, shapes };
  // Redraw the markers and the shapes on the map that is up; set while one is.
  const redraw = useRef<(() => void) | null>(null);
  const redrawShapes = useRef<(() => void) | null>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const shown = (p: LatLng): [number, number] => {
      const q = tiles.datum === "wgs84" ? gcj02ToWgs84(p) : p;
      return [q.lat, q.lng];
    };
    const map = L.map(element, { minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM, attributionControl: tiles.attribution !== "" });
    map.setView(shown(centre), clampZoom(Math.floor(fitZoom(centre, radius, latest.current.points))));

    let loaded = 0;
    let failed = 0;
    for (const url of tiles.layers) {
      L.tileLayer(url, { subdomains: tiles.subdomains, maxZoom: MAX_ZOOM, attribution: tiles.attribution })
        .on("tileload", () => {
          loaded++;
        })
        .on("tileerror", () => {
          failed++;
          if (loaded === 0 && failed === FAILED_TILES_BEFORE_FALLBACK) latest.current.onUnavailable();
        })
        .addTo(map);
    }
    L.circle(shown(centre), { radius, color: "#9fbcae", weight: 2, dashArray: "6 6", fill: false, interactive: false }).addTo(map);
    L.circleMarker(shown(centre), {
      radius: 7,
      color: "#ffffff",
      weight: 3,
      fillColor: "#2f7de1",
      fillOpacity: 1,
      interactive: false,
    }).addTo(map);

    const zones = L.layerGroup().addTo(map);
    const drawShapes = () => {
      zones.clearLayers();
      for (const s of latest.current.shapes ?? []) {
        const hex = MARKER_HEX[s.colour];
        const style = { color: hex, weight: 2, fillColor: hex, fillOpacity: 0.2, interactive: Boolean(latest.current.onTapShape) };
        const layer =
          s.shape === "circle"
            ? L.circle(shown(s.center), { ...style, radius: s.radiusM })
            : L.polygon(ringVertices(s.ring).map(shown), style);
        layer.on("click", (e) => {
          L.DomEvent.stopPropagation(e);
          latest.current.onTapShape?.(s.id);
        });
        zones.addLayer(layer);
      }
    };
    drawShapes();
    redrawShapes.current = drawShapes;
    const markers = L.layerGroup().addTo(map);
    const draw = () => {
      markers.clearLayers();
      for (const mark of latest.current.clusters.marksAt(map.getZoom())) {
        const title = mark.kind === "point" ? mark.point.title : `此处${mark.count}个，点击放大`;
        const marker = L.marker(shown(mark), {
          icon: L.divIcon({ className: "map-divicon", html: markHtml(mark), iconSize: [0, 0] }),
          title,
          keyboard: true,
        });
        marker.on("click", () => {
          if (mark.kind === "cluster" && canSplit(mark))
            map.setView(shown(mark), clampZoom(Math.max(mark.expansionZoom, map.getZoom() + 1)));
          else latest.current.onTapMark(mark);
        });
        markers.addLayer(marker);
      }
    };
    // A tap on the map (markers stop theirs) picks that spot, back in GCJ-02.
    map.on("click", (e) => {
      const at = { lat: e.latlng.lat, lng: e.latlng.lng };
      latest.current.onPick?.(tiles.datum === "wgs84" ? wgs84ToGcj02(at) : at);
    });
    map.on("zoomend", draw);
    draw();
    redraw.current = draw;
    return () => {
      redraw.current = null;
      redrawShapes.current = null;
      map.remove();
    };
  }, [tiles, centre, radius]);

  // New points (e.g. a pin moved by a tap) redraw the markers on the same map: the view and zoom stay.
  // biome-ignore lint/correctness/useExhaustiveDependencies: clusters is the trigger; draw reads it from `latest`
  useEffect(() => redraw.current?.(), [clusters]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: shapes is the trigger; drawShapes reads them from `latest`
  useEffect(() => redrawShapes.current?.(), [shapes]);

  return <div ref={host} className={`${className} tile-map`} />;
}

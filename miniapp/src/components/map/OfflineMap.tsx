import { distanceMetres, type LatLng } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { useState } from "react";
import { formatDistance } from "../../ui/formatDistance";
import { canSplit, type MapMark, type MarkerClusters } from "./clustering";
import { MARKER_HEX } from "./colours";
import { clampZoom, fromWorldPixels, metresPerPixel, pixelOffset, scaleBarMetres, worldPixels, zoomForSpan } from "./projection";
import { ringVertices } from "./shapes";
import type { MapShape } from "./types";

/*
 * A map that needs no tiles (H5 without a tile source, or when tiles fail): the search centre, a ring at
 * the search radius, the markers placed by Web Mercator like a tile map would, and a scale bar. Tapping
 * a cluster zooms in on it; "显示全部" goes back to the first view.
 */
export interface OfflineMapProps {
  centre: LatLng;
  radius: number;
  clusters: MarkerClusters;
  /** Every point's position, to fit the first view around all of them. */
  points: readonly LatLng[];
  className: string;
  onTapMark: (mark: MapMark) => void;
  shapes?: readonly MapShape[];
  /** A shape was tapped (none: shapes let taps through, e.g. to onPick). */
  onTapShape?: (id: string) => void;
  onPick?: (point: LatLng) => void;
}

/** The plot's assumed width in CSS pixels (a phone's width less the page's padding). */
export const OFFLINE_WIDTH_PX = 340;

const percent = (v: number) => 50 + (v / OFFLINE_WIDTH_PX) * 100;
const inside = (p: { left: number; top: number }) => p.left >= 0 && p.left <= 100 && p.top >= 0 && p.top <= 100;

export function fitZoom(centre: LatLng, radius: number, points: readonly LatLng[]): number {
  const farthest = points.reduce((m, p) => Math.max(m, distanceMetres(centre, p)), 0);
  return zoomForSpan(Math.max(radius, farthest) * 1.08 * 2, OFFLINE_WIDTH_PX, centre.lat);
}

/** A click's place on the plot (H5 only: the weapp draws the native map), as a fraction of its width. */
function clickFraction(e: unknown): { fx: number; fy: number } | null {
  const { clientX, clientY, currentTarget } = e as { clientX?: number; clientY?: number; currentTarget?: Element };
  const box = currentTarget?.getBoundingClientRect?.();
  if (typeof clientX !== "number" || typeof clientY !== "number" || !box || box.width <= 0) return null;
  // The plot is square (padding-bottom: 100%): one scale for both axes.
  return { fx: (clientX - box.left) / box.width, fy: (clientY - box.top) / box.width };
}

export function OfflineMap({ centre, radius, clusters, points, shapes = [], className, onTapMark, onTapShape, onPick }: OfflineMapProps) {
  const first = { centre, zoom: fitZoom(centre, radius, points) };
  const [view, setView] = useState(first);
  const place = (p: LatLng) => {
    const { dx, dy } = pixelOffset(view.centre, p, view.zoom);
    return { left: percent(dx), top: percent(dy) };
  };
  const pick = (e: unknown) => {
    const at = onPick ? clickFraction(e) : null;
    if (!onPick || !at) return;
    const middle = worldPixels(view.centre, view.zoom);
    onPick(fromWorldPixels(middle.x + (at.fx - 0.5) * OFFLINE_WIDTH_PX, middle.y + (at.fy - 0.5) * OFFLINE_WIDTH_PX, view.zoom));
  };
  const tap = (mark: MapMark) => {
    if (mark.kind === "cluster" && canSplit(mark)) setView({ centre: mark, zoom: clampZoom(Math.max(mark.expansionZoom, view.zoom + 1)) });
    else onTapMark(mark);
  };

  const widthM = metresPerPixel(view.zoom, view.centre.lat) * OFFLINE_WIDTH_PX;
  const ringPct = ((2 * radius) / widthM) * 100;
  const scale = scaleBarMetres(widthM);
  const here = place(centre);
  const marks = clusters.marksAt(view.zoom).map((mark) => ({ mark, pos: place(mark) }));
  const zoomed = view.zoom > first.zoom + 0.01;

  return (
    <View className={`${className} offline-map`}>
      <View className="offline-map__canvas" onClick={pick}>
        <View
          className="offline-map__ring"
          style={{ left: `${here.left}%`, top: `${here.top}%`, width: `${ringPct}%`, height: `${ringPct}%` }}
        />
        {shapes.length > 0 ? <ShapesView shapes={shapes} place={place} metresToPct={(m) => (m / widthM) * 100} onTap={onTapShape} /> : null}
        <Text className="offline-map__north">北 ↑</Text>
        {inside(here) ? <View className="offline-map__centre map-centre" style={{ left: `${here.left}%`, top: `${here.top}%` }} /> : null}
        {marks
          .filter(({ pos }) => inside(pos))
          .map(({ mark, pos }, i) => (
            <MarkView
              key={mark.key}
              mark={mark}
              style={{ left: `${pos.left}%`, top: `${pos.top}%`, zIndex: marks.length - i }}
              onTap={tap}
            />
          ))}
        <View className="map-scale">
          <View className="map-scale__bar" style={{ width: `${(scale / widthM) * 100}%` }} />
          <Text className="map-scale__text">{formatDistance(scale)}</Text>
        </View>
        {zoomed ? (
          <Text
            className="map-reset"
            onClick={(e) => {
              e.stopPropagation();
              setView(first);
            }}
          >
            显示全部
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function MarkView({ mark, style, onTap }: { mark: MapMark; style: Record<string, string | number>; onTap: (m: MapMark) => void }) {
  // A marker's tap is its own, not a pick of the spot under it.
  const tap = (e: { stopPropagation?: () => void }) => {
    e.stopPropagation?.();
    onTap(mark);
  };
  if (mark.kind === "point") {
    return (
      <View className={`map-marker map-marker--${mark.point.colour}`} data-id={mark.point.id} style={style} onClick={tap}>
        <Text className="map-marker__label">{mark.point.label ?? ""}</Text>
      </View>
    );
  }
  return (
    <View className={`map-cluster map-cluster--${mark.colour}`} data-ids={mark.ids.join(" ")} style={style} onClick={tap}>
      <Text className="map-cluster__count">{mark.count}</Text>
    </View>
  );
}

interface ShapesViewProps {
  shapes: readonly MapShape[];
  place: (p: LatLng) => { left: number; top: number };
  metresToPct: (m: number) => number;
  onTap?: (id: string) => void;
}

/** Zones drawn in the plot's own percent coordinates (H5 only, where SVG is the page's own). */
function ShapesView({ shapes, place, metresToPct, onTap }: ShapesViewProps) {
  const tap = (id: string) => (e: { stopPropagation: () => void }) => {
    e.stopPropagation();
    onTap?.(id);
  };
  return (
    <svg className="offline-map__shapes" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
      {shapes.map((s) => {
        const common = {
          className: `map-shape map-shape--${s.colour}`,
          "data-id": s.id,
          fill: MARKER_HEX[s.colour],
          fillOpacity: 0.2,
          stroke: MARKER_HEX[s.colour],
          strokeWidth: 0.6,
          style: { pointerEvents: onTap ? ("visiblePainted" as const) : ("none" as const) },
          onClick: onTap ? tap(s.id) : undefined,
        };
        if (s.shape === "circle") {
          const c = place(s.center);
          return <circle key={s.id} {...common} data-shape="circle" cx={c.left} cy={c.top} r={metresToPct(s.radiusM)} />;
        }
        const pts = ringVertices(s.ring)
          .map((p) => {
            const q = place(p);
            return `${q.left.toFixed(2)},${q.top.toFixed(2)}`;
          })
          .join(" ");
        return <polygon key={s.id} {...common} data-shape="polygon" points={pts} />;
      })}
    </svg>
  );
}

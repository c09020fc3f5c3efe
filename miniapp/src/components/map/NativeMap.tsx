import type { LatLng } from "@civic/shared";
import { Map as WxMap } from "@tarojs/components";
import { useState } from "react";
import { canSplit, type MapMark, type MarkerClusters } from "./clustering";
import { MARKER_HEX } from "./colours";
import { clampZoom } from "./projection";
import { ringVertices, shapeAt } from "./shapes";
import type { MapShape } from "./types";

/*
 * WeChat's native map (GCJ-02, like our data). Markers are our own clusters, recomputed when the user
 * pinches; a cluster's count is drawn as the marker's label. Icons are files in the package
 * (config/index.ts copies them), one per colour.
 */
export interface NativeMapProps {
  centre: LatLng;
  radius: number;
  clusters: MarkerClusters;
  className: string;
  /** A marker, or a cluster that cannot split any further, was tapped. */
  onTapMark: (mark: MapMark) => void;
  shapes?: readonly MapShape[];
  /** A tap inside a shape (WeChat reports map taps, not shape taps: hit-tested here). */
  onTapShape?: (id: string) => void;
  onPick?: (point: LatLng) => void;
}

/** WeChat's scale that shows the whole search circle on a phone screen. */
export const scaleFor = (radius: number): number => (radius <= 500 ? 16 : radius <= 1000 ? 15 : radius <= 2000 ? 14 : 13);

const iconPath = (colour: string) => `/assets/marker-${colour}.png`;

function toMarker(mark: MapMark, id: number) {
  if (mark.kind === "point") {
    return {
      id,
      latitude: mark.lat,
      longitude: mark.lng,
      title: mark.point.title,
      iconPath: iconPath(mark.point.colour),
      width: 28,
      height: 28,
      ariaLabel: mark.point.title,
    };
  }
  const text = String(mark.count);
  return {
    id,
    latitude: mark.lat,
    longitude: mark.lng,
    title: `此处${mark.count}个`,
    iconPath: iconPath(mark.colour),
    width: 34,
    height: 34,
    ariaLabel: `此处${mark.count}个，点击放大`,
    label: {
      content: text,
      color: "#ffffff",
      fontSize: 13,
      anchorX: -(4 + text.length * 4),
      // From the marker's point (the pin's tip) up to the middle of its 34 px pin head.
      anchorY: -34,
      borderWidth: 2,
      borderColor: "#ffffff",
      borderRadius: 12,
      bgColor: MARKER_HEX[mark.colour],
      padding: 3,
      textAlign: "center" as const,
    },
  };
}

/** Zones as WeChat draws them: polygons and circles with a translucent fill of the caller's colour. */
export function nativeShapes(shapes: readonly MapShape[]) {
  const polygons = [];
  const circles = [];
  for (const s of shapes) {
    const hex = MARKER_HEX[s.colour];
    if (s.shape === "polygon") {
      const points = ringVertices(s.ring).map((p) => ({ latitude: p.lat, longitude: p.lng }));
      polygons.push({ points, strokeWidth: 2, strokeColor: hex, fillColor: `${hex}33`, zIndex: 1 });
    } else {
      circles.push({
        latitude: s.center.lat,
        longitude: s.center.lng,
        radius: s.radiusM,
        color: hex,
        fillColor: `${hex}33`,
        strokeWidth: 2,
      });
    }
  }
  return { polygons, circles };
}

interface RegionDetail {
  causedBy?: string;
  scale?: number;
  centerLocation?: { latitude: number; longitude: number };
}

export function NativeMap({ centre, radius, clusters, shapes = [], className, onTapMark, onTapShape, onPick }: NativeMapProps) {
  const [view, setView] = useState({ lat: centre.lat, lng: centre.lng, zoom: scaleFor(radius) });
  const marks = clusters.marksAt(view.zoom);

  const tap = (markerId: number | string) => {
    const mark = marks[Number(markerId)];
    if (!mark) return;
    if (mark.kind === "cluster" && canSplit(mark)) setView({ lat: mark.lat, lng: mark.lng, zoom: clampZoom(mark.expansionZoom) });
    else onTapMark(mark);
  };
  // A pinch changes which points fall together; our own updates ("update") must not loop back.
  const regionChanged = (e: { type?: string; detail?: RegionDetail }) => {
    const d = e.detail;
    if (e.type !== "end" || !d || d.causedBy === "update" || typeof d.scale !== "number" || !d.centerLocation) return;
    if (Math.round(d.scale) === Math.round(view.zoom)) return;
    setView({ lat: d.centerLocation.latitude, lng: d.centerLocation.longitude, zoom: clampZoom(Math.round(d.scale)) });
  };

  return (
    <WxMap
      className={`${className} native-map`}
      latitude={view.lat}
      longitude={view.lng}
      scale={view.zoom}
      markers={marks.map(toMarker)}
      {...nativeShapes(shapes)}
      showLocation
      onMarkerTap={(e) => tap(e.detail.markerId)}
      onCalloutTap={(e) => tap(e.detail.markerId)}
      onTap={(e) => {
        // WeChat's map answers a tap with where it was, in GCJ-02 like our data.
        const at = (e as unknown as { detail?: { latitude?: number; longitude?: number } }).detail;
        if (typeof at?.latitude !== "number" || typeof at.longitude !== "number") return;
        const spot = { lat: at.latitude, lng: at.longitude };
        if (onPick) onPick(spot);
        else if (onTapShape) {
          const hit = shapeAt(shapes, spot);
          if (hit) onTapShape(hit.id);
        }
      }}
      onRegionChange={(e) => regionChanged(e as unknown as { type?: string; detail?: RegionDetail })}
      onError={() => undefined}
    />
  );
}

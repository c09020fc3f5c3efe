import { Map as WxMap } from "@tarojs/components";
import type { ToiletMapProps } from "./ToiletMap";

/* Marker icons are copied to the package root by config/index.ts (the map wants file paths). */
const MARKER_ICONS = {
  open: "/assets/marker-open.png",
  closed: "/assets/marker-closed.png",
  unknown: "/assets/marker-unknown.png",
} as const;

/** Zoom level that shows the whole search circle on a phone screen. */
const scaleFor = (radius: number) => (radius <= 500 ? 16 : radius <= 1000 ? 15 : 13);

export function NativeToiletMap({ centre, radius, toilets, onOpen }: ToiletMapProps) {
  const markers = toilets.map((t, i) => ({
    id: i,
    latitude: t.lat,
    longitude: t.lng,
    title: t.name,
    iconPath: MARKER_ICONS[t.openNow],
    width: 28,
    height: 28,
    ariaLabel: t.name,
  }));
  const openMarker = (markerId: number | string) => {
    const toilet = toilets[Number(markerId)];
    if (toilet) onOpen(toilet.id);
  };
  return (
    <WxMap
      className="toilet-map native-map"
      latitude={centre.lat}
      longitude={centre.lng}
      scale={scaleFor(radius)}
      markers={markers}
      showLocation
      onMarkerTap={(e) => openMarker(e.detail.markerId)}
      onCalloutTap={(e) => openMarker(e.detail.markerId)}
      onError={() => undefined}
    />
  );
}

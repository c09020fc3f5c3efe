import type { LatLng } from "@civic/shared";
import type { MapMark, MarkerClusters } from "./clustering";
import type { MapTiles } from "./tileSource";

export interface TileMapProps {
  tiles: MapTiles;
  centre: LatLng;
  radius: number;
  clusters: MarkerClusters;
  points: readonly LatLng[];
  className: string;
  onTapMark: (mark: MapMark) => void;
  onPick?: (point: LatLng) => void;
  /** Leaflet could not load, or its tiles fail (no network, wrong key): show the offline map instead. */
  onUnavailable: () => void;
}

import type { OfflineMapProps } from "./OfflineMap";
import type { MapTiles } from "./tileSource";

/** The street map takes what the offline map takes, plus its tiles and a way to fall back to the offline map. */
export interface TileMapProps extends OfflineMapProps {
  tiles: MapTiles;
  /** Leaflet could not load, or its tiles fail (no network, wrong key): show the offline map instead. */
  onUnavailable: () => void;
}

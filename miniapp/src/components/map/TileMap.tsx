import { useEffect } from "react";
import type { TileMapProps } from "./tileMapProps";

/*
 * Builds without a street map: the weapp (WeChat draws its own) and the jsdom tests. The H5 build takes
 * TileMap.h5.tsx instead (Taro picks `<name>.<platform>.tsx` first), so Leaflet never reaches the weapp.
 */
export function TileMap({ onUnavailable }: TileMapProps) {
  useEffect(() => onUnavailable(), [onUnavailable]);
  return null;
}

import type { LatLng, ToiletSummary } from "@civic/shared";
import { NativeToiletMap } from "./NativeToiletMap";
import { OfflineToiletMap } from "./OfflineToiletMap";

export interface ToiletMapProps {
  centre: LatLng;
  radius: number;
  toilets: readonly ToiletSummary[];
  onOpen: (id: string) => void;
}

/*
 * WeChat's native map in the weapp. Taro's H5 Map loads Baidu's script from the internet (and uses
 * other coordinates), so H5 gets our own offline plot instead. The choice is made at build time.
 */
export function ToiletMap(props: ToiletMapProps) {
  if (process.env.TARO_ENV === "weapp") return <NativeToiletMap {...props} />;
  return <OfflineToiletMap {...props} />;
}

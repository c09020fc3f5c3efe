import { Text, View } from "@tarojs/components";
import { formatDistance } from "../format";
import { mapPosition, scaleBarMetres } from "../mapProjection";
import type { ToiletMapProps } from "./ToiletMap";

/*
 * A map that needs no map tiles: the search centre in the middle, each toilet placed by its bearing
 * and distance, rings at half and full radius, a scale bar. Tapping a marker opens the toilet.
 */
export function OfflineToiletMap({ centre, radius, toilets, onOpen }: ToiletMapProps) {
  const farthest = toilets.reduce((m, t) => Math.max(m, t.distanceM), 0);
  const extent = Math.max(radius, farthest) * 1.08;
  const scale = scaleBarMetres(extent);
  const scaleWidth = (scale / (extent * 2)) * 100;
  const ringPct = (radius / extent) * 100;
  return (
    <View className="toilet-map offline-map">
      <View className="offline-map__canvas">
        <View className="offline-map__ring" style={{ width: `${ringPct}%`, height: `${ringPct}%` }} />
        <View className="offline-map__ring" style={{ width: `${ringPct / 2}%`, height: `${ringPct / 2}%` }} />
        <Text className="offline-map__north">北 ↑</Text>
        <View className="offline-map__centre map-centre" />
        {toilets.map((t, i) => {
          const pos = mapPosition(centre, t, extent);
          return (
            <View
              key={t.id}
              className={`map-marker map-marker--${t.openNow}`}
              data-id={t.id}
              style={{ left: `${pos.left}%`, top: `${pos.top}%`, zIndex: toilets.length - i }}
              onClick={() => onOpen(t.id)}
            >
              <Text className="map-marker__label">{i + 1}</Text>
            </View>
          );
        })}
        <View className="map-scale">
          <View className="map-scale__bar" style={{ width: `${scaleWidth}%` }} />
          <Text className="map-scale__text">{formatDistance(scale)}</Text>
        </View>
      </View>
      <Text className="offline-map__legend">绿色：营业中 · 灰色：已关闭 · 橙色：时间未知。点击编号查看详情。</Text>
    </View>
  );
}

import { distanceMetres, type PublicReport, REPORT_STATUS_LABELS } from "@civic/shared";
import { Text, View, Map as WxMap } from "@tarojs/components";
import { formatDistance } from "../../finders/format";
import { mapPosition, scaleBarMetres } from "../../finders/mapProjection";

/*
 * Public reports around a point. The weapp gets WeChat's native map; Taro's H5 map needs Baidu's online
 * script, so H5 draws our own offline plot (the same projection as the toilet finder's).
 */
export interface ReportMapProps {
  centre: { lat: number; lng: number };
  radius: number;
  reports: readonly PublicReport[];
  onOpen: (id: string) => void;
}

const MARKER_ICON = "/assets/marker-unknown.png";

function NativeReportMap({ centre, radius, reports, onOpen }: ReportMapProps) {
  const markers = reports.map((r, i) => ({
    id: i,
    latitude: r.location.lat,
    longitude: r.location.lng,
    title: `${r.categoryName}（${REPORT_STATUS_LABELS[r.status]}）`,
    iconPath: MARKER_ICON,
    width: 28,
    height: 28,
  }));
  const open = (markerId: number | string) => {
    const report = reports[Number(markerId)];
    if (report) onOpen(report.id);
  };
  return (
    <WxMap
      className="report-map native-map"
      latitude={centre.lat}
      longitude={centre.lng}
      scale={radius <= 500 ? 16 : radius <= 1000 ? 15 : 13}
      markers={markers}
      showLocation
      onMarkerTap={(e) => open(e.detail.markerId)}
      onCalloutTap={(e) => open(e.detail.markerId)}
      onError={() => undefined}
    />
  );
}

function OfflineReportMap({ centre, radius, reports, onOpen }: ReportMapProps) {
  const farthest = reports.reduce((m, r) => Math.max(m, distanceMetres(centre, r.location)), 0);
  const extent = Math.max(radius, farthest) * 1.08;
  const scale = scaleBarMetres(extent);
  const ringPct = (radius / extent) * 100;
  return (
    <View className="report-map offline-map">
      <View className="offline-map__canvas">
        <View className="offline-map__ring" style={{ width: `${ringPct}%`, height: `${ringPct}%` }} />
        <Text className="offline-map__north">北 ↑</Text>
        <View className="offline-map__centre map-centre" />
        {reports.map((r, i) => {
          const pos = mapPosition(centre, r.location, extent);
          return (
            <View
              key={r.id}
              className={`map-marker report-marker report-marker--${r.status}`}
              data-id={r.id}
              style={{ left: `${pos.left}%`, top: `${pos.top}%`, zIndex: reports.length - i }}
              onClick={() => onOpen(r.id)}
            >
              <Text className="map-marker__label">{i + 1}</Text>
            </View>
          );
        })}
        <View className="map-scale">
          <View className="map-scale__bar" style={{ width: `${(scale / (extent * 2)) * 100}%` }} />
          <Text className="map-scale__text">{formatDistance(scale)}</Text>
        </View>
      </View>
      <Text className="offline-map__legend">位置已做模糊处理（约 100 米）。点击编号查看详情。</Text>
    </View>
  );
}

export function ReportMap(props: ReportMapProps) {
  if (process.env.TARO_ENV === "weapp") return <NativeReportMap {...props} />;
  return <OfflineReportMap {...props} />;
}

import { distanceMetres, LOT_TYPE_LABELS, type ParkingLotDetail } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { OpenBadge } from "../../../finders/components/ToiletItem";
import { formatDistance } from "../../../finders/format";
import { useSearchPlace } from "../../../finders/location";
import { LiveLine } from "../components/LiveLine";
import { rateText } from "../format";

/* What is known about a lot: where, what kind, its spaces per class, fees, operator and data source. */

export function InfoRow({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`info-row ${className}`}>
      <Text className="info-row__label">{label}</Text>
      <Text className="info-row__value">{value}</Text>
    </View>
  );
}

const SOURCE_KINDS = { push: "运营方实时推送", pull: "定时抓取", none: "无实时数据" } as const;

function capacityText(c: ParkingLotDetail["capacity"]): string {
  const parts = [`共 ${c.total} 个`];
  if (c.disabled > 0) parts.push(`无障碍 ${c.disabled} 个`);
  if (c.charging > 0) parts.push(`充电 ${c.charging} 个`);
  if (c.shared > 0) parts.push(`共享 ${c.shared} 个`);
  return parts.join(" · ");
}

export function LotInfo({ lot }: { lot: ParkingLotDetail }) {
  const place = useSearchPlace();
  const distance = place ? formatDistance(distanceMetres(place, lot)) : null;
  const rate = rateText(lot.fees.rate);
  return (
    <View className="card lot-detail">
      <Text className="lot-name lot-detail__name">{lot.name}</Text>
      <View className="lot-item__meta">
        <OpenBadge state={lot.live.status === "closed" ? "closed" : lot.openNow} />
        <Text className="lot-type">{LOT_TYPE_LABELS[lot.type]}</Text>
      </View>
      <LiveLine live={lot.live} />
      {lot.live.status === "closed" ? <Text className="lot-paused">运营方报告：暂停营业</Text> : null}
      {lot.active ? null : <Text className="lot-inactive">已停用</Text>}
      <InfoRow className="lot-detail-address" label="地址" value={lot.address} />
      <InfoRow className="lot-district" label="区域" value={lot.district} />
      {distance && place ? <InfoRow className="lot-detail-distance" label="距离" value={`距${place.label} ${distance}`} /> : null}
      <InfoRow className="lot-capacity" label="车位" value={capacityText(lot.capacity)} />
      <InfoRow className="lot-fees" label="收费" value={lot.fees.text || "未提供"} />
      {rate ? <InfoRow className="lot-rate" label="计费" value={rate} /> : null}
      <InfoRow className="lot-operator" label="运营方" value={lot.source.operatorName ?? "未知"} />
      <InfoRow
        className="lot-source"
        label="数据来源"
        value={`${SOURCE_KINDS[lot.source.kind]}${lot.source.licence ? ` · 许可：${lot.source.licence}` : ""}`}
      />
    </View>
  );
}

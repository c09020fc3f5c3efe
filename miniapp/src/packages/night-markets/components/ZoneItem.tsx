import { MARKET_ZONE_KIND_LABELS, type MarketZoneSummary, type ZoneState } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { formatDistance } from "../../../finders/format";

/* One zone in the list: name, distance, its state now with the API's words (还有 2 小时收摊, 19:00 开市). */

export const ZONE_STATE_LABELS: Record<ZoneState, string> = { open: "营业中", opens_later: "今晚开市", closed: "休市" };

export function ZoneStateBadge({ state }: { state: ZoneState }) {
  return <Text className={`zone-state zone-state--${state}`}>{ZONE_STATE_LABELS[state]}</Text>;
}

export function ZoneItem({ zone, index, onOpen }: { zone: MarketZoneSummary; index?: number; onOpen: (id: string) => void }) {
  return (
    <View className="zone-item" data-id={zone.id} onClick={() => onOpen(zone.id)}>
      <View className="zone-item__head">
        {index !== undefined ? <Text className="zone-index">{index + 1}</Text> : null}
        <Text className="zone-name">{zone.name}</Text>
        <Text className="zone-distance">{formatDistance(zone.distanceM)}</Text>
      </View>
      <View className="zone-item__meta">
        <ZoneStateBadge state={zone.status.state} />
        <Text className="zone-kind">{MARKET_ZONE_KIND_LABELS[zone.kind]}</Text>
        <Text className={`zone-time zone-time--${zone.status.state}`}>{zone.status.text}</Text>
      </View>
      <Text className="zone-address">
        {zone.address}
        {zone.stalls !== null ? ` · ${zone.stalls} 个摊位` : ""}
      </Text>
    </View>
  );
}

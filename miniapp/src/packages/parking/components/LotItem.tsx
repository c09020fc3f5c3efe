import { LOT_TYPE_LABELS, type ParkingLotSummary } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { OpenBadge } from "../../../finders/components/ToiletItem";
import { formatDistance } from "../../../finders/format";
import { LiveLine } from "./LiveLine";

/* One lot in the finder's list: name, distance, open badge, type, the live line and the address. */
export function LotItem({ lot, index, onOpen }: { lot: ParkingLotSummary; index?: number; onOpen: (id: string) => void }) {
  return (
    <View className="lot-item" data-id={lot.id} onClick={() => onOpen(lot.id)}>
      <View className="lot-item__head">
        {index !== undefined ? <Text className="lot-index">{index + 1}</Text> : null}
        <Text className="lot-name">{lot.name}</Text>
        <Text className="lot-distance">{formatDistance(lot.distanceM)}</Text>
      </View>
      <View className="lot-item__meta">
        <OpenBadge state={lot.live.status === "closed" ? "closed" : lot.openNow} />
        <Text className="lot-type">{LOT_TYPE_LABELS[lot.type]}</Text>
        {lot.capacity.charging > 0 ? <Text className="lot-tag tag-charging">充电桩</Text> : null}
        {lot.capacity.disabled > 0 ? <Text className="lot-tag tag-accessible">无障碍</Text> : null}
      </View>
      <LiveLine live={lot.live} />
      <Text className="lot-address">{lot.address}</Text>
    </View>
  );
}

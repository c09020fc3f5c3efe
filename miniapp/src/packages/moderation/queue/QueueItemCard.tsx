import { type QueueItem, VENDING_ZONE_FLAG_LABELS } from "@civic/shared";
import { Image, Text, View } from "@tarojs/components";
import { districtDisplayName } from "../../../city/districts";
import { caseName } from "../../../reports/caseText";
import { formatCityTime } from "../../../ui/formatTime";
import { photoSrc } from "../api";
import { StatusBadge, UrgencyBadges } from "../components/StatusBadge";

/** One case in the queue; tapping it opens the case page. */
export function QueueItemCard({ item, onOpen }: { item: QueueItem; onOpen: (id: string) => void }) {
  const cls = ["card", "queue-item", item.held ? "queue-item--held" : "", item.overdue ? "queue-item--overdue" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <View className={cls} data-id={item.id} onClick={() => onOpen(item.id)}>
      {item.thumbnailUrl ? (
        <Image className="queue-thumb" src={photoSrc(item.thumbnailUrl)} mode="aspectFill" />
      ) : (
        <View className="queue-thumb queue-thumb--none">
          <Text>无图</Text>
        </View>
      )}
      <View className="queue-item__body">
        <View className="queue-item__head">
          <Text className="queue-category">{item.categoryName}</Text>
          <StatusBadge status={item.status} className="queue-status" />
        </View>
        <View className="badge-row">
          <UrgencyBadges held={item.held} overdue={item.overdue} />
          {item.vendingZone ? (
            <Text className={`badge queue-vending queue-vending--${item.vendingZone}`}>{VENDING_ZONE_FLAG_LABELS[item.vendingZone]}</Text>
          ) : null}
          {item.slaDueAt ? <Text className="badge queue-sla">时限 {formatCityTime(item.slaDueAt)}</Text> : null}
          {item.followers > 0 ? <Text className="badge queue-followers">{item.followers}人同样反映</Text> : null}
        </View>
        <Text className="queue-description">{item.description}</Text>
        <Text className="queue-address">
          {districtDisplayName(item.district)} · {item.address}
        </Text>
        <Text className="queue-meta">
          {caseName(item)} · 上报 {formatCityTime(item.createdAt)}
          {item.department ? ` · ${item.department}` : ""}
        </Text>
      </View>
    </View>
  );
}

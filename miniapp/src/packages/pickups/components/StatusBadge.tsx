import { PICKUP_STATUS_LABELS, type PickupStatus } from "@civic/shared";
import { Text } from "@tarojs/components";

export function PickupStatusBadge({ status }: { status: PickupStatus }) {
  return <Text className={`pickup-status pickup-status--${status}`}>{PICKUP_STATUS_LABELS[status]}</Text>;
}

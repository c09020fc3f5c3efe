import type { RewardPlace } from "@civic/shared";
import { Text, View } from "@tarojs/components";

/* Where and when a reward is picked up. */
export function Place({ place }: { place: RewardPlace }) {
  return (
    <View className="reward-place">
      <Text className="reward-place__name">领取点：{place.name}</Text>
      <Text className="hint-text">{place.address}</Text>
      <Text className="hint-text">开放时间：{place.hours}</Text>
    </View>
  );
}

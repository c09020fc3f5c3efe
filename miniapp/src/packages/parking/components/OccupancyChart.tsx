import type { OccupancyBucket } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { chartBars } from "../format";

/*
 * The last 24 hours as bars drawn with Views (no chart library): each bar's height is the occupied share,
 * an hour without observations is an empty gap, every third hour is labelled under its bar.
 */
export function OccupancyChart({ series }: { series: readonly OccupancyBucket[] }) {
  const bars = chartBars(series);
  if (bars.every((b) => b.percent === null)) return <Text className="occupancy-empty">最近 24 小时没有上报数据</Text>;
  return (
    <View className="occupancy-chart">
      <View className="occupancy-chart__bars">
        {bars.map((b) => (
          <View key={b.hourStart} className={`occupancy-bar${b.percent === null ? " is-gap" : ""}`} aria-label={b.title} data-hour={b.hour}>
            {b.percent === null ? null : (
              <View
                className={`occupancy-bar__fill${b.percent >= 90 ? " is-full" : ""}`}
                style={{ height: `${Math.max(b.percent, 2)}%` }}
              />
            )}
          </View>
        ))}
      </View>
      <View className="occupancy-chart__hours">
        {bars.map((b) => (
          <Text key={b.hourStart} className="occupancy-hour">
            {b.hour % 3 === 0 ? String(b.hour) : ""}
          </Text>
        ))}
      </View>
      <Text className="occupancy-chart__note">柱高为占用比例（越高越满），空白表示该小时没有数据；横轴为时刻。</Text>
    </View>
  );
}

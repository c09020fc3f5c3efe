import type { CommunityMonthFigures } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { monthLabel } from "./Stars";

/** The published months as simple bars (height = score), drawn with Views so it works without a canvas. */
export function TrendBars(props: { trend: CommunityMonthFigures[] }) {
  if (props.trend.length === 0) return <Text className="hint-text trend-empty">还没有已公布的月度评星</Text>;
  return (
    <View className="trend-bars">
      {props.trend.map((m) => (
        <View key={m.month} className={`trend-bar stars-${m.stars}`} data-month={m.month}>
          <Text className="trend-bar__score">{m.score}</Text>
          <View className="trend-bar__track">
            <View className="trend-bar__fill" style={{ height: `${Math.max(4, Math.min(100, m.score))}%` }} />
          </View>
          <Text className="trend-bar__stars">{m.stars}★</Text>
          <Text className="trend-bar__month">{monthLabel(m.month).slice(5)}</Text>
        </View>
      ))}
    </View>
  );
}

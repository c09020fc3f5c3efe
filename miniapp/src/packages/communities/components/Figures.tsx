import type { CommunityMonthFigures } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { monthLabel, percent, Stars } from "./Stars";

/** One published month's figures: stars, score, participation, accuracy and the bureau's inspection. */
export function Figures(props: { figures: CommunityMonthFigures }) {
  const f = props.figures;
  return (
    <View className="card community-figures">
      <Text className="community-figures__month">{monthLabel(f.month)}评星</Text>
      <Stars stars={f.stars} className="community-figures__stars" />
      <View className="community-figures__grid">
        <Text className="figure figure-score">综合得分 {f.score}</Text>
        <Text className="figure figure-participation">参与率 {percent(f.participation)}</Text>
        <Text className="figure figure-accuracy">准确率 {percent(f.accuracy)}</Text>
        <Text className="figure figure-inspection">检查评分 {f.inspection}</Text>
      </View>
    </View>
  );
}

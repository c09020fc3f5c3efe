import type { PickupKpis } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { percent } from "../../../ui/periods";

/* The pickups KPIs: on-time completion, residents' no-shows, the residents' average rating. */

export function PickupKpiTiles({ kpis }: { kpis: PickupKpis }) {
  const tiles = [
    {
      className: "kpi-on-time",
      label: "按时完成率",
      value: percent(kpis.onTimeRate),
      count: `应收运 ${kpis.due} 单，已完成 ${kpis.completed} 单`,
    },
    { className: "kpi-no-show", label: "居民爽约率", value: percent(kpis.noShowRate), count: `物品未按约放置 / 应收运 ${kpis.due} 单` },
    {
      className: "kpi-rating",
      label: "平均评分",
      value: kpis.averageRating === null ? "—" : `${kpis.averageRating.toFixed(1)} 分`,
      count: `${kpis.rated} 条评价`,
    },
  ];
  return (
    <View className="kpi-tiles pickup-kpis">
      {tiles.map((t) => (
        <View key={t.className} className={`kpi-tile ${t.className}`}>
          <Text className="kpi-label">{t.label}</Text>
          <Text className="kpi-value">{t.value}</Text>
          <Text className="kpi-count">{t.count}</Text>
        </View>
      ))}
    </View>
  );
}

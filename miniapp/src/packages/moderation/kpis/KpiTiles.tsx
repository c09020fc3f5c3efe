import { type KpiFigures, REOPEN_RATE_BASIS } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { percent } from "../../../ui/periods";
import { hoursText } from "./period";

/* The headline figures: each tile carries its stable class, the value in `kpi-value`, the counts in `kpi-count`. */
interface Tile {
  className: string;
  label: string;
  value: string;
  count: string;
}

const tilesOf = (f: KpiFigures): Tile[] => [
  { className: "kpi-cases", label: "立案数", value: String(f.cases), count: `已结案 ${f.closed} 件` },
  { className: "kpi-closure-rate", label: "结案率", value: percent(f.closureRate), count: `${f.closed} / ${f.cases} 件` },
  { className: "kpi-on-time-rate", label: "按期结案率", value: percent(f.onTimeRate), count: `${f.closedOnTime} / ${f.closed} 件` },
  { className: "kpi-median-hours", label: "中位结案时长", value: hoursText(f.medianHoursToClose), count: `共 ${f.closed} 件已结案` },
  { className: "kpi-satisfaction-rate", label: "回访满意率", value: percent(f.satisfactionRate), count: `${f.rated} 条评价` },
  { className: "kpi-reopen-rate", label: "重开率", value: percent(f.reopenRate), count: `重开过 ${f.reopened} / 处理过 ${f.resolved} 件` },
];

export function KpiTiles({ figures }: { figures: KpiFigures }) {
  return (
    <View className="kpi-tiles">
      {tilesOf(figures).map((t) => (
        <View key={t.className} className={`kpi-tile ${t.className}`}>
          <Text className="kpi-label">{t.label}</Text>
          <Text className="kpi-value">{t.value}</Text>
          <Text className="kpi-count">{t.count}</Text>
        </View>
      ))}
      <Text className="chart-note kpi-reopen-basis">{REOPEN_RATE_BASIS}</Text>
    </View>
  );
}

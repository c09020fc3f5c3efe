import { type KpiResponse, REOPEN_RATE_BASIS } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { districtDisplayName } from "../../../city/districts";
import { percent } from "../../../ui/periods";
import { chartDateLabel } from "./chartDates";
import { barPercent } from "./period";

/*
 * Charts from plain Views with percentage sizes (WXML has no SVG, and this renders the same in H5):
 * cases and closures per day as paired columns, and each group's rates as horizontal bars.
 */
export function DailyChart({ daily }: { daily: KpiResponse["daily"] }) {
  const max = Math.max(0, ...daily.map((d) => Math.max(d.cases, d.closed)));
  return (
    <View className="card kpi-chart kpi-chart-daily">
      <Text className="section-title">每日立案与结案</Text>
      <View className="chart-legend">
        <Text className="legend legend--cases">立案</Text>
        <Text className="legend legend--closed">结案</Text>
      </View>
      <View className="daily-chart__plot">
        {daily.map((d, i) => (
          <View key={d.date} className="daily-bar" data-date={d.date} data-cases={d.cases} data-closed={d.closed}>
            <View className="daily-bar__pair">
              <View className="daily-bar__cases" style={{ height: barPercent(d.cases, max) }} />
              <View className="daily-bar__closed" style={{ height: barPercent(d.closed, max) }} />
            </View>
            <Text className={`daily-bar__date${i === daily.length - 1 ? " daily-bar__date--last" : ""}`}>
              {chartDateLabel(d.date, i, daily.length)}
            </Text>
          </View>
        ))}
      </View>
      <Text className="chart-note">最高 {max} 件/天</Text>
    </View>
  );
}

const RATES = [
  { key: "closureRate", label: "结案率" },
  { key: "onTimeRate", label: "按期结案率" },
  { key: "satisfactionRate", label: "回访满意率" },
  { key: "reopenRate", label: "重开率" },
] as const;

export function GroupChart({ groups, groupBy }: { groups: KpiResponse["groups"]; groupBy: KpiResponse["groupBy"] }) {
  if (groups.length === 0) return null;
  return (
    <View className="card kpi-chart kpi-chart-groups">
      <Text className="section-title">{groupBy === "district" ? "各区域" : "各分类"}</Text>
      <Text className="chart-note kpi-reopen-basis">{REOPEN_RATE_BASIS}</Text>
      {groups.map((g) => (
        <View key={g.key} className="kpi-group-row" data-key={g.key}>
          <View className="kpi-group-row__head">
            <Text className="kpi-group-label">{groupBy === "district" ? districtDisplayName(g.key, g.label) : g.label}</Text>
            <Text className="kpi-group-cases">立案 {g.figures.cases} 件</Text>
          </View>
          {RATES.map((r) => {
            const rate = g.figures[r.key];
            return (
              <View key={r.key} className={`group-rate group-rate--${r.key}`}>
                <Text className="group-rate__label">{r.label}</Text>
                <View className="group-rate__track">
                  <View className="group-rate__bar" style={{ width: rate === null ? "0%" : barPercent(rate, 1) }} />
                </View>
                <Text className="group-rate__value">{percent(rate)}</Text>
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}

import type { PickupCounts, PickupOverview } from "@civic/shared";
import { Text, View } from "@tarojs/components";

/* The day per street: counts by state, overdue highlighted, volume booked against capacity. */

const COLUMNS: { key: keyof PickupCounts; label: string }[] = [
  { key: "booked", label: "待接单" },
  { key: "accepted", label: "已接单" },
  { key: "arrived", label: "已到达" },
  { key: "completed", label: "已完成" },
  { key: "unable", label: "未能收运" },
  { key: "overdue", label: "超时未完成" },
];

const usage = (c: PickupCounts) =>
  c.capacityPoints > 0 ? `${c.bookedPoints} / ${c.capacityPoints} 点` : c.bookedPoints ? `${c.bookedPoints} 点（无容量）` : "未开放";

function Row({ name, counts, className }: { name: string; counts: PickupCounts; className: string }) {
  return (
    <View className={`admin-table__row overview-row ${className}${counts.overdue > 0 ? " has-overdue" : ""}`}>
      <Text className="admin-table__cell overview-row__name">{name}</Text>
      {COLUMNS.map((c) => (
        <Text
          key={c.key}
          className={`admin-table__cell overview-cell overview-${c.key}${c.key === "overdue" && counts.overdue > 0 ? " is-overdue" : ""}`}
        >
          <Text className="overview-cell__label">{c.label} </Text>
          {counts[c.key]}
        </Text>
      ))}
      <Text
        className={`admin-table__cell overview-volume${counts.capacityPoints > 0 && counts.bookedPoints >= counts.capacityPoints ? " is-full" : ""}`}
      >
        <Text className="overview-cell__label">运力 </Text>
        {usage(counts)}
      </Text>
    </View>
  );
}

export function OverviewTable({ overview }: { overview: PickupOverview }) {
  return (
    <View className="overview-table">
      <View className="admin-table__row overview-head">
        <Text className="admin-table__cell">街道</Text>
        {COLUMNS.map((c) => (
          <Text key={c.key} className="admin-table__cell">
            {c.label}
          </Text>
        ))}
        <Text className="admin-table__cell">已约 / 容量</Text>
      </View>
      {overview.streets.map((s) => (
        <Row key={s.streetCode} name={s.streetName} counts={s} className="overview-street" />
      ))}
      <Row name="合计" counts={overview.totals} className="overview-totals" />
      {overview.totals.overdue > 0 ? (
        <Text className="form-error overview-overdue-note">有 {overview.totals.overdue} 单在当天 18:00 后仍未完成，请督促回收员处理</Text>
      ) : null}
    </View>
  );
}

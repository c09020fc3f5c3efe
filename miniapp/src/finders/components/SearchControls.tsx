import { Text, View } from "@tarojs/components";
import { Chip } from "../../components/Chip";
import type { ToiletFilters } from "../api";

/* The finder's toolbar pieces: feature filters, search radius and list/map switch. */

export const FILTER_CHIPS: { key: keyof ToiletFilters; label: string; className: string }[] = [
  { key: "openNow", label: "营业中", className: "filter-open-now" },
  { key: "free", label: "免费", className: "filter-free" },
  { key: "accessible", label: "无障碍", className: "filter-accessible" },
  { key: "babyCare", label: "母婴室", className: "filter-baby-care" },
  { key: "thirdToilet", label: "第三卫生间", className: "filter-third-toilet" },
];

export function FilterBar({ filters, onChange }: { filters: ToiletFilters; onChange: (next: ToiletFilters) => void }) {
  return (
    <View className="chip-row filter-bar">
      {FILTER_CHIPS.map((f) => (
        <Chip
          key={f.key}
          label={f.label}
          className={`filter-chip ${f.className}`}
          active={filters[f.key]}
          onTap={() => onChange({ ...filters, [f.key]: !filters[f.key] })}
        />
      ))}
    </View>
  );
}

export const RADIUS_CHOICES = [
  { metres: 500, label: "500米" },
  { metres: 1000, label: "1公里" },
  { metres: 3000, label: "3公里" },
] as const;

export function RadiusPicker({ radius, onChange }: { radius: number; onChange: (metres: number) => void }) {
  return (
    <View className="chip-row radius-picker">
      <Text className="chip-row__label">范围</Text>
      {RADIUS_CHOICES.map((r) => (
        <Chip
          key={r.metres}
          label={r.label}
          className={`radius-chip radius-${r.metres}`}
          active={radius === r.metres}
          onTap={() => onChange(r.metres)}
        />
      ))}
    </View>
  );
}

export type FinderView = "list" | "map";

export function ViewSwitch({ view, onChange }: { view: FinderView; onChange: (v: FinderView) => void }) {
  return (
    <View className="view-switch">
      <Chip label="列表" className="view-list" active={view === "list"} onTap={() => onChange("list")} />
      <Chip label="地图" className="view-map" active={view === "map"} onTap={() => onChange("map")} />
    </View>
  );
}

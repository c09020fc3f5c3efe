import { Text, View } from "@tarojs/components";
import type { ReactNode } from "react";
import { Chip } from "../../components/Chip";
import type { ToiletFilters } from "../api";
import type { SearchPlace } from "../location";
import { PlaceBar } from "./PlacePicker";

/* The finder's toolbar pieces: feature filters, search radius and list/map switch. */

/** One on/off filter of a finder's query (营业中, 无障碍, …) and the class tests and styles find it by. */
export interface FlagChip<K extends string> {
  key: K;
  label: string;
  className: string;
}

/** A row of on/off filter chips over any finder's filters: a tap flips its flag. */
export function FlagChips<F extends { [key in K]?: boolean }, K extends string>(props: {
  chips: readonly FlagChip<K>[];
  filters: F;
  onChange: (next: F) => void;
}) {
  const { chips, filters, onChange } = props;
  return (
    <View className="chip-row filter-bar">
      {chips.map((f) => (
        <Chip
          key={f.key}
          label={f.label}
          className={`filter-chip ${f.className}`}
          active={Boolean(filters[f.key])}
          onTap={() => onChange({ ...filters, [f.key]: !filters[f.key] })}
        />
      ))}
    </View>
  );
}

export const FILTER_CHIPS: FlagChip<keyof ToiletFilters>[] = [
  { key: "openNow", label: "营业中", className: "filter-open-now" },
  { key: "free", label: "免费", className: "filter-free" },
  { key: "accessible", label: "无障碍", className: "filter-accessible" },
  { key: "babyCare", label: "母婴室", className: "filter-baby-care" },
  { key: "thirdToilet", label: "第三卫生间", className: "filter-third-toilet" },
];

export function FilterBar({ filters, onChange }: { filters: ToiletFilters; onChange: (next: ToiletFilters) => void }) {
  return <FlagChips chips={FILTER_CHIPS} filters={filters} onChange={onChange} />;
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

/** A finder's toolbar: the place searched around, the finder's own filters, then the radius and list/map. */
export function FinderToolbar(props: {
  place: SearchPlace;
  className?: string;
  radius: number;
  onRadius: (metres: number) => void;
  view: FinderView;
  onView: (v: FinderView) => void;
  children?: ReactNode;
}) {
  return (
    <View className={props.className ? `finder-toolbar ${props.className}` : "finder-toolbar"}>
      <PlaceBar place={props.place} />
      {props.children}
      <View className="finder-toolbar__row">
        <RadiusPicker radius={props.radius} onChange={props.onRadius} />
        <ViewSwitch view={props.view} onChange={props.onView} />
      </View>
    </View>
  );
}

import { LOT_TYPE_LABELS, LOT_TYPES } from "@civic/shared";
import { View } from "@tarojs/components";
import { Chip } from "../../../components/Chip";
import { type FlagChip, FlagChips } from "../../../finders/components/SearchControls";
import type { ParkingFilters } from "../api";

/* The finder's filter chips (the nearby query's flags) and the lot-type chips (one type or all). */

export const PARKING_FLAG_CHIPS: FlagChip<"openNow" | "hasFree" | "charging" | "accessible">[] = [
  { key: "openNow", label: "营业中", className: "filter-open-now" },
  { key: "hasFree", label: "有空位", className: "filter-has-free" },
  { key: "charging", label: "充电桩", className: "filter-charging" },
  { key: "accessible", label: "无障碍", className: "filter-accessible" },
];

export function ParkingFilterBar({ filters, onChange }: { filters: ParkingFilters; onChange: (next: ParkingFilters) => void }) {
  return (
    <>
      <FlagChips chips={PARKING_FLAG_CHIPS} filters={filters} onChange={onChange} />
      <View className="chip-row type-bar">
        <Chip
          label="全部类型"
          className="type-chip type-all"
          active={filters.type === undefined}
          onTap={() => onChange({ ...filters, type: undefined })}
        />
        {LOT_TYPES.map((t) => (
          <Chip
            key={t}
            label={LOT_TYPE_LABELS[t]}
            className={`type-chip type-${t}`}
            active={filters.type === t}
            onTap={() => onChange({ ...filters, type: filters.type === t ? undefined : t })}
          />
        ))}
      </View>
    </>
  );
}

import { Text, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { PICKUP_DISTRICTS, streetChoices } from "../streets";

/*
 * Streets picked by district: one district's streets at a time (chips), with "全选本区" and a count of the
 * streets chosen in each district, so a choice across districts stays visible.
 */
export function StreetPicker({ value, onChange, className }: { value: string[]; onChange: (next: string[]) => void; className?: string }) {
  const [district, setDistrict] = useState(() => PICKUP_DISTRICTS[0]?.code ?? "");
  const chosen = new Set(value);
  const streets = streetChoices(district);
  const allChosen = streets.length > 0 && streets.every((s) => chosen.has(s.code));
  const toggle = (code: string) => onChange(chosen.has(code) ? value.filter((c) => c !== code) : [...value, code]);
  const toggleAll = () => {
    const codes = streets.map((s) => s.code);
    onChange(allChosen ? value.filter((c) => !codes.includes(c)) : [...value, ...codes.filter((c) => !chosen.has(c))]);
  };
  return (
    <View className={`street-picker ${className ?? ""}`}>
      <View className="chip-row street-picker__districts">
        {PICKUP_DISTRICTS.map((d) => {
          const n = streetChoices(d.code).filter((s) => chosen.has(s.code)).length;
          return (
            <Chip
              key={d.code}
              label={n ? `${d.name}（${n}）` : d.name}
              className={`picker-district district-${d.id}`}
              active={d.code === district}
              onTap={() => setDistrict(d.code)}
            />
          );
        })}
      </View>
      <View className="chip-row street-picker__streets">
        <Chip label={allChosen ? "取消全选" : "全选本区"} className="street-all" active={false} onTap={toggleAll} />
        {streets.map((s) => (
          <Chip key={s.code} label={s.name} className="street-chip" active={chosen.has(s.code)} onTap={() => toggle(s.code)} />
        ))}
      </View>
      <Text className="admin-hint street-picker__count">已选 {value.length} 个街道</Text>
    </View>
  );
}

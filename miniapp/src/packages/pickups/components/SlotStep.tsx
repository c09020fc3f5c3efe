import { PICKUP_WINDOWS, type PickupSlot } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { useState } from "react";
import { CITY_DISTRICTS } from "../../../city/districts";
import { useApiLoad } from "../../../services/useApiLoad";
import { pickupSlots } from "../api";
import { streetCodeOf, streetLabel, streetsIn } from "../street";

/*
 * The slot: the street (default: where the map point is), then its bookable slots by date, morning or
 * afternoon, with the room left against this booking's volume. Used by the wizard and by amend (where
 * the booking's own slot stays choosable: only the difference moves there).
 */
export interface SlotStepProps {
  streetCode: string | null;
  onStreet?: (code: string) => void;
  slotId: string | null;
  onSlot: (slot: PickupSlot) => void;
  /** Volume points the booking needs. */
  volume: number;
  /** Bumped to load the slots again (after "slot full"). */
  refresh?: number;
  /** A notice above the slots, e.g. 该时段已约满，请重新选择. */
  notice?: string | null;
  /** Amend: the booking's current slot and the points it already holds there. */
  current?: { slotId: string; points: number };
}

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];
export const dateLabel = (date: string): string => {
  const [y, m, d] = date.split("-").map(Number);
  const weekday = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return `${m}月${d}日 周${WEEKDAYS[weekday]}`;
};

function StreetPicker({ onStreet }: { onStreet: (code: string) => void }) {
  const [district, setDistrict] = useState<string | null>(null);
  return (
    <View className="card street-picker">
      <Text className="field-label">选择所在区</Text>
      <View className="district-list">
        {CITY_DISTRICTS.map((d) => (
          <Text
            key={d.id}
            className={`district-item street-district district-${d.id}${district === d.code ? " is-selected" : ""}`}
            onClick={() => setDistrict(d.code)}
          >
            {d.name}
          </Text>
        ))}
      </View>
      {district ? (
        <View className="chip-row street-list">
          {streetsIn(district).map((s) => (
            <Text key={s.name} className="chip street-item" data-code={streetCodeOf(s)} onClick={() => onStreet(streetCodeOf(s))}>
              {s.name}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export function SlotStep(props: SlotStepProps) {
  const [choosing, setChoosing] = useState(props.streetCode === null);
  const key = props.streetCode ? `pickup-slots:${props.streetCode}:${props.refresh ?? 0}` : null;
  const slots = useApiLoad(key, () => pickupSlots(props.streetCode as string));
  const roomOf = (s: PickupSlot) => s.remaining + (props.current?.slotId === s.id ? props.current.points : 0);
  const byDate = new Map<string, PickupSlot[]>();
  if (slots.state.status === "ok") for (const s of slots.state.data.slots) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);

  return (
    <View className="wizard-section pickup-slot-step">
      <Text className="section-title">选择收运时间</Text>
      <View className="street-row">
        <Text className="street-current">街道：{props.streetCode ? streetLabel(props.streetCode) : "请选择"}</Text>
        {props.onStreet && !choosing ? (
          <Text className="link street-change" onClick={() => setChoosing(true)}>
            更换街道
          </Text>
        ) : null}
      </View>
      {props.onStreet && choosing ? (
        <StreetPicker
          onStreet={(code) => {
            setChoosing(false);
            props.onStreet?.(code);
          }}
        />
      ) : null}
      {props.notice ? <Text className="field-error slot-notice">{props.notice}</Text> : null}
      <Text className="hint-text">本次预约占用 {props.volume} 个容量单位（按物品大小计算）。</Text>
      {slots.state.status === "loading" ? <Text className="hint-text slots-loading">正在加载可预约时段…</Text> : null}
      {slots.state.status === "error" ? (
        <View className="slots-error">
          <Text className="field-error">{slots.state.error.message}</Text>
          <Text className="link slots-retry" onClick={slots.reload}>
            重试
          </Text>
        </View>
      ) : null}
      {slots.state.status === "ok" && byDate.size === 0 ? (
        <Text className="empty-text slots-empty">该街道近期没有可预约的时段，请稍后再试或联系街道。</Text>
      ) : null}
      {[...byDate.entries()].map(([date, list]) => (
        <View key={date} className="card slot-day" data-date={date}>
          <Text className="slot-day__date">{dateLabel(date)}</Text>
          <View className="slot-day__windows">
            {list.map((s) => {
              const fits = roomOf(s) >= props.volume;
              const chosen = props.slotId === s.id;
              return (
                <View
                  key={s.id}
                  className={`slot-option slot-${s.window}${chosen ? " is-selected" : ""}${fits ? "" : " is-full"}`}
                  data-slot={s.id}
                  onClick={() => fits && props.onSlot(s)}
                >
                  <Text className="slot-option__window">{PICKUP_WINDOWS[s.window].label}</Text>
                  <Text className="slot-option__room">{fits ? `余量 ${roomOf(s)}` : "已约满"}</Text>
                </View>
              );
            })}
          </View>
        </View>
      ))}
    </View>
  );
}

import { addCityDays, MAX_CLOSURE_DAYS, monthDayZh } from "@civic/shared";
import { Input, Picker, Text, View } from "@tarojs/components";
import { Chip } from "../../../components/Chip";

/* 暂停开放至: the last closed day (a date picker, or a quick choice) and the reason residents will read. */

const QUICK_DAYS = [3, 7, 30] as const;

export function ClosureFields(props: {
  today: string;
  until: string;
  reason: string;
  onUntil: (until: string) => void;
  onReason: (reason: string) => void;
}) {
  const { today, until } = props;
  return (
    <View className="closure-fields">
      <Picker
        mode="date"
        value={until}
        start={today}
        end={addCityDays(today, MAX_CLOSURE_DAYS)}
        onChange={(e) => props.onUntil(String(e.detail.value))}
      >
        <Text className="closure-until">暂停开放至 {monthDayZh(until)}（含当天，点此选日期）</Text>
      </Picker>
      <View className="chip-row">
        {QUICK_DAYS.map((days) => {
          const date = addCityDays(today, days - 1);
          return (
            <Chip
              key={days}
              label={`${days}天`}
              className={`closure-days closure-days-${days}`}
              active={until === date}
              onTap={() => props.onUntil(date)}
            />
          );
        })}
      </View>
      <Text className="field-label">暂停原因（居民可见）</Text>
      <Input
        className="text-input closure-reason-input"
        value={props.reason}
        maxlength={100}
        placeholder="原因，如：管道维修"
        onInput={(e) => props.onReason(e.detail.value)}
      />
    </View>
  );
}

import { cityClock, describeDay, type OpeningHours, WEEKDAY_NAMES_ZH } from "@civic/shared";
import { Text, View } from "@tarojs/components";

/** Today's weekday in the city (0 = Monday), or null where the runtime cannot read time zones. */
function todayInCity(): number | null {
  try {
    return cityClock(new Date()).weekday;
  } catch {
    return null;
  }
}

/** Each day's opening hours, Monday first, today highlighted. */
export function HoursTable({ hours }: { hours: OpeningHours }) {
  if (hours.kind === "unknown") {
    return (
      <View className="toilet-hours">
        <Text className="toilet-hours-unknown">开放时间未知，暂无人核实</Text>
      </View>
    );
  }
  const today = todayInCity();
  const days = hours.kind === "always" ? WEEKDAY_NAMES_ZH.map(() => "24小时") : hours.days.map((d) => describeDay(d));
  return (
    <View className="toilet-hours">
      {WEEKDAY_NAMES_ZH.map((name, i) => (
        <View key={name} className={`toilet-hours-day${i === today ? " is-today" : ""}`}>
          <Text className="hours-weekday">
            {name}
            {i === today ? "（今天）" : ""}
          </Text>
          <Text className="hours-text">{days[i]}</Text>
        </View>
      ))}
    </View>
  );
}

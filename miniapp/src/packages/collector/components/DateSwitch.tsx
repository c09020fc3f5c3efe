import { View } from "@tarojs/components";
import { Chip } from "../../../components/Chip";
import { cityToday, cityTomorrow } from "../format";

/* 今天 / 明天 for the pages that work one date. */
export function DateSwitch({ date, onChange }: { date: string; onChange: (date: string) => void }) {
  const today = cityToday();
  const tomorrow = cityTomorrow();
  return (
    <View className="chip-row date-switch">
      <Chip label="今天" className="date-today" active={date === today} onTap={() => onChange(today)} />
      <Chip label="明天" className="date-tomorrow" active={date === tomorrow} onTap={() => onChange(tomorrow)} />
    </View>
  );
}

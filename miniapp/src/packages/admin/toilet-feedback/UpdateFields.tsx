import { describeDay, type OpeningHours, type ToiletDetail } from "@civic/shared";
import { Input, Text, View } from "@tarojs/components";
import { Chip } from "../../../components/Chip";
import { FACILITY_LABELS, type Facility, type HoursMode, type UpdateDraft } from "./resolve-request";

/*
 * 修改开放时间或设施, kept compact: the hours as "always", one daily interval or unknown (the shared
 * OpeningHours shapes), and the four facility switches. Untouched fields are left as they are.
 */

function describeHoursBrief(hours: OpeningHours): string {
  if (hours.kind !== "weekly") return hours.kind === "always" ? "全天开放" : "时间未知";
  const [first = [], ...rest] = hours.days.map((d) => describeDay(d));
  return rest.every((d) => d === first) ? `每天 ${first}` : "每周各天不同";
}

const HOURS_LABELS: Record<HoursMode, string> = { always: "全天开放", daily: "每天", unknown: "时间未知" };

export function UpdateFields(props: { toilet: ToiletDetail | null; draft: UpdateDraft; onChange: (d: UpdateDraft) => void }) {
  const { toilet, draft, onChange } = props;
  const set = (change: Partial<UpdateDraft>) => onChange({ ...draft, ...change });
  return (
    <View className="update-fields">
      {toilet ? <Text className="update-current">现在：{describeHoursBrief(toilet.hours)}</Text> : null}
      <View className="chip-row">
        {(Object.keys(HOURS_LABELS) as HoursMode[]).map((mode) => (
          <Chip
            key={mode}
            label={HOURS_LABELS[mode]}
            className={`hours-mode hours-mode-${mode}`}
            active={draft.hoursMode === mode}
            onTap={() => set({ hoursMode: draft.hoursMode === mode ? null : mode })}
          />
        ))}
      </View>
      {draft.hoursMode === "daily" ? (
        <View className="hours-daily">
          <Input className="text-input hours-open" value={draft.open} maxlength={5} onInput={(e) => set({ open: e.detail.value })} />
          <Text>至</Text>
          <Input className="text-input hours-close" value={draft.close} maxlength={5} onInput={(e) => set({ close: e.detail.value })} />
        </View>
      ) : null}
      {/* Toggle chips rather than Switch: a Switch template would weigh on the weapp main package. */}
      <Text className="update-hint">设施（亮起为有，点按切换）</Text>
      <View className="chip-row">
        {(Object.keys(FACILITY_LABELS) as Facility[]).map((key) => {
          const on = draft.facilities[key] ?? toilet?.[key] ?? false;
          return (
            <Chip
              key={key}
              label={FACILITY_LABELS[key]}
              className={`facility-toggle facility-toggle-${key}`}
              active={on}
              disabled={!toilet || undefined}
              onTap={() => set({ facilities: { ...draft.facilities, [key]: !on } })}
            />
          );
        })}
      </View>
    </View>
  );
}

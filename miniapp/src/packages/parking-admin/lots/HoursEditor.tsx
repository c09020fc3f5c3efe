import { type OpeningHours, WEEKDAY_NAMES_ZH } from "@civic/shared";
import { Input, Text, View } from "@tarojs/components";
import { Chip } from "../../../components/Chip";
import { parseWeek } from "./hoursText";

/* The weekly editor: 全天 / 按周 (a line per day) / 未知. `texts` stay the admin's own until saved. */

export interface HoursDraft {
  kind: OpeningHours["kind"];
  texts: string[];
}

export const draftOf = (hours: OpeningHours, texts: string[]): HoursDraft => ({ kind: hours.kind, texts });

/** The schedule the draft says, or the days that do not read as times. */
export function hoursOf(draft: HoursDraft): { ok: true; hours: OpeningHours } | { ok: false; badDays: number[] } {
  if (draft.kind !== "weekly") return { ok: true, hours: { kind: draft.kind } };
  return parseWeek(draft.texts);
}

export function HoursEditor(props: { name: string; draft: HoursDraft; onChange: (d: HoursDraft) => void; badDays?: number[] }) {
  const { draft, onChange, name } = props;
  return (
    <View className={`hours-editor hours-editor-${name}`}>
      <View className="chip-row">
        <Chip
          label="全天24小时"
          className="hours-kind-always"
          active={draft.kind === "always"}
          onTap={() => onChange({ ...draft, kind: "always" })}
        />
        <Chip
          label="按周设置"
          className="hours-kind-weekly"
          active={draft.kind === "weekly"}
          onTap={() => onChange({ ...draft, kind: "weekly" })}
        />
        <Chip
          label="未知"
          className="hours-kind-unknown"
          active={draft.kind === "unknown"}
          onTap={() => onChange({ ...draft, kind: "unknown" })}
        />
      </View>
      {draft.kind === "weekly" ? (
        <>
          <Text className="form-hint">每天填写时段，如 07:00-22:00，多个时段用逗号分隔；跨夜如 18:00-08:00；留空表示当天不开放。</Text>
          {WEEKDAY_NAMES_ZH.map((day, i) => (
            <View key={day} className="hours-editor__day">
              <Text className="form-label">{day}</Text>
              <Input
                className={`text-input hours-day hours-day-${i}`}
                value={draft.texts[i] ?? ""}
                onInput={(e) => onChange({ ...draft, texts: draft.texts.map((t, j) => (j === i ? e.detail.value : t)) })}
              />
              {props.badDays?.includes(i) ? <Text className="form-error hours-day-error">格式应为 07:00-22:00</Text> : null}
            </View>
          ))}
        </>
      ) : null}
    </View>
  );
}

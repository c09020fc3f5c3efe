import { WEEKDAY_NAMES_ZH } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { Chip } from "../../../components/Chip";
import { crossesMidnight, type WindowDraft, type ZoneDraft } from "./draft";

/* Weekly windows (a day, open, close: a close not after the open is the next day), seasons and exception dates. */

type Patch = (patch: Partial<ZoneDraft>) => void;

const replaceAt = <T,>(list: readonly T[], i: number, item: T) => list.map((x, j) => (j === i ? item : x));

function TextCell(props: { className: string; value: string; placeholder: string; onInput: (v: string) => void; maxlength?: number }) {
  return (
    <Input
      className={`text-input ${props.className}`}
      value={props.value}
      placeholder={props.placeholder}
      maxlength={props.maxlength ?? 10}
      onInput={(e) => props.onInput(e.detail.value)}
    />
  );
}

function WindowRow({ w, onChange, onRemove }: { w: WindowDraft; onChange: (w: WindowDraft) => void; onRemove: () => void }) {
  return (
    <View className="zone-window">
      <View className="chip-row zone-window__days">
        {WEEKDAY_NAMES_ZH.map((name, day) => (
          <Chip
            key={name}
            label={name}
            className={`window-day window-day-${day}`}
            active={w.weekday === day}
            onTap={() => onChange({ ...w, weekday: day })}
          />
        ))}
      </View>
      <View className="zone-window__times">
        <TextCell
          className="window-open"
          value={w.open}
          placeholder="开市 18:00"
          maxlength={5}
          onInput={(open) => onChange({ ...w, open })}
        />
        <Text>至</Text>
        <TextCell
          className="window-close"
          value={w.close}
          placeholder="收摊 02:00"
          maxlength={5}
          onInput={(close) => onChange({ ...w, close })}
        />
        <Text className="link-text window-remove" onClick={onRemove}>
          删除
        </Text>
      </View>
      {crossesMidnight(w) ? <Text className="admin-hint window-midnight">收摊时间早于开市时间：跨过午夜，次日 {w.close} 收摊</Text> : null}
    </View>
  );
}

export function ScheduleEditor({ draft, onChange }: { draft: ZoneDraft; onChange: Patch }) {
  return (
    <>
      <View className="form-field zone-windows">
        <Text className="form-label">每周营业时段</Text>
        {draft.windows.map((w, i) => (
          <WindowRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            key={i}
            w={w}
            onChange={(next) => onChange({ windows: replaceAt(draft.windows, i, next) })}
            onRemove={() => onChange({ windows: draft.windows.filter((_, j) => j !== i) })}
          />
        ))}
        <Button
          className="btn zone-window-add"
          onClick={() => onChange({ windows: [...draft.windows, { weekday: 0, open: "18:00", close: "22:00" }] })}
        >
          添加时段
        </Button>
      </View>
      <View className="form-field zone-seasons">
        <Text className="form-label">营业季节（月-日，不填为全年；结束早于开始表示跨年）</Text>
        {draft.seasons.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <View key={i} className="zone-window__times zone-season-row">
            <TextCell
              className="season-start"
              value={s.start}
              placeholder="04-01"
              maxlength={5}
              onInput={(start) => onChange({ seasons: replaceAt(draft.seasons, i, { ...s, start }) })}
            />
            <Text>至</Text>
            <TextCell
              className="season-end"
              value={s.end}
              placeholder="10-31"
              maxlength={5}
              onInput={(end) => onChange({ seasons: replaceAt(draft.seasons, i, { ...s, end }) })}
            />
            <Text className="link-text season-remove" onClick={() => onChange({ seasons: draft.seasons.filter((_, j) => j !== i) })}>
              删除
            </Text>
          </View>
        ))}
        <Button className="btn zone-season-add" onClick={() => onChange({ seasons: [...draft.seasons, { start: "04-01", end: "10-31" }] })}>
          添加季节
        </Button>
      </View>
      <View className="form-field zone-exceptions">
        <Text className="form-label">例外休市日（每年固定安排，如节假日活动）</Text>
        {draft.exceptions.map((x, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <View key={i} className="zone-window__times zone-exception-row">
            <TextCell
              className="exception-date"
              value={x.date}
              placeholder="YYYY-MM-DD"
              onInput={(date) => onChange({ exceptions: replaceAt(draft.exceptions, i, { ...x, date }) })}
            />
            <TextCell
              className="exception-reason"
              value={x.reason}
              placeholder="原因"
              maxlength={100}
              onInput={(reason) => onChange({ exceptions: replaceAt(draft.exceptions, i, { ...x, reason }) })}
            />
            <Text
              className="link-text exception-remove"
              onClick={() => onChange({ exceptions: draft.exceptions.filter((_, j) => j !== i) })}
            >
              删除
            </Text>
          </View>
        ))}
        <Button
          className="btn zone-exception-add"
          onClick={() => onChange({ exceptions: [...draft.exceptions, { date: "", reason: "" }] })}
        >
          添加休市日
        </Button>
      </View>
    </>
  );
}

import { HISTORY_ACTION_LABELS, REPORT_STATUS_LABELS, type TimelineEntry } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { formatCityTime } from "../../ui/formatTime";

/*
 * The case's history as the resident sees it: each step, who took it, when, the bureau's reply (答复; the
 * API never sends residents the staff's internal notes) and the resident's own words (a reopen reason).
 */
const ACTOR_LABELS: Record<TimelineEntry["actor"], string> = { resident: "市民", bureau: "城管部门", system: "系统", open311: "外部平台" };

export function ReportTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  return (
    <View className="card report-timeline">
      <Text className="section-title">处理进度</Text>
      {sorted.map((e) => (
        <View key={e.seq} className={`timeline-entry timeline-entry--${e.action}`}>
          <View className="timeline-entry__dot" />
          <View className="timeline-entry__body">
            <Text className="timeline-action">{HISTORY_ACTION_LABELS[e.action]}</Text>
            <Text className="timeline-meta">
              {formatCityTime(e.at)} · {ACTOR_LABELS[e.actor]}
              {e.from !== e.to ? ` · ${REPORT_STATUS_LABELS[e.to]}` : ""}
            </Text>
            {e.reply ? <Text className="timeline-reply">答复：{e.reply}</Text> : null}
            {e.note ? <Text className="timeline-note">{e.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}

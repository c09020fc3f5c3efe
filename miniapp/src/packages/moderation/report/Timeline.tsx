import { HISTORY_ACTION_LABELS, REPORT_STATUS_LABELS, type TimelineEntry } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { formatCityTime } from "../../../ui/formatTime";

/*
 * The case's history as staff see it: every action with its actor (a short id to tell colleagues apart),
 * time, status change, and both texts labelled by who reads them: 内部备注 (staff) and 答复市民 (public).
 */
const ACTOR_LABELS: Record<TimelineEntry["actor"], string> = {
  resident: "市民",
  bureau: "城管局",
  system: "系统",
  open311: "Open311 接入",
};

export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <View className="timeline">
      {entries.map((e) => (
        <View key={e.seq} className={`timeline-entry timeline-entry--${e.action}`} data-seq={e.seq}>
          <View className="timeline-entry__head">
            <Text className="timeline-action">{HISTORY_ACTION_LABELS[e.action]}</Text>
            <Text className="timeline-time">{formatCityTime(e.at)}</Text>
          </View>
          <Text className="timeline-actor">
            {ACTOR_LABELS[e.actor]}
            {e.actorId ? ` #${e.actorId.slice(-6)}` : ""}
            {e.from && e.from !== e.to ? ` · ${REPORT_STATUS_LABELS[e.from]} → ${REPORT_STATUS_LABELS[e.to]}` : ""}
          </Text>
          {e.reply ? (
            <Text className="timeline-reply">
              <Text className="timeline-label timeline-label--public">答复市民</Text>
              {e.reply}
            </Text>
          ) : null}
          {e.note ? (
            <Text className="timeline-note">
              <Text className="timeline-label timeline-label--internal">内部备注</Text>
              {e.note}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}

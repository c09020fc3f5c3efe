import { TOILET_FEEDBACK_LABELS, type ToiletFeedback } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { formatCityTime } from "../../../ui/formatTime";
import { ResolveForm } from "./ResolveForm";

/** One resident's report about a toilet; open ones are handled from here (see ResolveForm). */
export function FeedbackCard({ item, onResolved }: { item: ToiletFeedback; onResolved: (updated: ToiletFeedback) => void }) {
  return (
    <View className={`card feedback-item feedback-item--${item.status}`} data-id={item.id}>
      <View className="feedback-item__head">
        <Text className="feedback-toilet">{item.toiletName}</Text>
        <Text className={`feedback-status feedback-status--${item.status}`}>{item.status === "open" ? "待处理" : "已处理"}</Text>
      </View>
      <Text className="feedback-kind-label">{TOILET_FEEDBACK_LABELS[item.kind]}</Text>
      {item.note ? <Text className="feedback-note-text">“{item.note}”</Text> : null}
      <Text className="feedback-time">{formatCityTime(item.createdAt)}</Text>
      {item.status === "resolved" ? (
        <Text className="feedback-resolution">处理结果：{item.resolutionNote ?? ""}</Text>
      ) : (
        <ResolveForm item={item} onResolved={onResolved} />
      )}
    </View>
  );
}

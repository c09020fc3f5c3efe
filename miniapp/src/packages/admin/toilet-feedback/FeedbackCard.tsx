import { TOILET_FEEDBACK_LABELS, type ToiletFeedback } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { resolveToiletFeedback } from "../../../finders/api";
import { formatCityTime } from "../../../ui/formatTime";

/** One resident's report about a toilet; open ones can be closed with a note on what was done. */
export function FeedbackCard({ item, onResolved }: { item: ToiletFeedback; onResolved: (updated: ToiletFeedback) => void }) {
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const resolve = async () => {
    const text = note.trim();
    if (!text || busy) return;
    setBusy(true);
    setError(null);
    const result = await resolveToiletFeedback(item.id, text);
    setBusy(false);
    if (result.ok) onResolved(result.data);
    else setError(result.message);
  };

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
        <View className="resolve-form">
          <Input
            className="text-input resolve-note"
            value={note}
            maxlength={500}
            placeholder="处理说明，如：已核实并更新开放时间"
            onInput={(e) => setNote(e.detail.value)}
          />
          {error ? <Text className="form-error">{error}</Text> : null}
          <Button className="btn btn-primary resolve-button" disabled={!note.trim() || busy || undefined} onClick={resolve}>
            {busy ? "处理中…" : "标记为已处理"}
          </Button>
        </View>
      )}
    </View>
  );
}

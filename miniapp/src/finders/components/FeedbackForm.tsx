import { TOILET_FEEDBACK_KINDS, TOILET_FEEDBACK_LABELS, type ToiletFeedbackRequest } from "@civic/shared";
import { Button, Text, Textarea, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../components/Chip";
import type { ApiFailure } from "../../services/request";
import { sendToiletFeedback } from "../api";

type Kind = ToiletFeedbackRequest["kind"];

/** "报告问题": a resident tells the bureau a toilet is closed, wrongly described, dirty ... */
export function FeedbackForm({ toiletId, onDone }: { toiletId: string; onDone: () => void }) {
  const [kind, setKind] = useState<Kind | null>(null);
  const [note, setNote] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);

  const submit = async () => {
    if (!kind || sending) return;
    setSending(true);
    setError(null);
    const result = await sendToiletFeedback(toiletId, { kind, note: note.trim() });
    setSending(false);
    if (result.ok) onDone();
    else setError(result);
  };

  return (
    <View className="feedback-form">
      <Text className="section-title">遇到了什么问题？</Text>
      <View className="chip-row">
        {TOILET_FEEDBACK_KINDS.map((k) => (
          <Chip
            key={k}
            label={TOILET_FEEDBACK_LABELS[k]}
            className={`feedback-kind feedback-kind-${k}`}
            active={kind === k}
            onTap={() => setKind(k)}
          />
        ))}
      </View>
      <Textarea
        className="text-input feedback-note"
        value={note}
        maxlength={500}
        placeholder="补充说明（选填），如实际开放时间"
        onInput={(e) => setNote(e.detail.value)}
      />
      {error ? <Text className="form-error">{error.message}</Text> : null}
      <Button className="btn btn-primary feedback-submit" disabled={!kind || sending || undefined} onClick={submit}>
        {sending ? "提交中…" : "提交"}
      </Button>
    </View>
  );
}

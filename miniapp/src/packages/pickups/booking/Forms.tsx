import { Button, Text, Textarea, View } from "@tarojs/components";
import { useState } from "react";
import type { ApiResult } from "../../../services/request";
import type { PickupBooking } from "../api";
import { pickupErrorZh } from "../draft";

/* The booking page's small forms: cancel with a reason, 未收运 with a note, and the rating (1–5 stars + comment). */
type Send = () => Promise<ApiResult<PickupBooking>>;

function useSend(onDone: (b: PickupBooking) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (send: Send) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await send();
    setBusy(false);
    if (res.ok) onDone(res.data);
    else setError(pickupErrorZh(res));
  };
  return { busy, error, run };
}

export function CancelForm(props: {
  onSend: (reason: string) => Promise<ApiResult<PickupBooking>>;
  onDone: (b: PickupBooking) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState("");
  const { busy, error, run } = useSend(props.onDone);
  return (
    <View className="card pickup-cancel-form">
      <Text className="section-title">取消预约</Text>
      <Textarea
        className="text-area cancel-reason"
        value={reason}
        maxlength={200}
        placeholder="取消原因（可不填）"
        onInput={(e) => setReason(e.detail.value)}
      />
      {error ? <Text className="field-error cancel-error">{error}</Text> : null}
      <Button
        className="btn btn-danger btn-large cancel-confirm"
        disabled={busy || undefined}
        onClick={() => void run(() => props.onSend(reason.trim()))}
      >
        确认取消
      </Button>
      <Button className="btn btn-large cancel-close" onClick={props.onClose}>
        不取消了
      </Button>
    </View>
  );
}

export function MissedForm(props: { onSend: (note: string) => Promise<ApiResult<PickupBooking>>; onDone: (b: PickupBooking) => void }) {
  const [note, setNote] = useState("");
  const { busy, error, run } = useSend(props.onDone);
  return (
    <View className="card pickup-missed-form">
      <Text className="section-title">回收员没有来？</Text>
      <Text className="hint-text">收运时段已过仍未收运，可以反馈给城管部门跟进处理。</Text>
      <Textarea
        className="text-area missed-note"
        value={note}
        maxlength={200}
        placeholder="补充说明（可不填）"
        onInput={(e) => setNote(e.detail.value)}
      />
      {error ? <Text className="field-error missed-error">{error}</Text> : null}
      <Button
        className="btn btn-large missed-submit"
        disabled={busy || undefined}
        onClick={() => void run(() => props.onSend(note.trim()))}
      >
        反馈未收运
      </Button>
    </View>
  );
}

export function RateForm(props: {
  onSend: (rating: number, comment: string) => Promise<ApiResult<PickupBooking>>;
  onDone: (b: PickupBooking) => void;
}) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const { busy, error, run } = useSend(props.onDone);
  return (
    <View className="card pickup-rate-form">
      <Text className="section-title">评价本次收运</Text>
      <View className="stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <Text key={n} className={`star star-${n}${n <= rating ? " is-on" : ""}`} onClick={() => setRating(n)}>
            {n <= rating ? "★" : "☆"}
          </Text>
        ))}
      </View>
      <Textarea
        className="text-area rate-comment"
        value={comment}
        maxlength={200}
        placeholder="说说您的感受（可不填）"
        onInput={(e) => setComment(e.detail.value)}
      />
      {error ? <Text className="field-error rate-error">{error}</Text> : null}
      <Button
        className="btn btn-primary btn-large rate-submit"
        disabled={busy || rating === 0 || undefined}
        onClick={() => void run(() => props.onSend(rating, comment.trim()))}
      >
        提交评价
      </Button>
    </View>
  );
}

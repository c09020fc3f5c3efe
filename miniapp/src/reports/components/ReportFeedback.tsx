import type { ReportDetail } from "@civic/shared";
import { Button, Text, Textarea, View } from "@tarojs/components";
import { useState } from "react";
import { formatCityTime } from "../../ui/formatTime";
import { rateReport, reopenReport } from "../api";

/*
 * The reporter's sign-off after the bureau resolved the case: a 1-5 star rating with a comment, or
 * reopening it with a reason within 7 days. Both answer the updated report.
 */
const STAR_WORDS = ["", "非常不满意", "不满意", "一般", "满意", "非常满意"];

export function RatePanel({ report, onUpdated }: { report: ReportDetail; onUpdated: (r: ReportDetail) => void }) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    if (rating < 1 || busy) {
      if (rating < 1) setError("请先点星星评分");
      return;
    }
    setBusy(true);
    setError(null);
    const res = await rateReport(report.id, { rating, comment: comment.trim() });
    setBusy(false);
    if (res.ok) onUpdated(res.data);
    else setError(res.message);
  };
  return (
    <View className="card rate-panel">
      <Text className="section-title">对处理结果满意吗？</Text>
      <View className="rate-stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <Text key={n} className={`rate-star rate-star-${n}${n <= rating ? " is-on" : ""}`} onClick={() => setRating(n)}>
            {n <= rating ? "★" : "☆"}
          </Text>
        ))}
      </View>
      {rating > 0 ? <Text className="rate-words">{STAR_WORDS[rating]}</Text> : null}
      <Textarea
        className="text-input rate-comment"
        value={comment}
        maxlength={500}
        placeholder="说说您的看法（选填）"
        onInput={(e) => setComment(e.detail.value)}
      />
      {error ? <Text className="field-error rate-error">{error}</Text> : null}
      <Button className="btn btn-primary btn-large rate-submit" disabled={busy || undefined} onClick={() => void send()}>
        提交评价
      </Button>
    </View>
  );
}

export function ReopenPanel({ report, onUpdated }: { report: ReportDetail; onUpdated: (r: ReportDetail) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    if (busy) return;
    if (reason.trim().length < 2) {
      setError("请说明问题为什么没有解决（至少 2 个字）");
      return;
    }
    setBusy(true);
    setError(null);
    const res = await reopenReport(report.id, { reason: reason.trim() });
    setBusy(false);
    if (res.ok) onUpdated(res.data);
    else setError(res.message);
  };
  return (
    <View className="card reopen-panel">
      <Text className="section-title">问题没有解决？</Text>
      {report.reopenUntil ? <Text className="reopen-until hint-text">可在 {formatCityTime(report.reopenUntil)} 前重新打开</Text> : null}
      {open ? (
        <>
          <Textarea
            className="text-input reopen-reason"
            value={reason}
            maxlength={500}
            placeholder="请说明现场的情况"
            onInput={(e) => setReason(e.detail.value)}
          />
          {error ? <Text className="field-error reopen-error">{error}</Text> : null}
          <Button className="btn btn-primary btn-large reopen-submit" disabled={busy || undefined} onClick={() => void send()}>
            确认重新打开
          </Button>
        </>
      ) : (
        <Button className="btn btn-large reopen-button" onClick={() => setOpen(true)}>
          重新打开
        </Button>
      )}
    </View>
  );
}

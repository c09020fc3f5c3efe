import type { MarketZoneDetail } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { FieldError } from "../../../components/FieldError";
import { fieldErrors } from "../../../services/fieldErrors";
import { cancelSuspension, suspendZone } from "../api";

/*
 * 停市: cancel the night that starts on a date, with a reason, and call one off. Subscribers hear about
 * both at once (the form says so). The server's 422 (a date in the past, no reason) shows under its field;
 * a second suspension of one date is a 409 already_suspended.
 */
export function SuspensionsBox({ zone, onChanged }: { zone: MarketZoneDetail; onChanged: () => void }) {
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const suspend = async () => {
    if (busy) return;
    setBusy(true);
    const res = await suspendZone(zone.id, { date: date.trim(), reason: reason.trim() });
    setBusy(false);
    if (res.ok) {
      setDate("");
      setReason("");
      setErrors({});
      setFailure(null);
      void Taro.showToast({ title: "已停市并通知订阅者", icon: "success" });
      onChanged();
      return;
    }
    setErrors(fieldErrors(res));
    const why = (res.details as { reason?: string } | undefined)?.reason;
    setFailure(why === "already_suspended" ? "这一天已经停市了" : res.message);
  };
  const callOff = async (id: string) => {
    const res = await cancelSuspension(zone.id, id);
    if (res.ok) {
      void Taro.showToast({ title: "已恢复营业并通知订阅者", icon: "success" });
      onChanged();
    } else setFailure(res.message);
  };

  return (
    <View className="card zone-suspensions">
      <Text className="section-title">停市安排</Text>
      {zone.upcomingSuspensions.length === 0 ? <Text className="admin-hint">近期没有停市</Text> : null}
      {zone.upcomingSuspensions.map((s) => (
        <View key={s.id} className="zone-suspension" data-id={s.id}>
          <Text className="zone-suspension__text">
            {s.date} 停市：{s.reason}
          </Text>
          <Button className="btn zone-suspension-cancel" onClick={() => void callOff(s.id)}>
            取消停市
          </Button>
        </View>
      ))}
      <Text className="form-label">停市日期</Text>
      <Input
        className="text-input suspension-date"
        value={date}
        placeholder="YYYY-MM-DD"
        maxlength={10}
        onInput={(e) => setDate(e.detail.value)}
      />
      <FieldError errors={errors} field="date" />
      <Text className="form-label">原因</Text>
      <Input
        className="text-input suspension-reason"
        value={reason}
        placeholder="如：暴雨预警"
        maxlength={100}
        onInput={(e) => setReason(e.detail.value)}
      />
      <FieldError errors={errors} field="reason" />
      <Text className="admin-hint suspension-notice">提交后，订阅了此处停市通知的居民会立即收到通知。</Text>
      {failure ? <Text className="form-error suspension-error">{failure}</Text> : null}
      <Button className="btn btn-primary suspension-submit" disabled={busy || undefined} onClick={suspend}>
        {busy ? "正在提交…" : "停市并通知"}
      </Button>
    </View>
  );
}

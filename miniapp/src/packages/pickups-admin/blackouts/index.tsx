import type { PickupBlackout } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { FieldError } from "../../../components/FieldError";
import { PageContainer } from "../../../components/PageContainer";
import { fieldErrors } from "../../../services/fieldErrors";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { isCityDate } from "../../../ui/periods";
import { canRetry, mayOpen, pageError } from "../access";
import { addBlackout, blackouts, removeBlackout } from "../api";
import { explainBlackoutFailure } from "../conflicts";
import "../pickups-admin.css";

/* 停收日期: city-wide dates without collections (e.g. 春节); a date that already holds bookings is refused. */

export default function PickupBlackoutsPage() {
  const session = useSession();
  const allowed = mayOpen("admin", session);
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { state, reload, replace } = useApiLoad(session && allowed ? "pickup-blackouts" : null, blackouts);
  const list = state.status === "ok" ? state.data.blackouts : [];
  const error = pageError("admin", session, state.status === "error" ? state.error : null);
  const show = (rows: PickupBlackout[]) => replace({ blackouts: [...rows].sort((a, b) => a.date.localeCompare(b.date)) });

  const add = async () => {
    if (!isCityDate(date.trim())) return setFailure("请按 2026-02-17 的格式填写日期");
    if (!reason.trim()) return setFailure("请填写停收原因，如：春节");
    setBusy(true);
    const res = await addBlackout({ date: date.trim(), reason: reason.trim() });
    setBusy(false);
    if (!res.ok) {
      setErrors(fieldErrors(res));
      return setFailure(explainBlackoutFailure(res));
    }
    setErrors({});
    setFailure(null);
    setDate("");
    setReason("");
    show([...list.filter((b) => b.date !== res.data.date), res.data]);
  };

  const remove = async (b: PickupBlackout) => {
    const answer = await Taro.showModal({ title: "取消停收", content: `恢复 ${b.date}（${b.reason}）的收运吗？` });
    if (!answer.confirm) return;
    const res = await removeBlackout(b.date);
    if (!res.ok) return setFailure(res.message);
    setFailure(null);
    show(list.filter((x) => x.date !== b.date));
  };

  const form =
    session && allowed ? (
      <View className="card blackout-form">
        <Text className="section-title">新增停收日</Text>
        <Text className="form-label">日期</Text>
        <Input
          className="text-input blackout-date"
          value={date}
          maxlength={10}
          placeholder="如 2027-02-06"
          onInput={(e) => setDate(e.detail.value)}
        />
        <FieldError errors={errors} field="date" />
        <Text className="form-label">原因（居民可见）</Text>
        <Input
          className="text-input blackout-reason"
          value={reason}
          maxlength={60}
          placeholder="如：春节"
          onInput={(e) => setReason(e.detail.value)}
        />
        <FieldError errors={errors} field="reason" />
        {failure ? <Text className="form-error blackout-error">{failure}</Text> : null}
        <Button className="btn btn-primary blackout-add" disabled={busy || undefined} onClick={() => void add()}>
          设为停收日
        </Button>
      </View>
    ) : null;

  return (
    <PageContainer
      className="admin-page pickups-admin pickup-blackouts"
      title="停收日期"
      subtitle="停收日全市不开放预约；已有预约的日期不能设为停收日"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={form}
      loading={state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={state.status === "ok" && list.length === 0}
      emptyText="还没有停收日期"
    >
      <View className="blackout-list">
        {list.map((b) => (
          <View key={b.date} className={`admin-table__row blackout-row blackout-${b.date}`}>
            <Text className="admin-table__cell blackout-row__date">{b.date}</Text>
            <Text className="admin-table__cell blackout-row__reason">{b.reason}</Text>
            <Button className="btn blackout-remove" onClick={() => void remove(b)}>
              删除
            </Button>
          </View>
        ))}
      </View>
    </PageContainer>
  );
}

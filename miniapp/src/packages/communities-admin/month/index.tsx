import { addCityMonths, cityMonthOf, type MonthDraftRow, UNRATABLE_REASON_LABELS } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { ADMIN_ONLY, adminPageError, mayOpen } from "../access";
import { monthDraft, publishMonth, saveInspection } from "../api";
import "../communities-admin.css";

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/* 月度评定: a month's figures for every community, inspection scores entered per row, and the one publication. */
export default function CommunityMonthPage() {
  const session = useSession();
  const thisMonth = cityMonthOf(new Date());
  const [month, setMonth] = useState(addCityMonths(thisMonth, -1));
  const { state, reload, replace } = useApiLoad(mayOpen(session) ? `community-month:${month}` : null, () => monthDraft(month));
  const [message, setMessage] = useState<string | null>(null);
  const error = adminPageError(session, state.status === "error" ? state.error : null);
  const draft = state.status === "ok" ? state.data : null;

  const publish = async () => {
    const ok = await Taro.showModal({ title: "公布评星", content: `公布后 ${month} 的数据将冻结，不能再修改检查评分。` });
    if (!ok.confirm) return;
    const res = await publishMonth(month);
    if (res.ok) {
      replace(res.data);
      setMessage(null);
      void Taro.showToast({ title: "已公布", icon: "success" });
    } else {
      const reason = (res.details as { reason?: string } | undefined)?.reason;
      setMessage(
        reason === "month_not_ended" ? "本月尚未结束，不能公布" : reason === "month_published" ? "该月已公布" : "公布失败，请重试",
      );
    }
  };

  return (
    <PageContainer
      className="admin-page communities-admin community-month"
      title="星级小区月度评定"
      subtitle="参与率 30% · 准确率 30% · 城管局检查 40%"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={
        session && error === null ? (
          <View className="chips month-picker">
            {[0, 1, 2, 3].map((n) => {
              const m = addCityMonths(thisMonth, -n);
              return <Chip key={m} label={m} className="month-chip" active={m === month} onTap={() => setMonth(m)} />;
            })}
          </View>
        ) : null
      }
      loading={state.status === "loading"}
      error={error}
      onRetry={error === ADMIN_ONLY ? undefined : reload}
      empty={draft !== null && draft.rows.length === 0}
      emptyText="还没有小区"
      footer={
        draft && !draft.publishedAt ? (
          <View className="month-publish">
            {message ? <Text className="form-error month-publish-error">{message}</Text> : null}
            <Button
              className="btn btn-primary btn-large month-publish-button"
              disabled={!draft.ended || undefined}
              onClick={() => void publish()}
            >
              {draft.ended ? "公布本月评星" : "本月结束后可公布"}
            </Button>
          </View>
        ) : null
      }
    >
      {draft?.publishedAt ? (
        <Text className="hint-text month-published">已于 {draft.publishedAt.slice(0, 10)} 公布，数据已冻结</Text>
      ) : null}
      {draft?.rows.map((r) => (
        <MonthRow key={r.communityId} row={r} month={month} frozen={!!draft.publishedAt} onSaved={reload} />
      ))}
    </PageContainer>
  );
}

function MonthRow(props: { row: MonthDraftRow; month: string; frozen: boolean; onSaved: () => void }) {
  const r = props.row;
  const [score, setScore] = useState(r.inspection === null ? "" : String(r.inspection));
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const n = Number(score);
    if (!/^\d{1,3}$/.test(score) || n > 100) {
      setError("请填写 0–100 的整数");
      return;
    }
    const res = await saveInspection(r.communityId, props.month, n);
    if (res.ok) {
      setError(null);
      props.onSaved();
    } else setError(res.status === 409 ? "该月已公布，不能修改" : "保存失败");
  };
  return (
    <View className="card month-row" data-id={r.communityId}>
      <Text className="community-row__name">{r.name}</Text>
      <Text className="month-row__figures">
        住户 {r.households} · 参与率 {pct(r.participation)} · 准确率 {pct(r.accuracy)}（{r.correctChecks}/{r.checks}）
      </Text>
      {r.stars !== null ? (
        <Text className="month-row__stars">
          得分 {r.score} · {r.stars} 星
        </Text>
      ) : (
        <Text className="month-row__why">{r.unratable ? UNRATABLE_REASON_LABELS[r.unratable] : "不能评星"}</Text>
      )}
      {props.frozen ? (
        <Text className="month-row__inspection">检查评分 {r.inspection ?? "—"}</Text>
      ) : (
        <View className="month-row__edit">
          <Input
            className="text-input inspection-score"
            type="number"
            value={score}
            placeholder="检查评分"
            onInput={(e) => setScore(e.detail.value)}
          />
          <Button className="btn btn-small inspection-save" onClick={() => void save()}>
            保存
          </Button>
        </View>
      )}
      {error ? <Text className="form-error inspection-error">{error}</Text> : null}
    </View>
  );
}

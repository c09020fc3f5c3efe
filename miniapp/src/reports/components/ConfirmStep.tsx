import { type DuplicateCandidate, REPORT_STATUS_LABELS } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import type { LoadState } from "../../services/useApiLoad";
import { formatDistance } from "../../ui/formatDistance";
import { formatCityTime } from "../../ui/formatTime";
import { peopleReporting } from "../caseText";
import type { ReportDraft } from "../draft";
import { DraftSummary } from "./DraftSummary";

/*
 * Last step: open reports of the same kind within 50 m from the last 72 hours. The resident can say
 * "我也遇到了" on one of them instead of filing a duplicate, or submit anyway.
 */
function DuplicateItem(props: { candidate: DuplicateCandidate; busy: boolean; onFollow: () => void }) {
  const c = props.candidate;
  return (
    <View className="card duplicate-item" data-id={c.id}>
      <View className="duplicate-item__head">
        <Text className="duplicate-category">{c.categoryName}</Text>
        <Text className={`status-badge status-badge--${c.status}`}>{REPORT_STATUS_LABELS[c.status]}</Text>
      </View>
      <Text className="duplicate-description">{c.description ?? "（等待工作人员审核）"}</Text>
      <Text className="duplicate-meta">
        距离约 {formatDistance(c.distanceM)} · {formatCityTime(c.createdAt)} · {peopleReporting(c.followers)} 人反映
      </Text>
      {c.mine ? (
        <Text className="duplicate-mine">这是您上报的</Text>
      ) : c.following ? (
        <Text className="duplicate-following">您已关注</Text>
      ) : (
        <Button className="btn btn-primary follow-duplicate" disabled={props.busy || undefined} onClick={props.onFollow}>
          我也遇到了
        </Button>
      )}
    </View>
  );
}

export interface ConfirmStepProps {
  draft: ReportDraft;
  duplicates: LoadState<{ candidates: DuplicateCandidate[] }>;
  onRetryDuplicates: () => void;
  busy: boolean;
  submitError: string | null;
  onFollow: (id: string) => void;
  onSubmit: () => void;
}

export function ConfirmStep(props: ConfirmStepProps) {
  const d = props.duplicates;
  const candidates = d.status === "ok" ? d.data.candidates : [];
  return (
    <View className="wizard-section confirm-step">
      <DraftSummary draft={props.draft} />
      {d.status === "loading" || d.status === "idle" ? (
        <Text className="duplicates-checking hint-text">正在查看附近是否已有人反映…</Text>
      ) : null}
      {d.status === "error" ? (
        <View className="duplicates-error">
          <Text className="field-error">没能查到附近的上报：{d.error.message}</Text>
          <Text className="link-text duplicates-retry" onClick={props.onRetryDuplicates}>
            重新查看
          </Text>
        </View>
      ) : null}
      {d.status === "ok" && candidates.length === 0 ? (
        <Text className="no-duplicates hint-text">附近暂时没有人反映过相同的问题。</Text>
      ) : null}
      {candidates.length > 0 ? (
        <View className="duplicate-list">
          <Text className="section-title duplicates-title">附近已有相同问题</Text>
          <Text className="hint-text">如果是同一个问题，点“我也遇到了”即可，处理进展会同样通知您。</Text>
          {candidates.map((c) => (
            <DuplicateItem key={c.id} candidate={c} busy={props.busy} onFollow={() => props.onFollow(c.id)} />
          ))}
        </View>
      ) : null}
      {props.submitError ? <Text className="field-error submit-error">{props.submitError}</Text> : null}
      <Button
        className="btn btn-primary btn-large report-submit"
        disabled={props.busy || d.status === "loading" || undefined}
        onClick={props.onSubmit}
      >
        {props.busy ? "正在提交…" : candidates.length > 0 ? "不是同一个问题，仍要提交" : "提交上报"}
      </Button>
    </View>
  );
}

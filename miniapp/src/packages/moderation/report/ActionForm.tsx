import { REJECT_REASON_LABELS, REJECT_REASONS, type ReportDetail } from "@civic/shared";
import { Button, Input, Text, Textarea, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { useApiLoad } from "../../../services/useApiLoad";
import { formatCityTime } from "../../../ui/formatTime";
import { caseAction, mergeCandidates } from "../api";
import { AfterPhotos, useAfterPhotos } from "./AfterPhotos";
import { type ActionFields, buildActionRequest, type CaseActionInfo, initialFields } from "./caseActions";
import type { RunAction } from "./useCaseAction";

/*
 * The in-page confirm panel of one action: what it does, its fields, 确认 and 取消. Field problems found
 * here or by the server (422) show beside their field; a 409 closes the panel (the page reloads).
 */
export interface ActionFormProps {
  action: CaseActionInfo;
  report: ReportDetail;
  departments: readonly string[];
  defaultDepartment: string;
  busy: boolean;
  run: RunAction;
  onClose: () => void;
}

/** Nearby open cases of the same category, any of which this one may duplicate: a tap fills the id. */
function MergeCandidates({ report, chosen, onChoose }: { report: ReportDetail; chosen: string; onChoose: (id: string) => void }) {
  const { state } = useApiLoad(`merge-candidates:${report.id}`, () => mergeCandidates(report));
  if (state.status !== "ok") return null;
  const others = state.data.candidates.filter((c) => c.id !== report.id);
  if (others.length === 0)
    return <Text className="merge-candidates-empty">附近 50 米内 72 小时内没有同类案件，可手动填写原案件编号。</Text>;
  return (
    <View className="merge-candidates">
      <Text className="field-label">附近同类案件（点选为原案件）</Text>
      {others.map((c) => (
        <View key={c.id} className={`merge-candidate${chosen === c.id ? " is-active" : ""}`} data-id={c.id} onClick={() => onChoose(c.id)}>
          <Text className="merge-candidate__meta">
            {c.categoryName} · 相距{c.distanceM}米 · {formatCityTime(c.createdAt)} · 关注 {c.followers}
          </Text>
          {c.description ? <Text className="merge-candidate__text">{c.description}</Text> : null}
        </View>
      ))}
    </View>
  );
}

export function ActionForm(props: ActionFormProps) {
  const { action, report } = props;
  const [fields, setFields] = useState<ActionFields>(() => initialFields(report, props.defaultDepartment));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const photos = useAfterPhotos();
  const set = (patch: Partial<ActionFields>) => setFields((f) => ({ ...f, ...patch }));

  const submit = async () => {
    if (props.busy || photos.uploading) return;
    const built = buildActionRequest(action.name, fields, report, photos.ids);
    setMessage(null);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    const outcome = await props.run(action.name, () => caseAction(report, action.name, built.body));
    if (outcome.ok || outcome.conflict) {
      props.onClose();
      return;
    }
    setErrors(outcome.fields);
    setMessage(outcome.message);
  };

  const fieldError = (name: string) =>
    errors[name] ? <Text className={`form-error field-error field-error-${name}`}>{errors[name]}</Text> : null;
  const textInput = (name: "note" | "reply", label: string, hint: string, className: string) => (
    <View className={`form-field form-field-${name}`}>
      <Text className="field-label">{label}</Text>
      <Text className="field-hint">{hint}</Text>
      <Textarea
        className={`text-input text-area ${className}`}
        value={fields[name]}
        maxlength={500}
        onInput={(e) => set({ [name]: e.detail.value })}
      />
      {fieldError(name)}
    </View>
  );
  // Two boxes, labelled for who reads them: 内部备注 never leaves the bureau; 答复市民 is public.
  const internalNote = textInput("note", "内部备注（仅工作人员可见，可选）", "不会显示给市民，也不会发送通知。", "action-note");
  const replyInput = (label: string, className = "action-reply") =>
    textInput("reply", label, "上报人和公众都能在进度中看到，并随通知发送给上报人。", className);

  return (
    <View className={`action-form action-form-${action.name}`}>
      <Text className="action-form__title">{action.label}</Text>
      <Text className="action-form__prompt">{action.prompt}</Text>

      {action.name === "reject" ? (
        <View className="form-field">
          <View className="chip-row reject-reasons">
            {REJECT_REASONS.map((r) => (
              <Chip
                key={r}
                label={REJECT_REASON_LABELS[r]}
                className={`reject-reason reject-reason-${r}`}
                active={fields.rejectReason === r}
                onTap={() => set({ rejectReason: r })}
              />
            ))}
          </View>
          {fieldError("reason")}
        </View>
      ) : null}

      {action.name === "merge" ? (
        <View className="form-field">
          <MergeCandidates report={report} chosen={fields.into} onChoose={(into) => set({ into })} />
          <Text className="field-label">原案件编号</Text>
          <Input
            className="text-input merge-into"
            value={fields.into}
            maxlength={64}
            placeholder="从队列或原案件页复制编号"
            onInput={(e) => set({ into: e.detail.value })}
          />
          {fieldError("into")}
        </View>
      ) : null}

      {action.name === "dispatch" ? (
        <View className="form-field">
          <Text className="field-label">处置部门</Text>
          <Input
            className="text-input department-input"
            value={fields.department}
            maxlength={60}
            onInput={(e) => set({ department: e.detail.value })}
          />
          <View className="chip-row department-options">
            {props.departments.map((d) => (
              <Chip key={d} label={d} className="department-option" active={fields.department === d} onTap={() => set({ department: d })} />
            ))}
          </View>
          {fieldError("department")}
        </View>
      ) : null}

      {action.name === "reopen" ? (
        <View className="form-field">
          <Text className="field-label">重新打开的原因</Text>
          <Textarea
            className="text-input text-area reopen-reason"
            value={fields.reason}
            maxlength={500}
            onInput={(e) => set({ reason: e.detail.value })}
          />
          {fieldError("reason")}
        </View>
      ) : null}

      {action.name === "redact" ? (
        <View className="form-field">
          <Text className="field-label">公开描述</Text>
          <Textarea
            className="text-input text-area redact-description"
            value={fields.description}
            maxlength={1000}
            onInput={(e) => set({ description: e.detail.value })}
          />
          {fieldError("description")}
        </View>
      ) : null}

      {action.name === "resolve" ? (
        <>
          {replyInput("处理结果 · 答复市民（必填）", "resolve-note action-reply")}
          <AfterPhotos state={photos} />
          {fieldError("photoIds")}
          {internalNote}
        </>
      ) : action.name === "reopen" ? null : action.name === "redact" ? (
        internalNote
      ) : (
        <>
          {replyInput("答复市民（公开，可选）")}
          {internalNote}
        </>
      )}

      {message ? <Text className="form-error action-error">{message}</Text> : null}
      <View className="action-form__buttons">
        <Button className="btn action-cancel" disabled={props.busy || undefined} onClick={props.onClose}>
          取消
        </Button>
        <Button
          className="btn btn-primary action-confirm"
          disabled={props.busy || photos.uploading || undefined}
          onClick={() => void submit()}
        >
          {props.busy ? "提交中…" : photos.uploading ? "照片上传中…" : action.confirm}
        </Button>
      </View>
    </View>
  );
}

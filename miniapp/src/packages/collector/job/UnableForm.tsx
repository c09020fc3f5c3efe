import { type CollectorJob, UNABLE_REASON_LABELS, UNABLE_REASONS, type UnableReason } from "@civic/shared";
import { Button, Text, Textarea, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { usePhotoUploads } from "../../../services/usePhotoUploads";
import { PhotoField } from "../components/PhotoField";
import type { JobActionRunner } from "./useJobAction";

/* 无法收运: a reason, an optional note and at least one photo of what the collector found. */
export function UnableForm({ run, onClose }: { job: CollectorJob; run: JobActionRunner; onClose: () => void }) {
  const [reason, setReason] = useState<UnableReason | null>(null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const photos = usePhotoUploads(6);

  const submit = async () => {
    const problems: Record<string, string> = {};
    if (!reason) problems.reason = "请选择无法收运的原因";
    if (photos.uploading) problems.photos = "照片还在上传，请稍候";
    else if (photos.ids.length === 0) problems.photos = "请拍一张现场照片作为凭证";
    if (reason === "other" && note.trim() === "") problems.note = "请说明具体原因";
    setErrors(problems);
    if (!reason || Object.keys(problems).length > 0) return;
    const trimmed = note.trim();
    await run("unable", { reason, photoIds: photos.ids, ...(trimmed ? { note: trimmed } : {}) });
  };
  const err = (key: string) => (errors[key] ? <Text className={`form-error field-error field-error-${key}`}>{errors[key]}</Text> : null);

  return (
    <View className="card job-form unable-form">
      <Text className="section-title">无法收运</Text>
      <View className="form-field">
        <Text className="field-label">原因</Text>
        <View className="chip-row unable-reasons">
          {UNABLE_REASONS.map((r) => (
            <Chip
              key={r}
              label={UNABLE_REASON_LABELS[r]}
              className={`unable-reason unable-reason-${r}`}
              active={reason === r}
              onTap={() => setReason(r)}
            />
          ))}
        </View>
        {err("reason")}
      </View>
      <View className="form-field">
        <Text className="field-label">说明{reason === "other" ? "（必填）" : "（可选）"}</Text>
        <Textarea className="text-input text-area unable-note" value={note} maxlength={200} onInput={(e) => setNote(e.detail.value)} />
        {err("note")}
      </View>
      <PhotoField state={photos} label="现场照片（必填）" error={errors.photos} />
      <View className="job-form__buttons">
        <Button className="btn job-form-cancel" onClick={onClose}>
          取消
        </Button>
        <Button className="btn btn-primary unable-submit" onClick={() => void submit()}>
          提交
        </Button>
      </View>
    </View>
  );
}

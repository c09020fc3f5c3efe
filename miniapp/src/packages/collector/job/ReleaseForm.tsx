import { Button, Text, Textarea, View } from "@tarojs/components";
import { useState } from "react";
import type { JobActionRunner } from "./useJobAction";

/* 退单: give a held job back before its day, with a reason; it is open to other collectors again. */
export function ReleaseForm({ run, onClose }: { run: JobActionRunner; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (reason.trim() === "") {
      setError("请填写退单原因");
      return;
    }
    setError(null);
    await run("release", { reason: reason.trim() });
  };
  return (
    <View className="card job-form release-form">
      <Text className="section-title">退单</Text>
      <Text className="field-hint">退单后该预约将重新开放给其他回收员；收运当天不能退单。</Text>
      <Textarea className="text-input text-area release-reason" value={reason} maxlength={200} onInput={(e) => setReason(e.detail.value)} />
      {error ? <Text className="form-error field-error field-error-reason">{error}</Text> : null}
      <View className="job-form__buttons">
        <Button className="btn job-form-cancel" onClick={onClose}>
          取消
        </Button>
        <Button className="btn btn-primary release-submit" onClick={() => void submit()}>
          确认退单
        </Button>
      </View>
    </View>
  );
}

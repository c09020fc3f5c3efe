import { cityClock } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { FieldError } from "../../../components/FieldError";
import { fieldErrors } from "../../../services/fieldErrors";
import { type AdminToiletDetail, closeToiletFor, deactivateToilet, reopenToilet } from "../api";

/*
 * 暂停开放 (until a date, e.g. for repairs; the toilet stays in the catalogue and comes back by itself) and
 * 停用 (off the map for good, with a reason). Each asks for confirmation; the API audits both.
 */

type Scope = "closure" | "retire";

export function ToiletClosureActions({ toilet, onChanged }: { toilet: AdminToiletDetail; onChanged: (t: AdminToiletDetail) => void }) {
  const [until, setUntil] = useState("");
  const [reason, setReason] = useState("");
  const [retireReason, setRetireReason] = useState("");
  const [errors, setErrors] = useState<{ scope: Scope; fields: Record<string, string> }>({ scope: "closure", fields: {} });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (scope: Scope, confirmText: string, action: () => ReturnType<typeof reopenToilet>, toast: string) => {
    const answer = await Taro.showModal({ title: "请确认", content: confirmText });
    if (!answer.confirm) return;
    setBusy(true);
    const res = await action();
    setBusy(false);
    if (!res.ok) {
      setErrors({ scope, fields: fieldErrors(res) });
      return setFailure(res.message);
    }
    setErrors({ scope, fields: {} });
    setFailure(null);
    void Taro.showToast({ title: toast, icon: "success" });
    onChanged(res.data);
  };

  const closureErrors = errors.scope === "closure" ? errors.fields : {};
  const retireErrors = errors.scope === "retire" ? errors.fields : {};
  const today = cityClock(new Date()).date;
  const closure = toilet.temporaryClosure;
  return (
    <View className="card toilet-closure">
      <Text className="section-title">暂停开放</Text>
      {closure ? (
        <View className="closure-current">
          <Text className="closure-current__text">
            暂停开放至 {closure.until}：{closure.reason}
          </Text>
          <Button
            className="btn closure-end"
            disabled={busy || undefined}
            onClick={() => void run("closure", "确定现在恢复开放吗？", () => reopenToilet(toilet.id), "已恢复开放")}
          >
            恢复开放
          </Button>
        </View>
      ) : (
        <View className="closure-form">
          <Input
            className="text-input closure-until"
            value={until}
            placeholder={`恢复日期，如 ${today}`}
            onInput={(e) => setUntil(e.detail.value)}
          />
          <FieldError errors={closureErrors} field="until" />
          <Input
            className="text-input closure-reason"
            value={reason}
            placeholder="原因，如：管道维修"
            onInput={(e) => setReason(e.detail.value)}
          />
          <FieldError errors={closureErrors} field="reason" />
          <Button
            className="btn closure-start"
            disabled={busy || !toilet.active || !until.trim() || !reason.trim() || undefined}
            onClick={() =>
              void run(
                "closure",
                `暂停开放至 ${until.trim()}？`,
                () => closeToiletFor(toilet.id, { until: until.trim(), reason: reason.trim() }),
                "已暂停开放",
              )
            }
          >
            暂停开放
          </Button>
        </View>
      )}
      {toilet.active ? (
        <View className="retire-form">
          <Text className="section-title">停用</Text>
          <Input
            className="text-input retire-reason"
            value={retireReason}
            placeholder="停用原因，如：已拆除"
            onInput={(e) => setRetireReason(e.detail.value)}
          />
          <FieldError errors={retireErrors} field="reason" />
          <Button
            className="btn retire-button"
            disabled={busy || !retireReason.trim() || undefined}
            onClick={() =>
              void run(
                "retire",
                "停用后居民将看不到这座公厕，确定停用吗？",
                () => deactivateToilet(toilet.id, retireReason.trim()),
                "已停用",
              )
            }
          >
            停用这座公厕
          </Button>
        </View>
      ) : null}
      {failure ? <Text className="form-error closure-error">{failure}</Text> : null}
    </View>
  );
}

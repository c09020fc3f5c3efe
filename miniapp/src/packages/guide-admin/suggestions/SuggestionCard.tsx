import { type GuideSuggestion, WASTE_CLASS_INFO, WASTE_CLASSES, type WasteClass } from "@civic/shared";
import { Button, Input, Text, Textarea, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { resolveSuggestion } from "../api";

/* One pending suggestion: accept with the class and how to dispose, or decline with a reason. */

const guessLabel = (g: GuideSuggestion["guessedClass"]) => (g === "unknown" ? "不确定" : WASTE_CLASS_INFO[g].label);

export function SuggestionCard({ s, onResolved }: { s: GuideSuggestion; onResolved: (s: GuideSuggestion) => void }) {
  const [cls, setCls] = useState<WasteClass | null>(s.guessedClass === "unknown" ? null : s.guessedClass);
  const [howTo, setHowTo] = useState("");
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (body: Parameters<typeof resolveSuggestion>[1]) => {
    setBusy(true);
    const res = await resolveSuggestion(s.id, body);
    setBusy(false);
    if (res.ok) return onResolved(res.data);
    const why = (res.details as { reason?: string } | undefined)?.reason;
    setFailure(why === "stale" ? "该建议已被其他工作人员处理，请刷新" : why === "name_exists" ? "指南中已有同名物品" : res.message);
  };

  return (
    <View className="card guide-suggestion" data-id={s.id}>
      <Text className="guide-suggestion__name">{s.name}</Text>
      <Text className="guide-suggestion__meta">
        居民认为：{guessLabel(s.guessedClass)} · {s.createdAt.slice(0, 10)}
      </Text>
      {s.note ? <Text className="guide-suggestion__note">{s.note}</Text> : null}
      <View className="chip-row">
        {WASTE_CLASSES.map((c) => (
          <Chip
            key={c}
            label={WASTE_CLASS_INFO[c].label}
            active={cls === c}
            className={`guide-accept-class guide-accept-class-${c}`}
            onTap={() => setCls(c)}
          />
        ))}
      </View>
      <Textarea
        className="text-input guide-accept-howto"
        value={howTo}
        maxlength={200}
        placeholder="投放方法，例如：洗净压扁后投放"
        onInput={(e) => setHowTo(e.detail.value)}
      />
      <Button
        className="btn btn-primary guide-accept"
        disabled={busy || !cls || howTo.trim() === "" || undefined}
        onClick={() => cls && void send({ decision: "accept", version: s.version, class: cls, howTo: howTo.trim() })}
      >
        收录
      </Button>
      <Input
        className="text-input guide-decline-reason"
        value={reason}
        maxlength={200}
        placeholder="不收录的原因"
        onInput={(e) => setReason(e.detail.value)}
      />
      <Button
        className="btn guide-decline"
        disabled={busy || reason.trim() === "" || undefined}
        onClick={() => void send({ decision: "decline", version: s.version, reason: reason.trim() })}
      >
        不收录
      </Button>
      {failure ? <Text className="form-error guide-resolve-error">{failure}</Text> : null}
    </View>
  );
}

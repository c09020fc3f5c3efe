import { cityClock, type ToiletDetail, type ToiletFeedback } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useEffect, useState } from "react";
import { Chip } from "../../../components/Chip";
import { resolveToiletFeedback, toiletDetail } from "../../../finders/api";
import { ClosureFields } from "./ClosureFields";
import { ACTION_LABELS, type ActionChoice, buildResolveRequest, newDraft, type ResolveDraft } from "./resolve-request";
import { UpdateFields } from "./UpdateFields";

/*
 * Handling one piece of feedback: what to do to the toilet (close it for a while, fix its hours or
 * facilities, deactivate it, or nothing), what was found, and a reply for the resident. One request
 * does it all; the resident is told in their inbox.
 */

const CHOICES = Object.keys(ACTION_LABELS) as ActionChoice[];

export function ResolveForm({ item, onResolved }: { item: ToiletFeedback; onResolved: (updated: ToiletFeedback) => void }) {
  const today = cityClock(new Date()).date;
  const [draft, setDraft] = useState<ResolveDraft>(() => newDraft(today));
  const [toilet, setToilet] = useState<ToiletDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<ResolveDraft>) => setDraft((d) => ({ ...d, ...change }));

  // The toilet as it is, so the editor starts from its current facilities (read once the admin asks).
  useEffect(() => {
    if (draft.choice !== "update" || toilet) return;
    void toiletDetail(item.toiletId).then((r) => (r.ok ? setToilet(r.data) : setError(r.message)));
  }, [draft.choice, toilet, item.toiletId]);

  const submit = async () => {
    if (busy) return;
    const built = buildResolveRequest(draft, today, toilet);
    if (!built.ok) {
      setError(built.message);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await resolveToiletFeedback(item.id, built.body);
    setBusy(false);
    if (result.ok) onResolved(result.data);
    else setError(result.message);
  };

  return (
    <View className="resolve-form">
      <View className="chip-row resolve-choices">
        {CHOICES.map((choice) => (
          <Chip
            key={choice}
            label={ACTION_LABELS[choice]}
            className={`resolve-choice resolve-choice-${choice}`}
            active={draft.choice === choice}
            onTap={() => set({ choice })}
          />
        ))}
      </View>
      {draft.choice === "temporary_closure" ? (
        <ClosureFields
          today={today}
          until={draft.until}
          reason={draft.reason}
          onUntil={(until) => set({ until })}
          onReason={(reason) => set({ reason })}
        />
      ) : null}
      {draft.choice === "update" ? <UpdateFields toilet={toilet} draft={draft.update} onChange={(update) => set({ update })} /> : null}
      {draft.choice === "deactivate" ? (
        <Text className="deactivate-warning">停用后该厕所不再显示在找厕所中，处理说明将作为停用原因。</Text>
      ) : null}
      <Text className="field-label">处理说明（内部记录）</Text>
      <Input
        className="text-input resolve-note"
        value={draft.outcome}
        maxlength={500}
        placeholder="处理说明（内部记录），如：现场核实在装修"
        onInput={(e) => set({ outcome: e.detail.value })}
      />
      <Text className="field-label">答复居民（选填，发到对方的消息中）</Text>
      <Input
        className="text-input resolve-reply"
        value={draft.reply}
        maxlength={200}
        placeholder="答复居民（选填，会发到对方消息中）"
        onInput={(e) => set({ reply: e.detail.value })}
      />
      {error ? <Text className="form-error">{error}</Text> : null}
      <Button className="btn btn-primary resolve-button" disabled={!draft.outcome.trim() || busy || undefined} onClick={submit}>
        {busy ? "处理中…" : draft.choice === "none" ? "标记为已处理" : `${ACTION_LABELS[draft.choice]}并标记已处理`}
      </Button>
    </View>
  );
}

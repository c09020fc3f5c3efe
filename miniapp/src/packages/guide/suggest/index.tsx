import { GuessedClass, WASTE_CLASS_INFO } from "@civic/shared";
import { Button, Input, Text, Textarea, View } from "@tarojs/components";
import Taro, { useRouter } from "@tarojs/taro";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { FieldError } from "../../../components/FieldError";
import { PageContainer } from "../../../components/PageContainer";
import { fieldErrors } from "../../../services/fieldErrors";
import { useSession } from "../../../services/session";
import { suggestItem } from "../api";
import "../guide.css";
import { guideItemUrl } from "../routes";

/* 没找到？告诉我们: the resident names the item and what they think it is; the bureau answers in the inbox. */

const labelOf = (c: GuessedClass) => (c === "unknown" ? "不确定" : WASTE_CLASS_INFO[c].label);

export default function GuideSuggestPage() {
  const session = useSession();
  const [name, setName] = useState(useRouter().params.name ?? "");
  const [guess, setGuess] = useState<GuessedClass>("unknown");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [listedId, setListedId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const send = async () => {
    setBusy(true);
    const res = await suggestItem({ name: name.trim(), guessedClass: guess, ...(note.trim() ? { note: note.trim() } : {}) });
    setBusy(false);
    if (res.ok) {
      setDone(true);
      return;
    }
    setErrors(fieldErrors(res));
    const reason = (res.details as { reason?: string; itemId?: string } | undefined)?.reason;
    setListedId(reason === "already_listed" ? ((res.details as { itemId?: string }).itemId ?? null) : null);
    setFailure(
      reason === "duplicate_pending"
        ? "您已提交过这件物品，工作人员正在核实"
        : reason === "already_listed"
          ? "分类指南里已经有这件物品"
          : res.status === 429
            ? "今天提交的建议已达上限，请明天再来"
            : res.message,
    );
  };

  return (
    <PageContainer className="guide-suggest-page" title="没找到？告诉我们" needsLogin={!session} loginHint="登录后提交您的建议">
      {done ? (
        <View className="card guide-suggest-done">
          <Text className="guide-howto">感谢您的补充！工作人员核实后会通过消息通知您。</Text>
          <Button className="btn btn-large" onClick={() => void Taro.navigateBack()}>
            返回查询
          </Button>
        </View>
      ) : (
        <View className="card guide-suggest-form">
          <View className="form-field">
            <Text className="form-label">物品名称</Text>
            <Input
              className="text-input guide-suggest-name"
              value={name}
              maxlength={30}
              placeholder="例如：旧蒸笼"
              onInput={(e) => setName(e.detail.value)}
            />
            <FieldError errors={errors} field="name" />
          </View>
          <View className="form-field">
            <Text className="form-label">您觉得它属于</Text>
            <View className="chip-row">
              {GuessedClass.options.map((c) => (
                <Chip
                  key={c}
                  label={labelOf(c)}
                  active={guess === c}
                  className={`guide-guess guide-guess-${c}`}
                  onTap={() => setGuess(c)}
                />
              ))}
            </View>
          </View>
          <View className="form-field">
            <Text className="form-label">补充说明（选填）</Text>
            <Textarea className="text-input guide-suggest-note" value={note} maxlength={200} onInput={(e) => setNote(e.detail.value)} />
          </View>
          {failure ? <Text className="form-error guide-suggest-error">{failure}</Text> : null}
          {listedId ? (
            <Button className="btn guide-suggest-open-listed" onClick={() => void Taro.redirectTo({ url: guideItemUrl(listedId) })}>
              查看这件物品
            </Button>
          ) : null}
          <Button
            className="btn btn-primary btn-large guide-suggest-send"
            disabled={busy || name.trim() === "" || undefined}
            onClick={() => void send()}
          >
            提交
          </Button>
        </View>
      )}
    </PageContainer>
  );
}

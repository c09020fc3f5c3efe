import type { ToiletUpdate } from "@civic/shared";
import { Button, Input, Switch, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { FieldError } from "../../../components/FieldError";
import { fieldErrors } from "../../../services/fieldErrors";
import { type AdminToiletDetail, updateToilet } from "../api";

/* The editable facts of a toilet; only changed fields are sent, so the audit shows exactly what changed. */

const TEXT_FIELDS = [
  ["name", "名称"],
  ["address", "地址"],
  ["street", "街道"],
  ["managingUnit", "管理单位"],
  ["feeNote", "收费说明"],
  ["stalls", "厕位数"],
  ["lastVerified", "最近核实日期（YYYY-MM-DD）"],
] as const;
const FLAGS = [
  ["free", "免费"],
  ["accessible", "无障碍设施"],
  ["thirdToilet", "第三卫生间"],
  ["babyCare", "母婴室"],
] as const;
type TextField = (typeof TEXT_FIELDS)[number][0];
type Flag = (typeof FLAGS)[number][0];

const textOf = (t: AdminToiletDetail, f: TextField) => (t[f] === null ? "" : String(t[f]));

/** Typed text as the API field: empty optional fields are null, the stall count a number when it is one. */
function apiValue(field: TextField, text: string): unknown {
  const v = text.trim();
  if (field === "stalls") return v === "" ? null : Number.isInteger(Number(v)) ? Number(v) : v;
  if (v === "" && (field === "managingUnit" || field === "feeNote" || field === "lastVerified")) return null;
  return v;
}

export function ToiletForm({ toilet, onSaved }: { toilet: AdminToiletDetail; onSaved: (t: AdminToiletDetail) => void }) {
  const [texts, setTexts] = useState(
    () => Object.fromEntries(TEXT_FIELDS.map(([f]) => [f, textOf(toilet, f)])) as Record<TextField, string>,
  );
  const [flags, setFlags] = useState(() => Object.fromEntries(FLAGS.map(([f]) => [f, toilet[f]])) as Record<Flag, boolean>);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const changes = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [f] of TEXT_FIELDS) if (texts[f] !== textOf(toilet, f)) out[f] = apiValue(f, texts[f]);
    for (const [f] of FLAGS) if (flags[f] !== toilet[f]) out[f] = flags[f];
    return out;
  };

  const save = async () => {
    const body = changes();
    if (Object.keys(body).length === 0) return setFailure("没有修改");
    setBusy(true);
    const res = await updateToilet(toilet.id, body as ToiletUpdate);
    setBusy(false);
    if (!res.ok) {
      setErrors(fieldErrors(res));
      return setFailure(res.message);
    }
    setErrors({});
    setFailure(null);
    void Taro.showToast({ title: "已保存", icon: "success" });
    onSaved(res.data);
  };

  return (
    <View className="card toilet-form">
      {TEXT_FIELDS.map(([f, label]) => (
        <View key={f} className={`form-field form-field-${f}`}>
          <Text className="form-label">{label}</Text>
          <Input className={`text-input toilet-${f}`} value={texts[f]} onInput={(e) => setTexts((p) => ({ ...p, [f]: e.detail.value }))} />
          <FieldError errors={errors} field={f} />
        </View>
      ))}
      {FLAGS.map(([f, label]) => (
        <View key={f} className={`form-flag form-flag-${f}`}>
          <Text>{label}</Text>
          <Switch className={`toilet-${f}`} checked={flags[f]} onChange={(e) => setFlags((p) => ({ ...p, [f]: e.detail.value }))} />
        </View>
      ))}
      {failure ? <Text className="form-error toilet-form__error">{failure}</Text> : null}
      <Button className="btn btn-primary toilet-save" disabled={busy || undefined} onClick={() => void save()}>
        保存修改
      </Button>
    </View>
  );
}

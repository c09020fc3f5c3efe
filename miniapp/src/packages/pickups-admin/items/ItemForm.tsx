import { PICKUP_CATEGORIES, PICKUP_CATEGORY_LABELS, type PickupCategory, type PickupItem } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { FieldError } from "../../../components/FieldError";
import { fieldErrors } from "../../../services/fieldErrors";
import type { ApiResult } from "../../../services/request";
import { createPickupItem, updatePickupItem } from "../api";

/* Add (item null) or edit one catalogue item. The server validates; its 422 shows under each field. */

interface Draft {
  code: string;
  name: string;
  category: PickupCategory;
  maxPerBooking: string;
  recyclable: boolean;
  volumePoints: string;
  note: string;
  active: boolean;
}

const draftOf = (i: PickupItem | null): Draft => ({
  code: i?.code ?? "",
  name: i?.name ?? "",
  category: i?.category ?? "furniture",
  maxPerBooking: i ? String(i.maxPerBooking) : "2",
  recyclable: i?.recyclable ?? false,
  volumePoints: i ? String(i.volumePoints) : "1",
  note: i?.note ?? "",
  active: i?.active ?? true,
});

/** A number field sent as typed: "abc" goes to the server as text so its 422 names the field. */
const numberOrText = (v: string): number => (v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : (v as unknown as number));

export function ItemForm({ item, onSaved }: { item: PickupItem | null; onSaved: (i: PickupItem) => void }) {
  const [d, setD] = useState<Draft>(() => draftOf(item));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }));

  const finish = (res: ApiResult<PickupItem>) => {
    setBusy(false);
    if (res.ok) {
      setErrors({});
      setFailure(null);
      onSaved(res.data);
      return;
    }
    setErrors(fieldErrors(res));
    setFailure(res.status === 409 ? "该编码已被其他物品使用，请换一个编码" : res.message);
  };

  const save = async () => {
    setBusy(true);
    const common = {
      name: d.name.trim(),
      category: d.category,
      maxPerBooking: numberOrText(d.maxPerBooking),
      recyclable: d.recyclable,
      volumePoints: numberOrText(d.volumePoints),
      note: d.note.trim() || null,
    };
    if (item) finish(await updatePickupItem(item.code, { ...common, active: d.active }));
    else finish(await createPickupItem({ ...common, code: d.code.trim() }));
  };

  const text = (field: keyof Draft, label: string, placeholder: string, maxlength: number) => (
    <View className={`form-field form-field-${field}`}>
      <Text className="form-label">{label}</Text>
      <Input
        className={`text-input item-${field}`}
        value={String(d[field])}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => set({ [field]: e.detail.value })}
      />
      <FieldError errors={errors} field={field} />
    </View>
  );

  return (
    <View className="card item-form">
      <Text className="section-title">{item ? `修改「${item.name}」` : "新增物品"}</Text>
      {item ? (
        <Text className="admin-hint">编码 {item.code}（不可修改；已有预约保留预约时的名称与体积）</Text>
      ) : (
        text("code", "编码", "小写字母开头，如 sofa", 32)
      )}
      {text("name", "名称", "如：沙发", 20)}
      <Text className="form-label">类别</Text>
      <View className="chip-row">
        {PICKUP_CATEGORIES.map((c) => (
          <Chip
            key={c}
            label={PICKUP_CATEGORY_LABELS[c]}
            className={`item-category-${c}`}
            active={d.category === c}
            onTap={() => set({ category: c })}
          />
        ))}
      </View>
      <FieldError errors={errors} field="category" />
      {text("maxPerBooking", "每次预约最多件数", "1–20", 2)}
      {text("volumePoints", "体积点数（占一车运力的份额）", "1–100", 3)}
      <View className="chip-row">
        <Text className="chip-row__label">可回收</Text>
        <Chip label="可回收" className="item-recyclable-yes" active={d.recyclable} onTap={() => set({ recyclable: true })} />
        <Chip label="不可回收" className="item-recyclable-no" active={!d.recyclable} onTap={() => set({ recyclable: false })} />
      </View>
      {text("note", "给居民的提示（可选）", "如：冰箱请提前断电除霜", 120)}
      {item ? (
        <View className="chip-row">
          <Text className="chip-row__label">状态</Text>
          <Chip label="可预约" className="item-active-yes" active={d.active} onTap={() => set({ active: true })} />
          <Chip label="停用" className="item-active-no" active={!d.active} onTap={() => set({ active: false })} />
        </View>
      ) : null}
      {failure ? <Text className="form-error item-form__error">{failure}</Text> : null}
      <Button className="btn btn-primary item-save" disabled={busy || undefined} onClick={() => void save()}>
        {item ? "保存修改" : "新增"}
      </Button>
    </View>
  );
}

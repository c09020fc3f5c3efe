import { CATEGORY_GROUPS, type Category, type CategoryAttributeInput } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { FieldError } from "../../../components/FieldError";
import { fieldErrors } from "../../../services/fieldErrors";
import { createCategory, updateCategory } from "../api";
import { AttributesEditor } from "./AttributesEditor";

/* Create (category null) or edit one category. The server validates; its 422 shows under each field. */

interface Draft {
  code: string;
  name: string;
  group: string;
  department: string;
  slaHours: string;
  description: string;
  attributes: CategoryAttributeInput[];
}

const draftOf = (c: Category | null): Draft => ({
  code: c?.code ?? "",
  name: c?.name ?? "",
  group: c?.group ?? CATEGORY_GROUPS[0].code,
  department: c?.department ?? "",
  slaHours: c ? String(c.slaHours) : "72",
  description: c?.description ?? "",
  attributes: c?.attributes ?? [],
});

/** A number field sent as typed: "abc" goes to the server as text so its 422 names the field. */
const numberOrText = (v: string): number | string => (v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v);

export function CategoryForm({ category, onSaved }: { category: Category | null; onSaved: (c: Category) => void }) {
  const [d, setD] = useState<Draft>(() => draftOf(category));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }));

  const finish = (res: Awaited<ReturnType<typeof updateCategory>>) => {
    setBusy(false);
    if (res.ok) {
      setErrors({});
      setFailure(null);
      onSaved(res.data);
      return;
    }
    setErrors(fieldErrors(res));
    setFailure(res.message);
  };

  const save = async () => {
    setBusy(true);
    const common = { name: d.name, department: d.department, slaHours: numberOrText(d.slaHours) as number, description: d.description };
    if (category) finish(await updateCategory(category.code, { ...common, attributes: d.attributes }));
    else finish(await createCategory({ ...common, code: d.code, group: d.group, attributes: d.attributes }));
  };

  const setActive = async (active: boolean) => {
    if (!category) return;
    if (!active) {
      const answer = await Taro.showModal({
        title: "停用类别",
        content: `停用「${category.name}」后居民将不能再选择它，已有案件不受影响。`,
      });
      if (!answer.confirm) return;
    }
    setBusy(true);
    finish(await updateCategory(category.code, { active }));
  };

  const input = (field: keyof Draft, label: string, placeholder = "") => (
    <View className={`form-field form-field-${field}`}>
      <Text className="form-label">{label}</Text>
      <Input
        className={`text-input category-${field}`}
        value={d[field] as string}
        placeholder={placeholder}
        onInput={(e) => set({ [field]: e.detail.value } as Partial<Draft>)}
      />
      <FieldError errors={errors} field={field} />
    </View>
  );

  return (
    <View className="card category-form">
      <Text className="section-title">{category ? `修改：${category.name}` : "新建类别"}</Text>
      {category ? null : input("code", "代码（小写字母、数字、下划线）", "如 broken_bench")}
      {input("name", "名称")}
      {category ? null : (
        <View className="chip-row category-groups">
          {CATEGORY_GROUPS.map((g) => (
            <Chip
              key={g.code}
              label={g.name}
              className={`group-${g.code}`}
              active={d.group === g.code}
              onTap={() => set({ group: g.code })}
            />
          ))}
        </View>
      )}
      {input("department", "默认处置部门")}
      {input("slaHours", "处置时限（小时）")}
      {input("description", "说明")}
      <AttributesEditor attributes={d.attributes} onChange={(attributes) => set({ attributes })} errors={errors} />
      {failure ? <Text className="form-error category-form__error">{failure}</Text> : null}
      <Button className="btn btn-primary category-save" disabled={busy || undefined} onClick={() => void save()}>
        保存
      </Button>
      {category ? (
        <Button
          className={`btn ${category.active ? "category-deactivate" : "category-activate"}`}
          disabled={busy || undefined}
          onClick={() => void setActive(!category.active)}
        >
          {category.active ? "停用此类别" : "重新启用"}
        </Button>
      ) : null}
    </View>
  );
}

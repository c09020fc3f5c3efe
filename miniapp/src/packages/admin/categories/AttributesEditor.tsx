import { ATTRIBUTE_TYPES, type CategoryAttributeInput } from "@civic/shared";
import { Button, Input, Switch, Text, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";

/* A category's extra fields (Open311 attributes): code, question, type, required, and list values. */

const TYPE_LABELS: Record<(typeof ATTRIBUTE_TYPES)[number], string> = {
  string: "短文本",
  number: "数字",
  datetime: "日期时间",
  text: "长文本",
  singlevaluelist: "单选",
  multivaluelist: "多选",
};

/** "key=名称" pairs separated by commas or 、 — the one-line way to type a list's values. */
const valuesText = (values: CategoryAttributeInput["values"]) => (values ?? []).map((v) => `${v.key}=${v.name}`).join(", ");
const parseValues = (text: string) =>
  text
    .split(/[,，、]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [key = "", ...rest] = p.split("=");
      return { key: key.trim(), name: (rest.join("=") || key).trim() };
    });

/** Keeps the typed text as is (re-rendering parsed values would rewrite "a=" while it is typed). */
function ValuesInput(props: {
  values: CategoryAttributeInput["values"];
  onChange: (v: NonNullable<CategoryAttributeInput["values"]>) => void;
}) {
  const [text, setText] = useState(() => valuesText(props.values));
  return (
    <Input
      className="text-input attribute-values"
      value={text}
      placeholder="选项：key=名称, key=名称"
      onInput={(e) => {
        setText(e.detail.value);
        props.onChange(parseValues(e.detail.value));
      }}
    />
  );
}

interface Props {
  attributes: CategoryAttributeInput[];
  onChange: (a: CategoryAttributeInput[]) => void;
  errors: Record<string, string>;
}

export function AttributesEditor({ attributes, onChange, errors }: Props) {
  const update = (i: number, patch: Partial<CategoryAttributeInput>) =>
    onChange(attributes.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <View className="attributes-editor">
      <Text className="form-label">附加字段</Text>
      {attributes.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row's code is what is being typed, so only its position is stable
        <View key={i} className={`attribute-row attribute-row-${i}`}>
          <Input
            className="text-input attribute-code"
            value={a.code}
            placeholder="代码，如 pole_number"
            onInput={(e) => update(i, { code: e.detail.value })}
          />
          <Input
            className="text-input attribute-label"
            value={a.label}
            placeholder="向居民提的问题"
            onInput={(e) => update(i, { label: e.detail.value })}
          />
          <View className="chip-row">
            {ATTRIBUTE_TYPES.map((t) => (
              <Chip
                key={t}
                label={TYPE_LABELS[t]}
                className={`attribute-type-${t}`}
                active={a.datatype === t}
                onTap={() => update(i, { datatype: t })}
              />
            ))}
          </View>
          {a.datatype === "singlevaluelist" || a.datatype === "multivaluelist" ? (
            <ValuesInput values={a.values} onChange={(values) => update(i, { values })} />
          ) : null}
          <View className="attribute-required">
            <Text>必填</Text>
            <Switch
              className="attribute-required-switch"
              checked={a.required ?? false}
              onChange={(e) => update(i, { required: e.detail.value })}
            />
          </View>
          <Button className="btn attribute-remove" onClick={() => onChange(attributes.filter((_, j) => j !== i))}>
            删除此字段
          </Button>
        </View>
      ))}
      <Button
        className="btn attribute-add"
        onClick={() => onChange([...attributes, { code: "", label: "", datatype: "string", required: false }])}
      >
        添加字段
      </Button>
      {errors.attributes ? <Text className="form-error field-error-attributes">{errors.attributes}</Text> : null}
    </View>
  );
}

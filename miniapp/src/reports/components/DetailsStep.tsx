import { type Category, MAX_DESCRIPTION_CHARS } from "@civic/shared";
import { Input, Text, Textarea, View } from "@tarojs/components";
import type { DraftAttributes } from "../draft";

/* Step 4: what happened, in the resident's words, and the category's extra fields (e.g. a street light's pole number). */
type Attribute = Category["attributes"][number];

function AttributeField(props: {
  attribute: Attribute;
  value: string | string[] | undefined;
  error?: string;
  onChange: (v: string | string[]) => void;
}) {
  const a = props.attribute;
  const selected = Array.isArray(props.value) ? props.value : props.value ? [props.value] : [];
  const toggle = (key: string) => {
    if (a.datatype === "singlevaluelist") props.onChange(selected[0] === key ? "" : key);
    else props.onChange(selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key]);
  };
  const isList = a.datatype === "singlevaluelist" || a.datatype === "multivaluelist";
  const placeholder = a.hint || (a.datatype === "datetime" ? "如：2026-11-26 14:00" : a.datatype === "number" ? "请填写数字" : "");
  return (
    <View className={`attribute-field attribute-${a.code}`} data-code={a.code}>
      <Text className="field-label">
        {a.label}
        {a.required ? <Text className="required-mark"> *</Text> : <Text className="optional-mark">（选填）</Text>}
      </Text>
      {isList ? (
        <View className="chip-row">
          {a.values.map((v) => (
            <Text
              key={v.key}
              className={`chip attribute-option${selected.includes(v.key) ? " is-active" : ""}`}
              data-key={v.key}
              onClick={() => toggle(v.key)}
            >
              {v.name}
            </Text>
          ))}
        </View>
      ) : a.datatype === "text" ? (
        <Textarea
          className="text-input attribute-input"
          value={typeof props.value === "string" ? props.value : ""}
          maxlength={200}
          placeholder={placeholder}
          onInput={(e) => props.onChange(e.detail.value)}
        />
      ) : (
        <Input
          className="text-input attribute-input"
          type={a.datatype === "number" ? "digit" : "text"}
          value={typeof props.value === "string" ? props.value : ""}
          maxlength={200}
          placeholder={placeholder}
          onInput={(e) => props.onChange(e.detail.value)}
        />
      )}
      {props.error ? <Text className="field-error">{props.error}</Text> : null}
    </View>
  );
}

export interface DetailsStepProps {
  category: Category;
  description: string;
  attributes: DraftAttributes;
  errors: Record<string, string>;
  onDescription: (text: string) => void;
  onAttribute: (code: string, value: string | string[]) => void;
}

export function DetailsStep(props: DetailsStepProps) {
  const length = props.description.trim().length;
  return (
    <View className="wizard-section details-step">
      <Text className="section-title">描述一下问题</Text>
      <Textarea
        className="text-input description-input"
        value={props.description}
        maxlength={MAX_DESCRIPTION_CHARS}
        placeholder="如：人行道上有人摆摊卖水果，行人只能走机动车道"
        onInput={(e) => props.onDescription(e.detail.value)}
      />
      <Text className={`description-count${length > MAX_DESCRIPTION_CHARS ? " is-over" : ""}`}>
        {length}/{MAX_DESCRIPTION_CHARS}
      </Text>
      {props.errors.description ? <Text className="field-error description-error">{props.errors.description}</Text> : null}
      {props.category.attributes.map((a) => (
        <AttributeField
          key={a.code}
          attribute={a}
          value={props.attributes[a.code]}
          error={props.errors[a.code]}
          onChange={(v) => props.onAttribute(a.code, v)}
        />
      ))}
    </View>
  );
}

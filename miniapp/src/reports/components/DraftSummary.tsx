import { Image, Text, View } from "@tarojs/components";
import type { ReactNode } from "react";
import type { ReportDraft } from "../draft";
import { placeNameOf } from "./PlaceMap";

/* What is about to be sent, each field labelled (类别、位置、描述、照片、补充信息), with the photos themselves. */
function Field({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  return (
    <View className={`summary-field ${className}`}>
      <Text className="summary-field__label">{label}</Text>
      <View className="summary-field__value">{children}</View>
    </View>
  );
}

function extraFields(draft: ReportDraft): [string, string][] {
  const attributes = draft.category?.attributes ?? [];
  return attributes.flatMap((a): [string, string][] => {
    const typed = draft.attributes[a.code];
    const keys = Array.isArray(typed) ? typed : typed?.trim() ? [typed.trim()] : [];
    if (keys.length === 0) return [];
    const named = keys.map((k) => a.values.find((v) => v.key === k)?.name ?? k);
    return [[a.label, named.join("、")]];
  });
}

export function DraftSummary({ draft }: { draft: ReportDraft }) {
  const extras = extraFields(draft);
  return (
    <View className="card report-summary">
      <Field label="类别" className="summary-category">
        <Text>{draft.category?.name}</Text>
      </Field>
      <Field label="位置" className="summary-place">
        {draft.location ? <Text className="summary-place__area">{placeNameOf(draft.location)}</Text> : null}
        <Text className="summary-place__address">{draft.address}</Text>
      </Field>
      <Field label="描述" className="summary-description">
        <Text>{draft.description.trim()}</Text>
      </Field>
      <Field label={`照片：${draft.photos.length} 张`} className="summary-photos">
        <View className="summary-photos__strip">
          {draft.photos.map((p) => (
            <Image key={p.key} className="summary-photo" src={p.path} mode="aspectFill" />
          ))}
        </View>
      </Field>
      {extras.length > 0 ? (
        <Field label="补充信息" className="summary-extras">
          {extras.map(([label, value]) => (
            <Text key={label} className="summary-extra">
              {label}：{value}
            </Text>
          ))}
        </Field>
      ) : null}
    </View>
  );
}

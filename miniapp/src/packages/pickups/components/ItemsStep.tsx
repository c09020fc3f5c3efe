import { PICKUP_CATEGORIES, PICKUP_CATEGORY_LABELS, PICKUP_DEFAULTS, type PickupItem } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { useState } from "react";
import { addRefusal, type ItemLines, totalItems } from "../draft";

/*
 * Items and quantities: the catalogue grouped by category, each with its 可回收 badge, its per-booking
 * maximum and note; + refuses beyond the item's maximum or the booking's total, naming the item.
 * Used by the booking wizard and by the booking page's amend.
 */
export interface ItemsStepProps {
  items: readonly PickupItem[];
  lines: ItemLines;
  onChange: (lines: ItemLines) => void;
  maxItems?: number;
}

export function ItemsStep({ items, lines, onChange, maxItems = PICKUP_DEFAULTS.maxItems }: ItemsStepProps) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const add = (item: PickupItem) => {
    const why = addRefusal(item, lines, maxItems);
    setRefusal(why);
    if (!why) onChange({ ...lines, [item.code]: (lines[item.code] ?? 0) + 1 });
  };
  const remove = (item: PickupItem) => {
    setRefusal(null);
    const qty = (lines[item.code] ?? 0) - 1;
    const next = { ...lines };
    if (qty > 0) next[item.code] = qty;
    else delete next[item.code];
    onChange(next);
  };
  const groups = PICKUP_CATEGORIES.map((c) => ({ category: c, items: items.filter((i) => i.active && i.category === c) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <View className="wizard-section pickup-items-step">
      <Text className="section-title">要清运哪些物品？</Text>
      <Text className="hint-text pickup-items-total">
        已选 {totalItems(lines)}/{maxItems} 件
      </Text>
      {refusal ? <Text className="field-error pickup-item-refusal">{refusal}</Text> : null}
      {groups.map((g) => (
        <View key={g.category} className="card pickup-item-group">
          <Text className="pickup-item-group__name">{PICKUP_CATEGORY_LABELS[g.category]}</Text>
          {g.items.map((item) => {
            const qty = lines[item.code] ?? 0;
            return (
              <View key={item.code} className={`pickup-item${qty > 0 ? " is-chosen" : ""}`} data-code={item.code}>
                <View className="pickup-item__head">
                  <Text className="pickup-item__name">{item.name}</Text>
                  {item.recyclable ? <Text className="badge badge-recyclable">可回收</Text> : null}
                </View>
                <Text className="pickup-item__max">每次最多 {item.maxPerBooking} 件</Text>
                {item.note ? <Text className="pickup-item__note">{item.note}</Text> : null}
                <View className="stepper">
                  <Text className={`stepper__btn stepper-minus${qty > 0 ? "" : " is-disabled"}`} onClick={() => qty > 0 && remove(item)}>
                    －
                  </Text>
                  <Text className="stepper__value">{qty}</Text>
                  <Text className="stepper__btn stepper-plus" onClick={() => add(item)}>
                    ＋
                  </Text>
                </View>
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}

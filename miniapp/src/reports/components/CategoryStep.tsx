import type { Category } from "@civic/shared";
import { Input, Text, View } from "@tarojs/components";
import { useState } from "react";

/* Step 1: what kind of problem. Categories grouped as the bureau files them, with a search over names and the words residents use. */

export function matchesCategory(c: Category, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === "") return true;
  return [c.name, c.groupName, ...c.keywords].some((w) => w.toLowerCase().includes(q));
}

export function groupCategories(categories: readonly Category[]): { groupName: string; categories: Category[] }[] {
  const groups: { groupName: string; categories: Category[] }[] = [];
  const sorted = [...categories].filter((c) => c.active).sort((a, b) => a.sortOrder - b.sortOrder);
  for (const c of sorted) {
    let group = groups.find((g) => g.groupName === c.groupName);
    if (!group) {
      group = { groupName: c.groupName, categories: [] };
      groups.push(group);
    }
    group.categories.push(c);
  }
  return groups;
}

export function CategoryStep(props: { categories: readonly Category[]; selected: Category | null; onSelect: (c: Category) => void }) {
  const [query, setQuery] = useState("");
  const groups = groupCategories(props.categories.filter((c) => matchesCategory(c, query)));
  return (
    <View className="wizard-section category-step">
      <Text className="section-title">遇到了什么问题？</Text>
      <Input
        className="text-input category-search"
        value={query}
        placeholder="搜索问题类型，如：小广告、路灯、共享单车"
        onInput={(e) => setQuery(e.detail.value)}
      />
      {groups.length === 0 ? <Text className="category-empty hint-text">没有找到相关类型，可以换个说法，或选“其他”</Text> : null}
      {groups.map((g) => (
        <View key={g.groupName} className="category-group">
          <Text className="category-group__name">{g.groupName}</Text>
          <View className="category-group__items">
            {g.categories.map((c) => (
              <View
                key={c.code}
                className={`category-item${props.selected?.code === c.code ? " is-active" : ""}`}
                data-code={c.code}
                onClick={() => props.onSelect(c)}
              >
                <Text className="category-item__name">{c.name}</Text>
                {c.description ? <Text className="category-item__desc">{c.description}</Text> : null}
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}

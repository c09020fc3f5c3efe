import { type Category, REPORT_STATUS_LABELS, REPORT_STATUSES } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { useState } from "react";
import { CITY_DISTRICTS } from "../../../city/districts";
import { Chip } from "../../../components/Chip";
import { type QueueFilters, queueFilterSummary, VENDING_ZONE_FILTER_LABELS } from "./filters";

/*
 * The queue's filters: status chips, a category picker (an in-page panel grouped like the category tree,
 * so it works the same in both builds and in a browser test), districts, 超期 and 待人工复核. Folded to one
 * summary line by default so the cases fill the screen; a tap on it opens the panel. 摊区内 / 摊区旁 keep
 * the street-vending reports filed in or near a vending zone open at the time.
 */
export function QueueFilterBar(props: { filters: QueueFilters; categories: readonly Category[]; onChange: (next: QueueFilters) => void }) {
  const { filters, categories, onChange } = props;
  const [picking, setPicking] = useState(false);
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<QueueFilters>) => onChange({ ...filters, ...patch });
  const categoryName = categories.find((c) => c.code === filters.category)?.name ?? filters.category ?? undefined;
  const groups = [...new Set(categories.map((c) => c.groupName))];

  const summary = queueFilterSummary(filters, categoryName ?? null);
  return (
    <View className={`queue-filters card${open ? " is-open" : " is-folded"}`}>
      <View className="queue-filters__summary" onClick={() => setOpen(!open)}>
        <Text className="queue-filters__summary-text">筛选：{summary}</Text>
        <Text className="queue-filters__toggle">{open ? "收起 ▴" : "展开 ▾"}</Text>
      </View>
      {open ? (
        <QueuePanel {...props} picking={picking} setPicking={setPicking} categoryName={categoryName} groups={groups} set={set} />
      ) : null}
    </View>
  );
}

function QueuePanel(props: {
  filters: QueueFilters;
  categories: readonly Category[];
  picking: boolean;
  setPicking: (v: boolean) => void;
  categoryName: string | undefined;
  groups: string[];
  set: (patch: Partial<QueueFilters>) => void;
}) {
  const { filters, categories, picking, setPicking, categoryName, groups, set } = props;
  return (
    <View className="queue-filters__panel">
      <View className="chip-row queue-status-filters">
        <Text className="chip-row__label">状态</Text>
        <Chip label="全部待办" className="status-chip-all" active={filters.status === null} onTap={() => set({ status: null })} />
        {REPORT_STATUSES.map((s) => (
          <Chip
            key={s}
            label={REPORT_STATUS_LABELS[s]}
            className={`status-chip-${s}`}
            active={filters.status === s}
            onTap={() => set({ status: s })}
          />
        ))}
      </View>
      <View className="chip-row">
        <Text className="chip-row__label">筛选</Text>
        <Chip label="超期" className="queue-filter-overdue" active={filters.overdue} onTap={() => set({ overdue: !filters.overdue })} />
        <Chip label="待人工复核" className="queue-filter-held" active={filters.held} onTap={() => set({ held: !filters.held })} />
        {(["within", "near"] as const).map((v) => (
          <Chip
            key={v}
            label={VENDING_ZONE_FILTER_LABELS[v]}
            className={`queue-filter-vending-${v}`}
            active={filters.vendingZone === v}
            onTap={() => set({ vendingZone: filters.vendingZone === v ? null : v })}
          />
        ))}
        <Chip
          label={`分类：${categoryName ?? "全部"} ▾`}
          className="queue-filter-category"
          active={filters.category !== null || picking}
          onTap={() => setPicking(!picking)}
        />
      </View>
      {picking ? (
        <View className="category-picker">
          <Chip
            label="全部分类"
            className="category-option category-option-all"
            active={filters.category === null}
            onTap={() => {
              setPicking(false);
              set({ category: null });
            }}
          />
          {groups.map((group) => (
            <View key={group} className="chip-row category-group">
              <Text className="chip-row__label">{group}</Text>
              {categories
                .filter((c) => c.groupName === group)
                .map((c) => (
                  <Chip
                    key={c.code}
                    label={c.name}
                    className={`category-option category-option-${c.code}`}
                    active={filters.category === c.code}
                    onTap={() => {
                      setPicking(false);
                      set({ category: c.code });
                    }}
                  />
                ))}
            </View>
          ))}
        </View>
      ) : null}
      <View className="chip-row queue-district-filters">
        <Text className="chip-row__label">区域</Text>
        <Chip label="全市" className="queue-district-all" active={filters.district === null} onTap={() => set({ district: null })} />
        {CITY_DISTRICTS.map((d) => (
          <Chip
            key={d.id}
            label={d.name}
            className={`queue-district-${d.id}`}
            active={filters.district === d.id}
            onTap={() => set({ district: d.id })}
          />
        ))}
      </View>
    </View>
  );
}

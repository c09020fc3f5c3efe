import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { moderationKpis } from "../api";
import "../moderation.css";
import { checkDateRange, cityToday } from "../../../ui/periods";
import { canRetry, isStaff, pageError } from "../staffAccess";
import { DailyChart, GroupChart } from "./KpiCharts";
import { KpiTiles } from "./KpiTiles";
import { GROUP_LABELS, type GroupBy, PERIOD_LABELS, type PeriodPreset, presetRange } from "./period";

/* KPI 看板: the bureau's figures for a period (结案率, 按期结案率, 中位结案时长, 回访满意率, 重开率), with charts. */
// The bureau's pickups figures live in their own subpackage; its URL only.
const PICKUP_OVERVIEW_PAGE = "/packages/pickups-admin/overview/index";
const PRESETS: PeriodPreset[] = ["7d", "30d", "month", "custom"];
const GROUPS: GroupBy[] = ["none", "category", "district"];

export default function KpiPage() {
  const session = useSession();
  const staff = isStaff(session);
  const [preset, setPreset] = useState<PeriodPreset>("30d");
  const [range, setRange] = useState(() => presetRange("30d", cityToday()));
  const [draft, setDraft] = useState(range);
  const [draftError, setDraftError] = useState<string | null>(null);
  const [groupBy, setGroupBy] = useState<GroupBy>("none");
  const key = staff && session ? `${range.from}:${range.to}:${groupBy}:${session.token}` : null;
  const { state, reload } = useApiLoad(key, () => moderationKpis({ ...range, groupBy }));

  const choose = (p: PeriodPreset) => {
    setPreset(p);
    setDraftError(null);
    if (p === "custom") setDraft(range);
    else setRange(presetRange(p, cityToday()));
  };
  const applyCustom = () => {
    const checked = checkDateRange(draft.from, draft.to);
    if (!checked.ok) {
      setDraftError(checked.message);
      return;
    }
    setDraftError(null);
    setRange({ from: checked.from, to: checked.to });
  };

  const data = state.status === "ok" ? state.data : null;
  const error = pageError(session, state.status === "error" ? state.error : null);

  const toolbar = staff ? (
    <View className="card kpi-controls">
      <View className="chip-row">
        <Text className="chip-row__label">时段</Text>
        {PRESETS.map((p) => (
          <Chip key={p} label={PERIOD_LABELS[p]} className={`period-${p}`} active={preset === p} onTap={() => choose(p)} />
        ))}
      </View>
      {preset === "custom" ? (
        <View className="kpi-custom-range">
          <Input
            className="text-input kpi-from"
            value={draft.from}
            maxlength={10}
            placeholder="开始 2026-11-01"
            onInput={(e) => setDraft({ ...draft, from: e.detail.value })}
          />
          <Text className="kpi-range-sep">至</Text>
          <Input
            className="text-input kpi-to"
            value={draft.to}
            maxlength={10}
            placeholder="结束 2026-11-30"
            onInput={(e) => setDraft({ ...draft, to: e.detail.value })}
          />
          <Button className="btn btn-primary kpi-apply" onClick={applyCustom}>
            查询
          </Button>
        </View>
      ) : null}
      {draftError ? <Text className="form-error kpi-range-error">{draftError}</Text> : null}
      <View className="chip-row">
        <Text className="chip-row__label">分组</Text>
        {GROUPS.map((g) => (
          <Chip key={g} label={GROUP_LABELS[g]} className={`kpi-group-${g}`} active={groupBy === g} onTap={() => setGroupBy(g)} />
        ))}
      </View>
      <Text className="kpi-period">
        {range.from} 至 {range.to}
      </Text>
    </View>
  ) : null;

  return (
    <PageContainer
      className="moderation-page kpi-page"
      title="KPI 看板"
      subtitle="数字城管闭环：立案、结案、按期、满意度"
      needsLogin={!session}
      loginHint="请使用城管局工作人员账号登录"
      toolbar={toolbar}
      loading={staff && state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={data !== null && data.overall.cases === 0}
      emptyText="所选时段没有立案的案件"
      footer={
        staff ? (
          <Button className="btn kpi-pickups-link" onClick={() => void Taro.navigateTo({ url: PICKUP_OVERVIEW_PAGE })}>
            大件收运概况与 KPI
          </Button>
        ) : null
      }
    >
      {data ? (
        <View className="kpi-body">
          <KpiTiles figures={data.overall} />
          <DailyChart daily={data.daily} />
          <GroupChart groups={data.groups} groupBy={data.groupBy} />
        </View>
      ) : null}
    </PageContainer>
  );
}

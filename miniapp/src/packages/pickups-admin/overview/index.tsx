import { addCityDays } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { checkDateRange, cityToday, isCityDate } from "../../../ui/periods";
import { canRetry, mayOpen, pageError } from "../access";
import { pickupKpis, pickupOverview } from "../api";
import "../pickups-admin.css";
import { PICKUP_DISTRICTS } from "../streets";
import { OverviewTable } from "./OverviewTable";
import { PickupKpiTiles } from "./PickupKpiTiles";

/* 大件收运概况 (staff): one day per district and street, overdue highlighted, and the KPIs of a period. */

export default function PickupOverviewPage() {
  const session = useSession();
  const allowed = mayOpen("staff", session);
  const [district, setDistrict] = useState<string | null>(null);
  const [date, setDate] = useState(() => cityToday());
  const [dateDraft, setDateDraft] = useState(date);
  const [range, setRange] = useState(() => ({ from: addCityDays(cityToday(), -29), to: cityToday() }));
  const [rangeDraft, setRangeDraft] = useState(range);
  const [inputError, setInputError] = useState<string | null>(null);
  const ready = Boolean(session && allowed);
  const d = district ?? undefined;
  const day = useApiLoad(ready ? `overview:${date}:${district}` : null, () => pickupOverview({ date, district: d }));
  const kpis = useApiLoad(ready ? `kpis:${range.from}:${range.to}:${district}` : null, () => pickupKpis({ ...range, district: d }));
  const error = pageError("staff", session, day.state.status === "error" ? day.state.error : null);
  const overview = day.state.status === "ok" ? day.state.data : null;

  const applyDate = () => {
    if (!isCityDate(dateDraft.trim())) return setInputError("请按 2026-12-01 的格式填写日期");
    setInputError(null);
    setDate(dateDraft.trim());
  };
  const applyRange = () => {
    const checked = checkDateRange(rangeDraft.from, rangeDraft.to);
    if (!checked.ok) return setInputError(checked.message);
    setInputError(null);
    setRange({ from: checked.from, to: checked.to });
  };

  const toolbar = ready ? (
    <View className="card overview-filters">
      <View className="chip-row">
        <Text className="chip-row__label">区域</Text>
        <Chip label="全市" className="overview-district-all" active={district === null} onTap={() => setDistrict(null)} />
        {PICKUP_DISTRICTS.map((x) => (
          <Chip
            key={x.code}
            label={x.name}
            className={`overview-district district-${x.id}`}
            active={district === x.code}
            onTap={() => setDistrict(x.code)}
          />
        ))}
      </View>
      <View className="date-range">
        <Text className="chip-row__label">日期</Text>
        <Input className="text-input overview-date" value={dateDraft} maxlength={10} onInput={(e) => setDateDraft(e.detail.value)} />
        <Button className="btn btn-primary overview-apply" onClick={applyDate}>
          查看
        </Button>
      </View>
      {inputError ? <Text className="form-error overview-input-error">{inputError}</Text> : null}
    </View>
  ) : null;

  const kpiSection = ready ? (
    <View className="card overview-kpis">
      <Text className="section-title">收运 KPI</Text>
      <View className="date-range">
        <Input
          className="text-input kpi-from"
          value={rangeDraft.from}
          maxlength={10}
          onInput={(e) => setRangeDraft({ ...rangeDraft, from: e.detail.value })}
        />
        <Text className="date-range__sep">至</Text>
        <Input
          className="text-input kpi-to"
          value={rangeDraft.to}
          maxlength={10}
          onInput={(e) => setRangeDraft({ ...rangeDraft, to: e.detail.value })}
        />
        <Button className="btn kpi-apply" onClick={applyRange}>
          查询
        </Button>
      </View>
      {kpis.state.status === "loading" ? <Text className="admin-hint">加载中…</Text> : null}
      {kpis.state.status === "error" ? (
        <View className="kpi-error">
          <Text className="form-error">{kpis.state.error.status === 403 ? "此页面仅限城管局工作人员使用" : kpis.state.error.message}</Text>
          {kpis.state.error.status === 403 ? null : (
            <Button className="btn kpi-retry" onClick={kpis.reload}>
              重试
            </Button>
          )}
        </View>
      ) : null}
      {kpis.state.status === "ok" ? <PickupKpiTiles kpis={kpis.state.data} /> : null}
    </View>
  ) : null;

  return (
    <PageContainer
      className="admin-page pickups-admin pickup-overview"
      title="大件收运概况"
      subtitle="当天 18:00 后仍未完成的预约计为超时"
      needsLogin={!session}
      loginHint="请使用城管局工作人员账号登录"
      toolbar={toolbar}
      loading={day.state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? day.reload : undefined}
      empty={overview !== null && overview.streets.length === 0}
      emptyText={`${date} 没有开放的时段，也没有预约`}
      footer={kpiSection}
    >
      {overview ? <OverviewTable overview={overview} /> : null}
    </PageContainer>
  );
}

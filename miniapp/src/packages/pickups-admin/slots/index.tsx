import { addCityDays, type PickupSlot } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { checkDateRange, cityToday } from "../../../ui/periods";
import { canRetry, mayOpen, pageError } from "../access";
import { adminSlots } from "../api";
import "../pickups-admin.css";
import { PICKUP_DISTRICTS, streetChoices } from "../streets";
import { BulkSlotsForm } from "./BulkSlotsForm";
import { SlotRow } from "./SlotRow";

/* 收运时段: a district's or a street's slots for a date range, each with its capacity edit; slots in bulk beside. */

interface Filter {
  district: string;
  street: string | null;
  from: string;
  to: string;
}

export default function PickupSlotsPage() {
  const session = useSession();
  const allowed = mayOpen("admin", session);
  const [filter, setFilter] = useState<Filter>(() => ({
    district: PICKUP_DISTRICTS[0]?.code ?? "",
    street: null,
    from: addCityDays(cityToday(), 1),
    to: addCityDays(cityToday(), 7),
  }));
  const [draft, setDraft] = useState({ from: filter.from, to: filter.to });
  const [rangeError, setRangeError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const key = session && allowed ? `slots:${filter.district}:${filter.street}:${filter.from}:${filter.to}:${version}` : null;
  const { state, reload, replace } = useApiLoad(key, () =>
    adminSlots(
      filter.street
        ? { street: filter.street, from: filter.from, to: filter.to }
        : { district: filter.district, from: filter.from, to: filter.to },
    ),
  );
  const slots = state.status === "ok" ? state.data.slots : [];
  const error = pageError("admin", session, state.status === "error" ? state.error : null);

  const apply = () => {
    const range = checkDateRange(draft.from, draft.to);
    if (!range.ok) return setRangeError(range.message);
    setRangeError(null);
    setFilter({ ...filter, from: range.from, to: range.to });
  };
  const saved = (slot: PickupSlot) => replace({ slots: slots.map((s) => (s.id === slot.id ? slot : s)) });

  const toolbar =
    session && allowed ? (
      <View className="card slot-filters">
        <View className="chip-row">
          <Text className="chip-row__label">区</Text>
          {PICKUP_DISTRICTS.map((d) => (
            <Chip
              key={d.code}
              label={d.name}
              className={`slot-district district-${d.id}`}
              active={filter.district === d.code}
              onTap={() => setFilter({ ...filter, district: d.code, street: null })}
            />
          ))}
        </View>
        <View className="chip-row">
          <Text className="chip-row__label">街道</Text>
          <Chip
            label="全部街道"
            className="slot-street-all"
            active={filter.street === null}
            onTap={() => setFilter({ ...filter, street: null })}
          />
          {streetChoices(filter.district).map((s) => (
            <Chip
              key={s.code}
              label={s.name}
              className="slot-street"
              active={filter.street === s.code}
              onTap={() => setFilter({ ...filter, street: s.code })}
            />
          ))}
        </View>
        <View className="date-range">
          <Input
            className="text-input slot-from"
            value={draft.from}
            maxlength={10}
            onInput={(e) => setDraft({ ...draft, from: e.detail.value })}
          />
          <Text className="date-range__sep">至</Text>
          <Input
            className="text-input slot-to"
            value={draft.to}
            maxlength={10}
            onInput={(e) => setDraft({ ...draft, to: e.detail.value })}
          />
          <Button className="btn btn-primary slot-apply" onClick={apply}>
            查询
          </Button>
        </View>
        {rangeError ? <Text className="form-error slot-range-error">{rangeError}</Text> : null}
      </View>
    ) : null;

  return (
    <PageContainer
      className="admin-page pickups-admin pickup-slots"
      title="收运时段"
      subtitle="容量按体积点数计，不能低于已预约的点数"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={toolbar}
      loading={state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={state.status === "ok" && slots.length === 0}
      emptyText="所选范围内还没有开放的时段，可在下方批量开放"
      footer={session && allowed ? <BulkSlotsForm onCreated={() => setVersion((v) => v + 1)} /> : null}
    >
      <View className="slot-list">
        {slots.map((s) => (
          <SlotRow key={`${s.id}:${s.capacityPoints}`} slot={s} onSaved={saved} />
        ))}
      </View>
    </PageContainer>
  );
}

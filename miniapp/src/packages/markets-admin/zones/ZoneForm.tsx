import { type LatLng, MARKET_ZONE_KIND_LABELS, MARKET_ZONE_KINDS, type MarketZoneDetail } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { CITY_DISTRICTS } from "../../../city/districts";
import { Chip } from "../../../components/Chip";
import { FieldError } from "../../../components/FieldError";
import { fieldErrors } from "../../../services/fieldErrors";
import type { ApiResult } from "../../../services/request";
import { createZone, updateZone } from "../api";
import { AreaEditor } from "./AreaEditor";
import { bodyOf, draftOf, EMPTY_DRAFT, type ZoneDraft } from "./draft";
import { ScheduleEditor } from "./ScheduleEditor";

/*
 * Create (zone null) or edit one zone. An edit carries the version it was opened at: if another admin
 * saved first the server answers 409 stale_version and the form says so, with 刷新 to load theirs.
 * The server validates; its 422 shows under each field.
 */

export const STALE_TEXT = "已被他人修改，请刷新";

export function isStale(res: { details?: unknown }) {
  return (res.details as { reason?: string } | undefined)?.reason === "stale_version";
}

export function ZoneForm(props: { zone: MarketZoneDetail | null; onSaved: (z: MarketZoneDetail) => void; onRefresh: () => void }) {
  const { zone } = props;
  const [d, setD] = useState<ZoneDraft>(() => (zone ? draftOf(zone) : EMPTY_DRAFT));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ text: string; stale: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ZoneDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const start: LatLng = zone ?? (CITY_DISTRICTS.find((x) => x.officialName === d.district) || (CITY_DISTRICTS[0] as LatLng));

  const finish = (res: ApiResult<MarketZoneDetail>) => {
    setBusy(false);
    if (res.ok) {
      setErrors({});
      setFailure(null);
      props.onSaved(res.data);
      return;
    }
    setErrors(fieldErrors(res));
    setFailure(isStale(res) ? { text: STALE_TEXT, stale: true } : { text: res.message, stale: false });
  };
  const save = async () => {
    if (busy) return;
    setBusy(true);
    const body = bodyOf(d);
    finish(zone ? await updateZone(zone.id, { ...body, version: zone.version }) : await createZone(body));
  };

  const text = (field: keyof ZoneDraft, label: string, placeholder: string, maxlength: number) => (
    <View className={`form-field form-field-${field}`}>
      <Text className="form-label">{label}</Text>
      <Input
        className={`text-input zone-${field}`}
        value={String(d[field])}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => set({ [field]: e.detail.value })}
      />
      <FieldError errors={errors} field={field} />
    </View>
  );

  return (
    <View className="card zone-form">
      <Text className="section-title">{zone ? `修改「${zone.name}」` : "新建摊区"}</Text>
      {text("name", "名称", "如：石路夜市", 60)}
      <View className="chip-row zone-kind-chips">
        <Text className="chip-row__label">类型</Text>
        {MARKET_ZONE_KINDS.map((k) => (
          <Chip
            key={k}
            label={MARKET_ZONE_KIND_LABELS[k]}
            className={`zone-kind-${k}`}
            active={d.kind === k}
            onTap={() => set({ kind: k })}
          />
        ))}
      </View>
      {text("address", "地址", "如：姑苏区石路步行街", 200)}
      <View className="form-field form-field-district">
        <Text className="form-label">所在区</Text>
        <View className="chip-row">
          {CITY_DISTRICTS.map((x) => (
            <Chip
              key={x.id}
              label={x.name}
              className={`zone-district district-${x.id}`}
              active={d.district === x.officialName}
              onTap={() => set({ district: x.officialName })}
            />
          ))}
        </View>
        <FieldError errors={errors} field="district" />
      </View>
      {text("street", "街道（可空）", "如：金阊街道", 40)}
      <AreaEditor draft={d} start={start} onChange={set} />
      <FieldError errors={errors} field="area" />
      <ScheduleEditor draft={d} onChange={set} />
      <FieldError errors={errors} field="windows" />
      <FieldError errors={errors} field="seasons" />
      <FieldError errors={errors} field="exceptions" />
      {text("goodsAllowed", "允许经营（用顿号分隔）", "如：小吃、饮品、日用百货", 300)}
      {text("goodsForbidden", "禁止经营（用顿号分隔）", "如：明火烧烤、活禽", 300)}
      {text("stalls", "摊位数（可空）", "如：80", 4)}
      {text("fees", "收费", "如：每摊每晚 20 元", 100)}
      <View className="chip-row zone-register-chips">
        <Text className="chip-row__label">摊主登记</Text>
        <Chip label="需要登记" className="zone-register-yes" active={d.vendorsRegister} onTap={() => set({ vendorsRegister: true })} />
        <Chip label="无需登记" className="zone-register-no" active={!d.vendorsRegister} onTap={() => set({ vendorsRegister: false })} />
      </View>
      {text("managingUnit", "管理单位", "如：姑苏区城管局金阊中队", 60)}
      {text("contactPhone", "联系电话", "如：0512-65550000", 20)}
      {failure ? (
        <View className="form-failure">
          <Text className={`form-error zone-form-error${failure.stale ? " zone-stale" : ""}`}>{failure.text}</Text>
          {failure.stale ? (
            <Button className="btn zone-refresh" onClick={props.onRefresh}>
              刷新
            </Button>
          ) : null}
        </View>
      ) : null}
      <Button className="btn btn-primary btn-large zone-save" disabled={busy || undefined} onClick={save}>
        {busy ? "正在保存…" : zone ? "保存修改" : "创建摊区"}
      </Button>
    </View>
  );
}

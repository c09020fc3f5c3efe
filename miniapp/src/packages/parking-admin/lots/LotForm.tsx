import { LOT_TYPE_LABELS, LOT_TYPES, type ParkingAdminLot, type ParkingLotDetail, type ParkingOperator } from "@civic/shared";
import { Button, Input, Switch, Text, View } from "@tarojs/components";
import { useState } from "react";
import { CITY_DISTRICTS } from "../../../city/districts";
import { Chip } from "../../../components/Chip";
import { FieldError } from "../../../components/FieldError";
import { fieldErrors } from "../../../services/fieldErrors";
import { createParkingLot, updateParkingLot } from "../api";
import { HoursEditor } from "./HoursEditor";
import { changesOf, draftOf, inputOf, type LotDraft } from "./lotDraft";

/*
 * A lot's form, for a new lot (the whole input is posted) or an existing one (only the changed fields are
 * sent). The server's 422 shows under each field; a taken operator id (409) says so.
 */

type TextKey = { [K in keyof LotDraft]: LotDraft[K] extends string ? K : never }[keyof LotDraft];

export function LotForm(props: {
  lot: ParkingAdminLot | null;
  operators: readonly ParkingOperator[];
  onSaved: (lot: ParkingLotDetail) => void;
}) {
  const { lot } = props;
  const [d, setD] = useState<LotDraft>(() => draftOf(lot));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [bad, setBad] = useState<{ hours: number[]; shared: number[] }>({ hours: [], shared: [] });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof LotDraft>(k: K, v: LotDraft[K]) => setD((p) => ({ ...p, [k]: v }));

  /** `error`: the API field whose 422 shows under this input ("" when a group shows it once below). */
  const field = (k: TextKey, label: string, error: string = k, type?: "digit" | "number") => (
    <View className={`form-field form-field-${k}`}>
      <Text className="form-label">{label}</Text>
      <Input className={`text-input lot-${k}`} type={type} value={d[k]} onInput={(e) => set(k, e.detail.value)} />
      {error ? <FieldError errors={errors} field={error} /> : null}
    </View>
  );

  const save = async () => {
    const outcome = inputOf(d);
    if (!outcome.ok) {
      setBad({ hours: outcome.badHours, shared: outcome.badSharedHours });
      return setFailure("营业时间格式有误，请检查标红的日期");
    }
    setBad({ hours: [], shared: [] });
    let res: Awaited<ReturnType<typeof createParkingLot>>;
    if (lot) {
      const changes = changesOf(lot, outcome.input, d.active);
      if (Object.keys(changes).length === 0) return setFailure("没有修改");
      setBusy(true);
      res = await updateParkingLot(lot.id, changes);
    } else {
      setBusy(true);
      res = await createParkingLot(outcome.input);
    }
    setBusy(false);
    if (!res.ok) {
      setErrors(fieldErrors(res));
      const taken = res.status === 409 && (res.details as { reason?: string } | undefined)?.reason === "operator_lot_id_taken";
      return setFailure(taken ? "该运营方已有停车场使用此编号" : res.message);
    }
    setErrors({});
    setFailure(null);
    props.onSaved(res.data);
  };

  return (
    <View className="card lot-form">
      {field("name", "名称")}
      <View className="form-field">
        <Text className="form-label">类型</Text>
        <View className="chip-row">
          {LOT_TYPES.map((t) => (
            <Chip key={t} label={LOT_TYPE_LABELS[t]} className={`lot-type-${t}`} active={d.type === t} onTap={() => set("type", t)} />
          ))}
        </View>
      </View>
      {field("address", "地址")}
      <View className="form-field">
        <Text className="form-label">所在区</Text>
        <View className="chip-row">
          {CITY_DISTRICTS.map((c) => (
            <Chip
              key={c.code}
              label={c.name}
              className={`lot-district-${c.id}`}
              active={d.district === c.officialName}
              onTap={() => set("district", c.officialName)}
            />
          ))}
        </View>
        <FieldError errors={errors} field="district" />
      </View>
      {field("lat", "纬度（GCJ-02）", "lat", "digit")}
      {field("lng", "经度（GCJ-02）", "lng", "digit")}
      <Text className="lot-form__section">车位</Text>
      {field("total", "总车位", "", "number")}
      {field("disabled", "其中无障碍车位", "", "number")}
      {field("charging", "其中充电车位", "", "number")}
      {field("shared", "其中共享车位", "", "number")}
      <FieldError errors={errors} field="capacity" />
      <Text className="lot-form__section">收费</Text>
      {field("feeText", "收费说明", "")}
      <View className="form-flag form-flag-rate">
        <Text>按小时计费标准</Text>
        <Switch className="lot-has-rate" checked={d.hasRate} onChange={(e) => set("hasRate", e.detail.value)} />
      </View>
      {d.hasRate ? (
        <>
          {field("freeMinutes", "免费时长（分钟）", "", "number")}
          {field("firstHourYuan", "首小时（元）", "", "digit")}
          {field("perHourYuan", "之后每小时（元）", "", "digit")}
          {field("dailyCapYuan", "每日封顶（元，可空）", "", "digit")}
        </>
      ) : null}
      <FieldError errors={errors} field="fees" />
      <Text className="lot-form__section">{d.type === "shared" ? "对外开放时段" : "营业时间"}</Text>
      <HoursEditor name="hours" draft={d.hours} onChange={(h) => set("hours", h)} badDays={bad.hours} />
      <FieldError errors={errors} field="hours" />
      <View className="form-flag form-flag-shared-hours">
        <Text>共享车位另有开放时段</Text>
        <Switch className="lot-has-shared-hours" checked={d.hasSharedHours} onChange={(e) => set("hasSharedHours", e.detail.value)} />
      </View>
      {d.hasSharedHours ? (
        <HoursEditor name="shared" draft={d.sharedHours} onChange={(h) => set("sharedHours", h)} badDays={bad.shared} />
      ) : null}
      <FieldError errors={errors} field="sharedHours" />
      <Text className="lot-form__section">数据来源</Text>
      <View className="form-field">
        <Text className="form-label">运营方</Text>
        <View className="chip-row">
          <Chip label="无实时数据" className="lot-operator-none" active={d.operatorId === null} onTap={() => set("operatorId", null)} />
          {props.operators.map((o) => (
            <Chip
              key={o.id}
              label={o.name}
              className={`lot-operator-${o.id}`}
              active={d.operatorId === o.id}
              onTap={() => set("operatorId", o.id)}
            />
          ))}
        </View>
        <FieldError errors={errors} field="operatorId" />
      </View>
      {field("operatorLotId", "运营方的停车场编号（可空）")}
      {field("licence", "数据许可（空则用运营方的）")}
      {lot ? (
        <View className="form-flag form-flag-active">
          <Text>在用（停用后居民查不到）</Text>
          <Switch className="lot-active" checked={d.active} onChange={(e) => set("active", e.detail.value)} />
        </View>
      ) : null}
      {failure ? <Text className="form-error lot-form__error">{failure}</Text> : null}
      <Button className="btn btn-primary lot-save" disabled={busy || undefined} onClick={() => void save()}>
        {lot ? "保存修改" : "添加停车场"}
      </Button>
    </View>
  );
}

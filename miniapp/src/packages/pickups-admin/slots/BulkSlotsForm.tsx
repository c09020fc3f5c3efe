import { addCityDays, PICKUP_WINDOWS, type PickupWindow } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { FieldError } from "../../../components/FieldError";
import { fieldErrors } from "../../../services/fieldErrors";
import { checkDateRange, cityToday } from "../../../ui/periods";
import { createSlots } from "../api";
import { StreetPicker } from "../components/StreetPicker";

/* 批量开放时段: streets × dates × windows, one capacity; slots that exist already are skipped (and counted). */

const WINDOWS: PickupWindow[] = ["am", "pm"];

export function BulkSlotsForm({ onCreated }: { onCreated: () => void }) {
  const [streets, setStreets] = useState<string[]>([]);
  const [from, setFrom] = useState(() => addCityDays(cityToday(), 1));
  const [to, setTo] = useState(() => addCityDays(cityToday(), 14));
  const [windows, setWindows] = useState<PickupWindow[]>(["am", "pm"]);
  const [capacity, setCapacity] = useState("20");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<{ created: number; skipped: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const toggleWindow = (w: PickupWindow) => setWindows(windows.includes(w) ? windows.filter((x) => x !== w) : [...windows, w]);

  const submit = async () => {
    setResult(null);
    const range = checkDateRange(from, to);
    if (!range.ok) return setFailure(range.message);
    if (streets.length === 0) return setFailure("请至少选择一个街道");
    if (windows.length === 0) return setFailure("请至少选择一个时段");
    const points = Number(capacity);
    if (!Number.isInteger(points) || points < 1) return setFailure("容量请填写正整数（体积点数）");
    setBusy(true);
    const res = await createSlots({
      streets,
      from: range.from,
      to: range.to,
      windows: WINDOWS.filter((w) => windows.includes(w)),
      capacityPoints: points,
    });
    setBusy(false);
    if (!res.ok) {
      setErrors(fieldErrors(res));
      return setFailure(res.message);
    }
    setErrors({});
    setFailure(null);
    setResult(res.data);
    onCreated();
  };

  return (
    <View className="card bulk-slots">
      <Text className="section-title">批量开放时段</Text>
      <Text className="form-label">街道（按区选择，可跨区）</Text>
      <StreetPicker value={streets} onChange={setStreets} className="bulk-streets" />
      <FieldError errors={errors} field="streets" />
      <Text className="form-label">日期（含首尾）</Text>
      <View className="date-range">
        <Input
          className="text-input bulk-from"
          value={from}
          maxlength={10}
          placeholder="开始 2026-12-02"
          onInput={(e) => setFrom(e.detail.value)}
        />
        <Text className="date-range__sep">至</Text>
        <Input
          className="text-input bulk-to"
          value={to}
          maxlength={10}
          placeholder="结束 2026-12-15"
          onInput={(e) => setTo(e.detail.value)}
        />
      </View>
      <FieldError errors={errors} field="to" />
      <View className="chip-row">
        <Text className="chip-row__label">时段</Text>
        {WINDOWS.map((w) => (
          <Chip
            key={w}
            label={PICKUP_WINDOWS[w].label}
            className={`bulk-window-${w}`}
            active={windows.includes(w)}
            onTap={() => toggleWindow(w)}
          />
        ))}
      </View>
      <Text className="form-label">每个时段的容量（体积点数，约一车的装载量）</Text>
      <Input
        className="text-input bulk-capacity"
        type="number"
        value={capacity}
        maxlength={4}
        onInput={(e) => setCapacity(e.detail.value)}
      />
      <FieldError errors={errors} field="capacityPoints" />
      {failure ? <Text className="form-error bulk-error">{failure}</Text> : null}
      {result ? (
        <Text className="bulk-result">
          新开放 {result.created} 个时段，跳过已存在的 {result.skipped} 个
        </Text>
      ) : null}
      <Button className="btn btn-primary bulk-submit" disabled={busy || undefined} onClick={() => void submit()}>
        开放时段
      </Button>
    </View>
  );
}

import { POINTS_CLASS_LABELS, POINTS_CLASSES, type PointsClass } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { mayOpen, pageError } from "../access";
import { pointsAdminMessage, pointsRates, setPointsRates } from "../api";
import "../points-admin.css";

/* 积分费率: points per kg per class; saving writes a whole new version (old versions stay on the entries). */

export default function PointsRatesPage() {
  const session = useSession();
  const allowed = mayOpen(session);
  const { state, reload, replace } = useApiLoad(session && allowed ? "points-rates" : null, pointsRates);
  const table = state.status === "ok" ? state.data : null;
  const [draft, setDraft] = useState<Partial<Record<PointsClass, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shownValue = (c: PointsClass) => draft[c] ?? String(table?.rates.find((r) => r.class === c)?.pointsPerKg ?? "");

  const save = async () => {
    const rates = POINTS_CLASSES.map((c) => ({ class: c, pointsPerKg: Number(shownValue(c)) }));
    const bad = rates.find((r) => !Number.isFinite(r.pointsPerKg) || r.pointsPerKg < 0 || r.pointsPerKg > 1000);
    if (bad) return setMessage(`${POINTS_CLASS_LABELS[bad.class]}的费率应为 0–1000 之间的数字`);
    setBusy(true);
    const res = await setPointsRates({ rates });
    setBusy(false);
    if (!res.ok) return setMessage(pointsAdminMessage(res));
    replace(res.data);
    setDraft({});
    setMessage(`已保存为第 ${res.data.version} 版`);
  };

  return (
    <PageContainer
      className="points-rates-page"
      title="积分费率"
      subtitle={table ? (table.version === 0 ? "当前使用默认费率（尚未设置版本）" : `当前第 ${table.version} 版`) : undefined}
      needsLogin={!session}
      loading={state.status === "loading"}
      error={pageError(session, state.status === "error" ? state.error : null)}
      onRetry={allowed ? reload : undefined}
    >
      {table ? (
        <View className="card rates-form">
          {POINTS_CLASSES.map((c) => (
            <View key={c} className={`points-admin-row rate-${c}`}>
              <Text>{POINTS_CLASS_LABELS[c]}（分/千克）</Text>
              <Input
                className="input rate-input"
                type="digit"
                value={shownValue(c)}
                onInput={(e) => setDraft((d) => ({ ...d, [c]: e.detail.value }))}
              />
            </View>
          ))}
          <Button className="btn btn-primary btn-large rates-save" loading={busy} disabled={busy || undefined} onClick={() => void save()}>
            保存为新版本
          </Button>
          {message ? <Text className="hint-text rates-message">{message}</Text> : null}
          {table.history.length ? (
            <Text className="hint-text">
              历史版本：{table.history.map((h) => `第${h.version}版（${h.effectiveAt.slice(0, 10)}）`).join("、")}
            </Text>
          ) : null}
        </View>
      ) : null}
    </PageContainer>
  );
}

import type { PickupCollector } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { setCollectorStreets } from "../api";
import { StreetPicker } from "../components/StreetPicker";
import { streetLabel } from "../streets";

/* One collector's streets: those assigned now, and a new choice by district. */

export function CollectorPanel({ collector, onSaved }: { collector: PickupCollector; onSaved: (c: PickupCollector) => void }) {
  const [streets, setStreets] = useState<string[]>(collector.streets);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    const res = await setCollectorStreets(collector.userId, streets);
    setBusy(false);
    if (!res.ok) return setFailure(res.status === 422 ? `${res.message}（请确认此用户仍是回收员）` : res.message);
    setFailure(null);
    setStreets(res.data.streets);
    onSaved({ ...collector, streets: res.data.streets });
    void Taro.showToast({ title: "已保存", icon: "success" });
  };

  return (
    <View className="card collector-panel">
      <Text className="section-title">{collector.nickname ?? "微信用户"}</Text>
      <Text className="admin-hint">编号 {collector.userId}</Text>
      <Text className="form-label">当前服务街道</Text>
      <Text className="collector-streets-current">
        {collector.streets.length ? collector.streets.map(streetLabel).join("、") : "尚未分配街道"}
      </Text>
      <Text className="form-label">选择服务街道（按区选择，可跨区）</Text>
      <StreetPicker value={streets} onChange={setStreets} className="collector-streets" />
      {failure ? <Text className="form-error collector-error">{failure}</Text> : null}
      <Button className="btn btn-primary collector-save" disabled={busy || undefined} onClick={() => void save()}>
        保存服务街道
      </Button>
    </View>
  );
}

import type { User } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useEffect, useState } from "react";
import { useApiLoad } from "../../../services/useApiLoad";
import { lastStreetsAssignment, setCollectorStreets } from "../api";
import { StreetPicker } from "../components/StreetPicker";
import { streetLabel } from "../streets";

/* One collector's streets: what was last assigned (from the audit log), and a new choice by district. */

const streetsIn = (detail: Record<string, unknown> | null | undefined): string[] | null =>
  Array.isArray(detail?.streets) ? (detail.streets as unknown[]).filter((s): s is string => typeof s === "string") : null;

export function CollectorPanel({ collector }: { collector: User }) {
  const current = useApiLoad(`collector-streets:${collector.id}`, () => lastStreetsAssignment(collector.id));
  const [streets, setStreets] = useState<string[] | null>(null);
  const [saved, setSaved] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const known = current.state.status === "ok" ? (streetsIn(current.state.data.entries[0]?.detail) ?? []) : null;
  const assigned = saved ?? known;

  useEffect(() => {
    if (known !== null && streets === null) setStreets(known);
  }, [known, streets]);

  const save = async () => {
    setBusy(true);
    const res = await setCollectorStreets(collector.id, streets ?? []);
    setBusy(false);
    if (!res.ok) return setFailure(res.status === 422 ? `${res.message}（请确认此用户仍是回收员）` : res.message);
    setFailure(null);
    setSaved(res.data.streets);
    setStreets(res.data.streets);
    void Taro.showToast({ title: "已保存", icon: "success" });
  };

  return (
    <View className="card collector-panel">
      <Text className="section-title">{collector.nickname ?? "微信用户"}</Text>
      <Text className="admin-hint">编号 {collector.id}</Text>
      <Text className="form-label">当前服务街道</Text>
      {current.state.status === "loading" && saved === null ? <Text className="admin-hint">加载中…</Text> : null}
      {current.state.status === "error" && saved === null ? (
        <Text className="form-error collector-streets-unknown">
          无法读取当前街道（{current.state.error.message}），保存后将以新选择为准
        </Text>
      ) : null}
      {assigned !== null ? (
        <Text className="collector-streets-current">{assigned.length ? assigned.map(streetLabel).join("、") : "尚未分配街道"}</Text>
      ) : null}
      <Text className="form-label">选择服务街道（按区选择，可跨区）</Text>
      <StreetPicker value={streets ?? []} onChange={setStreets} className="collector-streets" />
      {failure ? <Text className="form-error collector-error">{failure}</Text> : null}
      <Button className="btn btn-primary collector-save" disabled={busy || current.state.status === "loading"} onClick={() => void save()}>
        保存服务街道
      </Button>
    </View>
  );
}

import type { AdminCommunity } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { ADMIN_ONLY, adminPageError, mayOpen } from "../access";
import { adminCommunities, adminCommunity, createCommunity } from "../api";
import "../communities-admin.css";
import { CommunityPanel } from "./CommunityPanel";

/* 小区与投放点: every community (retired ones greyed); add one; open one for its bin rooms, QR paths and volunteers. */
export default function AdminCommunitiesPage() {
  const session = useSession();
  const { state, reload } = useApiLoad(mayOpen(session) ? "admin-communities" : null, adminCommunities);
  const [open, setOpen] = useState<AdminCommunity | null>(null);
  const [draft, setDraft] = useState({ name: "", district: "", street: "" });
  const [message, setMessage] = useState<string | null>(null);
  const error = adminPageError(session, state.status === "error" ? state.error : null);
  const rows = state.status === "ok" ? state.data.communities : [];

  const show = async (id: string) => {
    const res = await adminCommunity(id);
    if (res.ok) setOpen(res.data);
  };
  const create = async () => {
    const res = await createCommunity({ ...draft, lat: 31.3, lng: 120.6 });
    if (!res.ok) {
      setMessage(res.status === 422 ? "请检查名称、区和街道（须为本市的区和街道）" : "保存失败，请重试");
      return;
    }
    setMessage(null);
    setDraft({ name: "", district: "", street: "" });
    setOpen(res.data);
    reload();
    void Taro.showToast({ title: "已添加", icon: "success" });
  };

  return (
    <PageContainer
      className="admin-page communities-admin admin-communities"
      title="小区与投放点"
      subtitle="星级小区：小区、投放点二维码、小蜜蜂志愿者"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      loading={state.status === "loading"}
      error={error}
      onRetry={error === ADMIN_ONLY ? undefined : reload}
      empty={state.status === "ok" && rows.length === 0 && !open}
      emptyText="还没有小区，请在下方添加"
      footer={
        session && error === null ? (
          <View className="card community-create">
            <Text className="section-title">新增小区</Text>
            {(["name", "district", "street"] as const).map((f) => (
              <Input
                key={f}
                className={`text-input community-create-${f}`}
                value={draft[f]}
                placeholder={{ name: "小区名称", district: "所在区，如 姑苏区", street: "所在街道，如 平江街道" }[f]}
                onInput={(e) => setDraft({ ...draft, [f]: e.detail.value })}
              />
            ))}
            {message ? <Text className="form-error community-create-error">{message}</Text> : null}
            <Button className="btn btn-primary community-create-save" onClick={() => void create()}>
              添加小区
            </Button>
          </View>
        ) : null
      }
    >
      <View className="admin-columns">
        <View className="admin-columns__main">
          {rows.map((c) => (
            <View
              key={c.id}
              className={`admin-table__row admin-community-row${c.active ? "" : " is-retired"}`}
              onClick={() => void show(c.id)}
            >
              <Text className="admin-table__cell">{c.name}</Text>
              <Text className="admin-table__cell">
                {c.district} · {c.street}
              </Text>
              <Text className="admin-table__cell">{c.active ? `${c.households} 户` : "已停用"}</Text>
            </View>
          ))}
        </View>
        {open ? (
          <CommunityPanel
            community={open}
            onChanged={(c) => {
              setOpen(c);
              reload();
            }}
          />
        ) : null}
      </View>
    </PageContainer>
  );
}

import type { User } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, mayOpen, pageError } from "../access";
import { usersMatching } from "../api";
import "../pickups-admin.css";
import { CollectorPanel } from "./CollectorPanel";

/* 回收员服务街道: the users holding the collector role, and the streets each one serves. */

const USERS_PAGE = "/packages/admin/users/index";

export default function PickupCollectorsPage() {
  const session = useSession();
  const allowed = mayOpen("admin", session);
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<User | null>(null);
  const { state, reload } = useApiLoad(session && allowed ? `collectors:${query}` : null, () => usersMatching(query));
  const collectors = state.status === "ok" ? state.data.users.filter((u) => u.roles.includes("collector")) : [];
  const error = pageError("admin", session, state.status === "error" ? state.error : null);

  return (
    <PageContainer
      className="admin-page pickups-admin pickup-collectors"
      title="回收员服务街道"
      subtitle="回收员只能看到并接单其服务街道的预约"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={
        session && allowed ? (
          <View className="admin-search">
            <Input
              className="text-input collector-search-input"
              value={text}
              placeholder="按昵称或编号查找回收员"
              onInput={(e) => setText(e.detail.value)}
            />
            <Button className="btn btn-primary collector-search-button" onClick={() => setQuery(text.trim())}>
              查找
            </Button>
          </View>
        ) : null
      }
      loading={state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={state.status === "ok" && collectors.length === 0}
      emptyText="没有找到回收员。请先在“用户与角色”中授予回收员角色"
      footer={
        session && allowed && state.status === "ok" && collectors.length === 0 ? (
          <Button className="btn collectors-to-users" onClick={() => void Taro.navigateTo({ url: USERS_PAGE })}>
            前往用户与角色
          </Button>
        ) : null
      }
    >
      <View className="admin-columns">
        <View className="admin-columns__main collector-list">
          {collectors.map((u) => (
            <View
              key={u.id}
              className={`card collector-row${selected?.id === u.id ? " is-selected" : ""}`}
              data-user-id={u.id}
              onClick={() => setSelected(u)}
            >
              <Text className="collector-row__name">{u.nickname ?? "微信用户"}</Text>
              <Text className="collector-row__id">编号 {u.id.slice(-8)}</Text>
            </View>
          ))}
        </View>
        <View className="admin-columns__side">
          {selected ? (
            <CollectorPanel key={selected.id} collector={selected} />
          ) : (
            <Text className="admin-hint">选择一位回收员以分配服务街道</Text>
          )}
        </View>
      </View>
    </PageContainer>
  );
}

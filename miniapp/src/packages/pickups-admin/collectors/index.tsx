import type { PickupCollector } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, mayOpen, pageError } from "../access";
import { pickupCollectors } from "../api";
import "../pickups-admin.css";
import { CollectorPanel } from "./CollectorPanel";

/* 回收员服务街道: the users holding the collector role, and the streets each one serves. */

const USERS_PAGE = "/packages/admin/users/index";

/** The search box narrows the list by name or user id (the list holds every collector). */
const matches = (c: PickupCollector, q: string) => (c.nickname ?? "").includes(q) || c.userId.includes(q);

export default function PickupCollectorsPage() {
  const session = useSession();
  const allowed = mayOpen("admin", session);
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { state, reload, replace } = useApiLoad(session && allowed ? "pickup-collectors" : null, pickupCollectors);
  const all = state.status === "ok" ? state.data.collectors : [];
  const collectors = query ? all.filter((c) => matches(c, query)) : all;
  const selected = all.find((c) => c.userId === selectedId) ?? null;
  const saved = (c: PickupCollector) => replace({ collectors: all.map((x) => (x.userId === c.userId ? c : x)) });
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
      emptyText={all.length ? "没有符合条件的回收员" : "还没有回收员。请先在“用户与角色”中授予回收员角色"}
      footer={
        session && allowed && state.status === "ok" && all.length === 0 ? (
          <Button className="btn collectors-to-users" onClick={() => void Taro.navigateTo({ url: USERS_PAGE })}>
            前往用户与角色
          </Button>
        ) : null
      }
    >
      <View className="admin-columns">
        <View className="admin-columns__main collector-list">
          {collectors.map((c) => (
            <View
              key={c.userId}
              className={`card collector-row${selectedId === c.userId ? " is-selected" : ""}`}
              data-user-id={c.userId}
              onClick={() => setSelectedId(c.userId)}
            >
              <Text className="collector-row__name">{c.nickname ?? "微信用户"}</Text>
              <Text className="collector-row__id">编号 {c.userId.slice(-8)}</Text>
              <Text className="collector-row__streets">{c.streets.length ? `服务 ${c.streets.length} 个街道` : "未分配街道"}</Text>
            </View>
          ))}
        </View>
        <View className="admin-columns__side">
          {selected ? (
            <CollectorPanel key={selected.userId} collector={selected} onSaved={saved} />
          ) : (
            <Text className="admin-hint">选择一位回收员以分配服务街道</Text>
          )}
        </View>
      </View>
    </PageContainer>
  );
}

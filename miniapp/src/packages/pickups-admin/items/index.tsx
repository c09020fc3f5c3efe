import { PICKUP_CATEGORY_LABELS, type PickupItem } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, mayOpen, pageError } from "../access";
import { pickupItems } from "../api";
import "../pickups-admin.css";
import { ItemForm } from "./ItemForm";

/* 大件物品目录: the catalogue residents book from; add, edit, retire (停用) items. */

export default function PickupItemsPage() {
  const session = useSession();
  const allowed = mayOpen("admin", session);
  const [editing, setEditing] = useState<PickupItem | "new" | null>(null);
  const { state, reload, replace } = useApiLoad(session && allowed ? "pickup-items" : null, pickupItems);
  const items = state.status === "ok" ? state.data.items : [];
  const error = pageError("admin", session, state.status === "error" ? state.error : null);

  const saved = (item: PickupItem) => {
    const exists = items.some((i) => i.code === item.code);
    replace({ items: exists ? items.map((i) => (i.code === item.code ? item : i)) : [...items, item] });
    setEditing(item);
    void Taro.showToast({ title: "已保存", icon: "success" });
  };

  return (
    <PageContainer
      className="admin-page pickups-admin pickup-items"
      title="大件物品目录"
      subtitle="居民预约时可选的物品、每次上限与体积点数"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={
        allowed && session ? (
          <Button className="btn btn-primary item-add" onClick={() => setEditing("new")}>
            新增物品
          </Button>
        ) : null
      }
      loading={state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={state.status === "ok" && items.length === 0 && editing === null}
      emptyText="目录中还没有物品，点击“新增物品”添加"
    >
      <View className="admin-columns">
        <View className="admin-columns__main item-list">
          {items.map((i) => (
            <View
              key={i.code}
              className={`admin-table__row item-row item-${i.code}${i.active ? "" : " is-inactive"}`}
              onClick={() => setEditing(i)}
            >
              <Text className="admin-table__cell item-row__name">{i.name}</Text>
              <Text className="admin-table__cell">{PICKUP_CATEGORY_LABELS[i.category]}</Text>
              <Text className="admin-table__cell item-row__limits">
                每次最多 {i.maxPerBooking} 件 · {i.volumePoints} 点
              </Text>
              <Text className="admin-table__cell item-row__flags">
                {[i.recyclable ? "可回收" : null, i.active ? null : "已停用"].filter(Boolean).join(" · ") || "—"}
              </Text>
            </View>
          ))}
        </View>
        <View className="admin-columns__side">
          {editing ? (
            <ItemForm key={editing === "new" ? "new" : editing.code} item={editing === "new" ? null : editing} onSaved={saved} />
          ) : (
            <Text className="admin-hint">选择一件物品以修改，或新增物品</Text>
          )}
        </View>
      </View>
    </PageContainer>
  );
}

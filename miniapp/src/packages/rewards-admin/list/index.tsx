import { type AdminReward, REDEMPTION_STATUS_LABELS } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { cityToday } from "../../../ui/periods";
import { ADMIN_ONLY_MESSAGE, mayEditRewards } from "../access";
import { adminRewards, rewardRedemptions } from "../api";
import "../rewards-admin.css";
import { REWARDS_DESK_PAGE } from "../routes";
import { RewardForm } from "./RewardForm";

/* 兑换礼品管理: every reward with stock and counts; add, edit, retire (下架); a reward's redemptions. */

function Redemptions({ id }: { id: string }) {
  const { state } = useApiLoad(`reward-redemptions:${id}`, () => rewardRedemptions(id));
  if (state.status !== "ok") return null;
  const { counts, redemptions } = state.data;
  return (
    <View className="card reward-redemptions">
      <Text className="section-title">
        兑换记录：待领取 {counts.reserved} · 已领取 {counts.collected} · 已取消 {counts.cancelled}
      </Text>
      {redemptions.slice(0, 50).map((r) => (
        <Text key={r.id} className="admin-table__row reward-redemption-row">
          {r.pickupCode} · {r.householdLabel} · {REDEMPTION_STATUS_LABELS[r.status]}
        </Text>
      ))}
    </View>
  );
}

export default function RewardsAdminPage() {
  const session = useSession();
  const allowed = mayEditRewards(session);
  const [editing, setEditing] = useState<AdminReward | "new" | null>(null);
  const { state, reload, replace } = useApiLoad(session && allowed ? "admin-rewards" : null, adminRewards);
  const rewards = state.status === "ok" ? state.data.rewards : [];
  const error = session && !allowed ? ADMIN_ONLY_MESSAGE : state.status === "error" ? state.error : null;
  const today = cityToday();

  const saved = (r: AdminReward) => {
    const exists = rewards.some((x) => x.id === r.id);
    replace({ rewards: exists ? rewards.map((x) => (x.id === r.id ? r : x)) : [r, ...rewards] });
    setEditing(r);
  };

  return (
    <PageContainer
      className="admin-page rewards-admin"
      title="兑换礼品管理"
      subtitle="礼品、所需积分、库存、领取点与兑换期"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={
        allowed && session ? (
          <View className="admin-toolbar">
            <Button className="btn btn-primary reward-add" onClick={() => setEditing("new")}>
              新增礼品
            </Button>
            <Button className="btn reward-desk-link" onClick={() => void Taro.navigateTo({ url: REWARDS_DESK_PAGE })}>
              礼品领取
            </Button>
          </View>
        ) : null
      }
      loading={state.status === "loading"}
      error={error}
      onRetry={error === ADMIN_ONLY_MESSAGE ? undefined : reload}
      empty={state.status === "ok" && rewards.length === 0 && editing === null}
      emptyText="还没有礼品，点击“新增礼品”添加"
    >
      <View className="admin-columns">
        <View className="admin-columns__main reward-list">
          {rewards.map((r) => (
            <View
              key={r.id}
              className={`admin-table__row reward-admin-row${r.retired ? " is-retired" : ""}`}
              data-id={r.id}
              onClick={() => setEditing(r)}
            >
              <Text className="admin-table__cell reward-admin-row__name">{r.name}</Text>
              <Text className="admin-table__cell">{r.price} 积分</Text>
              <Text className="admin-table__cell">
                剩余 {r.stockLeft}/{r.stock} · 已领 {r.collected}
              </Text>
              <Text className="admin-table__cell">
                {r.retired ? "已下架" : `${r.activeFrom} 起${r.activeTo ? ` 至 ${r.activeTo}` : ""}`}
              </Text>
            </View>
          ))}
        </View>
        <View className="admin-columns__side">
          {editing ? (
            <>
              <RewardForm
                key={editing === "new" ? "new" : `${editing.id}:${editing.version}`}
                reward={editing === "new" ? null : editing}
                today={today}
                onSaved={saved}
              />
              {editing !== "new" ? <Redemptions id={editing.id} /> : null}
            </>
          ) : (
            <Text className="admin-hint">选择一个礼品以修改，或新增礼品</Text>
          )}
        </View>
      </View>
    </PageContainer>
  );
}

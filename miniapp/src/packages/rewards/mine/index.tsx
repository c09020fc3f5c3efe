import { formatPickupCode, REDEMPTION_STATUS_LABELS, type Redemption } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro, { useDidShow } from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { cancelRedemption, myRedemptions } from "../api";
import { Place } from "../detail/Place";
import "../rewards.css";
import { REWARDS_PAGE } from "../routes";

/* 我的兑换: each redemption with its pickup code (big), the place and hours; 取消兑换 before it is collected (积分退回). */
export default function MyRedemptionsPage() {
  const session = useSession();
  const list = useApiLoad(session ? `redemptions:${session.user.id}` : null, myRedemptions);
  const [failure, setFailure] = useState<string | null>(null);
  useDidShow(() => {
    if (list.state.status === "ok") list.reload();
  });
  const items = list.state.status === "ok" ? list.state.data.redemptions : [];

  const cancel = async (r: Redemption) => {
    const answer = await Taro.showModal({ title: "取消兑换", content: `取消后 ${r.price} 积分将退回，确定取消吗？` });
    if (!answer.confirm) return;
    const res = await cancelRedemption(r.id);
    if (res.ok) {
      setFailure(null);
      list.replace({ redemptions: items.map((x) => (x.id === r.id ? res.data : x)) });
      void Taro.showToast({ title: "已取消，积分已退回", icon: "none" });
    } else {
      setFailure(res.status === 409 ? "该兑换已领取或已取消" : res.message);
      list.reload();
    }
  };

  return (
    <PageContainer
      className="redemptions-page"
      title="我的兑换"
      subtitle="凭领取码到领取点领取"
      needsLogin={!session}
      loginHint="登录后查看您的兑换"
      loading={list.state.status === "loading"}
      error={list.state.status === "error" ? list.state.error : null}
      onRetry={list.reload}
    >
      {list.state.status === "ok" && items.length === 0 ? (
        <View className="state-empty">
          <Text className="empty-text">还没有兑换过礼品</Text>
          <Button className="btn btn-primary btn-large" onClick={() => void Taro.navigateTo({ url: REWARDS_PAGE })}>
            去兑换
          </Button>
        </View>
      ) : null}
      {failure ? <Text className="form-error redemption-failure">{failure}</Text> : null}
      {items.map((r) => (
        <View key={r.id} className={`card redemption redemption--${r.status}`} data-id={r.id}>
          <View className="redemption__head">
            <Text className="section-title">{r.rewardName}</Text>
            <Text className="status-badge">{REDEMPTION_STATUS_LABELS[r.status]}</Text>
          </View>
          {r.status === "reserved" ? <Text className="reward-pickup-code">{formatPickupCode(r.pickupCode)}</Text> : null}
          <Text className="hint-text">{r.price} 积分</Text>
          <Place place={r.place} />
          {r.status === "reserved" ? (
            <Button className="btn redemption-cancel" onClick={() => void cancel(r)}>
              取消兑换
            </Button>
          ) : null}
        </View>
      ))}
    </PageContainer>
  );
}

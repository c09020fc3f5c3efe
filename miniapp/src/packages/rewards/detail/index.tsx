import { formatPickupCode, REDEEM_REFUSAL_LABELS, type RedeemRefusal, type Redemption } from "@civic/shared";
import { Button, Image, Text, View } from "@tarojs/components";
import Taro, { useRouter } from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { newRedemptionId, redeemReward, rewardById } from "../api";
import { pictureSrc } from "../picture";
import "../rewards.css";
import { MY_REDEMPTIONS_PAGE } from "../routes";
import { Place } from "./Place";

/*
 * 礼品详情: the reward, then 兑换 → a confirm panel with the price and the balance after → 确认兑换. One
 * redemption id per confirm, kept across retries of it, so a lost answer never redeems twice.
 */
export default function RewardPage() {
  const id = useRouter().params.id ?? "";
  const session = useSession();
  const detail = useApiLoad(session && id ? `reward:${id}` : null, () => rewardById(id));
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<Redemption | null>(null);
  const r = detail.state.status === "ok" ? detail.state.data : null;

  const confirm = async () => {
    if (!r || !confirmId) return;
    setBusy(true);
    const res = await redeemReward(r.id, confirmId);
    setBusy(false);
    if (res.ok) {
      setDone(res.data);
      setConfirmId(null);
      return;
    }
    const reason = (res.details as { reason?: string } | undefined)?.reason;
    setFailure(reason && reason in REDEEM_REFUSAL_LABELS ? REDEEM_REFUSAL_LABELS[reason as RedeemRefusal] : res.message);
    if (res.status === 409) {
      setConfirmId(null);
      detail.reload();
    }
  };

  return (
    <PageContainer
      className="reward-page"
      title={r?.name ?? "礼品详情"}
      needsLogin={!session}
      loginHint="登录后兑换礼品"
      loading={detail.state.status === "loading"}
      error={!id ? "没有指定礼品" : detail.state.status === "error" ? detail.state.error : null}
      onRetry={detail.reload}
    >
      {r ? (
        <View className="reward-detail">
          {r.picture ? <Image className="reward-detail__img" src={pictureSrc(r.picture.url)} mode="aspectFill" /> : null}
          <View className="card">
            <Text className="reward-price">{r.price} 积分</Text>
            <Text className="hint-text">
              剩余 {r.stockLeft} 件 · 我的积分 {r.balance}
            </Text>
            {r.description ? <Text className="reward-description">{r.description}</Text> : null}
            <Place place={r.place} />
          </View>
          {done ? (
            <View className="card reward-done">
              <Text className="section-title">兑换成功，请凭领取码到领取点领取</Text>
              <Text className="reward-pickup-code">{formatPickupCode(done.pickupCode)}</Text>
              <Button className="btn btn-primary btn-large" onClick={() => void Taro.navigateTo({ url: MY_REDEMPTIONS_PAGE })}>
                查看我的兑换
              </Button>
            </View>
          ) : confirmId ? (
            <View className="card reward-confirm">
              <Text className="section-title">确认兑换「{r.name}」？</Text>
              <Text className="reward-confirm__line">所需积分：{r.price}</Text>
              <Text className="reward-confirm__line">兑换后剩余：{r.balance - r.price}</Text>
              <Button
                className="btn btn-primary btn-large reward-confirm-button"
                loading={busy}
                disabled={busy || undefined}
                onClick={() => void confirm()}
              >
                确认兑换
              </Button>
              <Button className="btn reward-confirm-cancel" disabled={busy || undefined} onClick={() => setConfirmId(null)}>
                再想想
              </Button>
            </View>
          ) : (
            <Button
              className="btn btn-primary btn-large reward-redeem-button"
              disabled={r.stockLeft === 0 || r.balance < r.price || undefined}
              onClick={() => {
                setFailure(null);
                setConfirmId(newRedemptionId());
              }}
            >
              {r.stockLeft === 0 ? "已兑完" : r.balance < r.price ? `积分不足（还差 ${r.price - r.balance}）` : "兑换"}
            </Button>
          )}
          {failure ? <Text className="form-error reward-failure">{failure}</Text> : null}
        </View>
      ) : null}
    </PageContainer>
  );
}

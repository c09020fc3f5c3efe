import { Button, Image, Text, View } from "@tarojs/components";
import Taro, { useDidShow } from "@tarojs/taro";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { rewardsOnOffer } from "../api";
import { pictureSrc } from "../picture";
import "../rewards.css";
import { MY_REDEMPTIONS_PAGE, rewardUrl } from "../routes";

/* 积分兑换: rewards on offer today, each card with its picture, price, stock left and whether I can afford it. */
export default function RewardsPage() {
  const session = useSession();
  const list = useApiLoad(session ? `rewards:${session.user.id}` : null, rewardsOnOffer);
  useDidShow(() => {
    if (list.state.status === "ok") list.reload();
  });
  const data = list.state.status === "ok" ? list.state.data : null;
  return (
    <PageContainer
      className="rewards-page"
      title="积分兑换"
      subtitle="用垃圾分类积分兑换生活用品"
      needsLogin={!session}
      loginHint="登录后查看积分与可兑换的礼品"
      loading={list.state.status === "loading"}
      error={list.state.status === "error" ? list.state.error : null}
      onRetry={list.reload}
      empty={data !== null && data.rewards.length === 0}
      emptyText="暂时没有可兑换的礼品"
      toolbar={
        data ? (
          <View className="card rewards-toolbar">
            <Text className="reward-balance">我的积分 {data.balance}</Text>
            <Button className="btn rewards-mine-button" onClick={() => void Taro.navigateTo({ url: MY_REDEMPTIONS_PAGE })}>
              我的兑换
            </Button>
          </View>
        ) : null
      }
    >
      {data?.rewards.map((r) => {
        const state = r.stockLeft === 0 ? "out" : data.balance >= r.price ? "ok" : "short";
        return (
          <View key={r.id} className="card reward-card" data-id={r.id} onClick={() => void Taro.navigateTo({ url: rewardUrl(r.id) })}>
            {r.picture ? (
              <Image className="reward-card__img" src={pictureSrc(r.picture.url)} mode="aspectFill" />
            ) : (
              <View className="reward-card__img" />
            )}
            <View className="reward-card__body">
              <Text className="reward-card__name">{r.name}</Text>
              <Text className="reward-price">{r.price} 积分</Text>
              <Text className="hint-text">剩余 {r.stockLeft} 件</Text>
              <Text className={`reward-afford reward-afford--${state}`}>
                {state === "out" ? "已兑完" : state === "ok" ? "可兑换" : `还差 ${r.price - data.balance} 积分`}
              </Text>
            </View>
          </View>
        );
      })}
    </PageContainer>
  );
}

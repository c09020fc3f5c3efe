import { Button, Text, View } from "@tarojs/components";
import Taro, { useDidShow } from "@tarojs/taro";
import { useRef } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { myPoints } from "../api";
import "../points.css";
import { GUIDE_QUIZ, GUIDE_SEARCH, MY_COMMUNITY, POINTS_CODE, POINTS_HISTORY, REWARDS_LIST } from "../routes";

/* 我的积分: the balance (large), what expires soon, my code and history, and the ways to earn and spend. */

const LINKS = [
  { key: "rewards", url: REWARDS_LIST, title: "积分兑换礼品" },
  { key: "guide", url: GUIDE_SEARCH, title: "垃圾分类查询" },
  { key: "quiz", url: GUIDE_QUIZ, title: "每日答题（得积分）" },
  { key: "community", url: MY_COMMUNITY, title: "我的小区星级" },
];

export default function PointsHomePage() {
  const session = useSession();
  const summary = useApiLoad(session ? `points-me:${session.user.id}` : null, myPoints);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) summary.reload();
    shown.current = true;
  });
  const go = (url: string) => void Taro.navigateTo({ url });
  const data = summary.state.status === "ok" ? summary.state.data : null;
  return (
    <PageContainer
      className="points-home-page"
      title="我的积分"
      subtitle="回收可回收物、正确分类、每日答题都能攒积分"
      needsLogin={!session}
      loginHint="登录后查看您的积分"
      loading={summary.state.status === "loading"}
      error={summary.state.status === "error" ? summary.state.error : null}
      onRetry={summary.reload}
    >
      {data ? (
        <>
          <View className="card points-balance">
            <Text className="points-balance__label">当前积分</Text>
            <Text className="points-balance__value">{data.balance}</Text>
            {data.expiringSoon > 0 ? (
              <Text className="points-expiring">
                {data.expiringSoon} 分将于 {data.expiringBefore} 前过期
              </Text>
            ) : (
              <Text className="points-balance__label">积分自获得起 {data.expiryMonths} 个月内有效</Text>
            )}
          </View>
          <View className="points-actions">
            <Button className="btn btn-primary btn-large points-code-button" onClick={() => go(POINTS_CODE)}>
              我的积分码
            </Button>
            <Button className="btn btn-large points-history-button" onClick={() => go(POINTS_HISTORY)}>
              积分明细
            </Button>
          </View>
          <View className="card menu points-links">
            {LINKS.map((l) => (
              <View key={l.key} className={`menu-item points-link-${l.key}`} onClick={() => go(l.url)}>
                <Text>{l.title}</Text>
                <Text className="menu-item__arrow">›</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </PageContainer>
  );
}

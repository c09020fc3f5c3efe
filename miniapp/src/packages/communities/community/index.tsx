import { Text, View } from "@tarojs/components";
import { useRouter } from "@tarojs/taro";
import { PageContainer } from "../../../components/PageContainer";
import { useApiLoad } from "../../../services/useApiLoad";
import { communityById } from "../api";
import "../communities.css";
import { Figures } from "../components/Figures";
import { Stars } from "../components/Stars";
import { TrendBars } from "../components/TrendBars";

/* A community's page: its stars, the latest published figures, the trend of the last months, its bin rooms. */
export default function CommunityPage() {
  const id = useRouter().params.id ?? "";
  const { state, reload } = useApiLoad(id ? `community:${id}` : null, () => communityById(id));
  const c = state.status === "ok" ? state.data : null;
  const latest = c?.trend.at(-1);
  return (
    <PageContainer
      className="communities-page community-detail"
      title={c?.name ?? "小区详情"}
      subtitle={c ? `${c.district} · ${c.street}` : undefined}
      loading={state.status === "loading"}
      error={!id ? "没有指定小区" : state.status === "error" ? state.error : null}
      onRetry={id ? reload : undefined}
    >
      {c ? (
        <View className="community-detail__body">
          <View className="card community-detail__stars">
            {c.latestStars ? <Stars stars={c.latestStars.stars} /> : <Text className="hint-text">暂无评星</Text>}
          </View>
          {latest ? <Figures figures={latest} /> : null}
          <Text className="section-title">近月评星走势</Text>
          <TrendBars trend={c.trend} />
          <Text className="section-title">投放点</Text>
          {c.binRooms.length === 0 ? <Text className="hint-text">暂无投放点信息</Text> : null}
          {c.binRooms.map((r) => (
            <Text key={r.id} className="card bin-room-name">
              {r.name}
            </Text>
          ))}
        </View>
      ) : null}
    </PageContainer>
  );
}

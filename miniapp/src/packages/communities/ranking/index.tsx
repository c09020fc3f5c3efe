import { Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { PageContainer } from "../../../components/PageContainer";
import { useApiLoad } from "../../../services/useApiLoad";
import { communityRanking } from "../api";
import "../communities.css";
import { type Place, PlacePicker } from "../components/PlacePicker";
import { monthLabel, percent, Stars } from "../components/Stars";
import { communityUrl } from "../routes";

/* 星级小区排行: a published month's ranking for the city, a district (区) or a street (街道); month picker. */
export default function CommunityRankingPage() {
  const [scope, setScope] = useState<"district" | "street">("district");
  const [place, setPlace] = useState<Place>({});
  const [month, setMonth] = useState<string | undefined>(undefined);
  const filter = scope === "district" ? { district: place.district } : { district: place.district, street: place.street };
  const key = `ranking:${month ?? ""}:${filter.district ?? ""}:${filter.street ?? ""}`;
  const { state, reload } = useApiLoad(key, () => communityRanking({ ...filter, ...(month ? { month } : {}) }));
  const data = state.status === "ok" ? state.data : null;
  return (
    <PageContainer
      className="communities-page community-ranking"
      title="星级小区排行"
      subtitle={data?.month ? `${monthLabel(data.month)} · 按综合得分排名` : "按月公布"}
      toolbar={
        <View className="ranking-toolbar">
          <View className="chips ranking-tabs">
            <Chip label="按区" className="ranking-tab tab-district" active={scope === "district"} onTap={() => setScope("district")} />
            <Chip label="按街道" className="ranking-tab tab-street" active={scope === "street"} onTap={() => setScope("street")} />
          </View>
          <PlacePicker value={place} onChange={setPlace} streets={scope === "street"} />
          {data && data.publishedMonths.length > 0 ? (
            <View className="chips ranking-months">
              {data.publishedMonths.map((m) => (
                <Chip key={m} label={monthLabel(m)} className="ranking-month" active={m === data.month} onTap={() => setMonth(m)} />
              ))}
            </View>
          ) : null}
        </View>
      }
      loading={state.status === "loading"}
      error={state.status === "error" ? state.error : null}
      onRetry={reload}
      empty={data !== null && data.entries.length === 0}
      emptyText={data?.month ? "该范围内还没有评星的小区" : "还没有公布的月度评星"}
    >
      {data?.entries.map((e) => (
        <View
          key={e.communityId}
          className="card community-row ranking-entry"
          onClick={() => void Taro.navigateTo({ url: communityUrl(e.communityId) })}
        >
          <Text className="ranking-entry__rank">{e.rank}</Text>
          <View className="ranking-entry__body">
            <Text className="community-row__name">{e.name}</Text>
            <Text className="community-row__place">
              {e.district} · {e.street} · 得分 {e.score} · 参与率 {percent(e.participation)}
            </Text>
          </View>
          <Stars stars={e.stars} />
        </View>
      ))}
    </PageContainer>
  );
}

import type { CommunitySummary, MyCommunity } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { formatCityTime } from "../../../ui/formatTime";
import { myCommunity, searchCommunities, setMyCommunity } from "../api";
import "../communities.css";
import { Figures } from "../components/Figures";
import { type Place, PlacePicker } from "../components/PlacePicker";
import { Stars } from "../components/Stars";
import { COMMUNITY_RANKING_PAGE, communityUrl } from "../routes";

/* 我的小区: the household's community and its stars; choosing (or changing, once per 30 days) by district, street or name. */
export default function MyCommunityPage() {
  const session = useSession();
  const mine = useApiLoad(session ? `community-mine:${session.user.id}` : null, myCommunity);
  const [choosing, setChoosing] = useState(false);
  const data = mine.state.status === "ok" ? mine.state.data : null;
  const showChooser = data !== null && (choosing || data.community === null);
  return (
    <PageContainer
      className="communities-page community-mine"
      title="我的小区"
      subtitle="星级小区评比 · 垃圾分类"
      needsLogin={!session}
      loginHint="登录后登记您家所在的小区"
      loading={mine.state.status === "loading"}
      error={mine.state.status === "error" ? mine.state.error : null}
      onRetry={mine.reload}
    >
      {data?.community && !showChooser ? <Registered mine={data} onChange={() => setChoosing(true)} /> : null}
      {showChooser ? (
        <Chooser
          current={data}
          onChosen={(m) => {
            mine.replace(m);
            setChoosing(false);
          }}
        />
      ) : null}
      <Button className="btn btn-large community-ranking-link" onClick={() => void Taro.navigateTo({ url: COMMUNITY_RANKING_PAGE })}>
        查看星级小区排行
      </Button>
    </PageContainer>
  );
}

function Registered(props: { mine: MyCommunity; onChange: () => void }) {
  const c = props.mine.community!;
  const latest = c.trend.at(-1);
  return (
    <View className="community-registered">
      <View className="card community-row" onClick={() => void Taro.navigateTo({ url: communityUrl(c.id) })}>
        <View>
          <Text className="community-row__name">{c.name}</Text>
          <Text className="community-row__place">
            {c.district} · {c.street}
          </Text>
        </View>
        {c.latestStars ? <Stars stars={c.latestStars.stars} /> : <Text className="hint-text">暂无评星</Text>}
      </View>
      {latest ? <Figures figures={latest} /> : <Text className="hint-text no-stars">本小区还没有公布的月度评星</Text>}
      {props.mine.nextChangeAt ? (
        <Text className="hint-text community-change-hint">如需更换小区，可在 {formatCityTime(props.mine.nextChangeAt)} 后更换</Text>
      ) : (
        <Button className="btn community-change" onClick={props.onChange}>
          更换小区
        </Button>
      )}
    </View>
  );
}

function Chooser(props: { current: MyCommunity | null; onChosen: (m: MyCommunity) => void }) {
  const [place, setPlace] = useState<Place>({});
  const [typed, setTyped] = useState("");
  const [q, setQ] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const key = `community-search:${place.district ?? ""}:${place.street ?? ""}:${q}`;
  const list = useApiLoad(key, () => searchCommunities({ ...place, ...(q ? { q } : {}) }));
  const choose = async (c: CommunitySummary) => {
    const res = await setMyCommunity(c.id);
    if (res.ok) {
      void Taro.showToast({ title: "已登记", icon: "success" });
      props.onChosen(res.data);
      return;
    }
    setMessage(
      res.status === 409
        ? "每 30 天只能更换一次小区，请稍后再试"
        : res.status === 404
          ? "该小区已停用，请选择其他小区"
          : "登记失败，请重试",
    );
  };
  const rows = list.state.status === "ok" ? list.state.data.communities : [];
  return (
    <View className="community-chooser">
      <Text className="section-title">选择您家所在的小区</Text>
      <PlacePicker value={place} onChange={setPlace} />
      <View className="community-search">
        <Input
          className="text-input community-search__input"
          value={typed}
          placeholder="输入小区名称"
          maxlength={30}
          onInput={(e) => setTyped(e.detail.value)}
        />
        <Button className="btn btn-primary community-search__go" onClick={() => setQ(typed.trim())}>
          搜索
        </Button>
      </View>
      {message ? <Text className="form-error community-choose-error">{message}</Text> : null}
      {list.state.status === "loading" ? <Text className="hint-text">正在加载…</Text> : null}
      {list.state.status === "error" ? <Text className="form-error">小区列表加载失败</Text> : null}
      {list.state.status === "ok" && rows.length === 0 ? <Text className="hint-text community-none">没有找到符合条件的小区</Text> : null}
      {rows.map((c) => (
        <View key={c.id} className={`card community-row community-option${props.current?.community?.id === c.id ? " is-current" : ""}`}>
          <View>
            <Text className="community-row__name">{c.name}</Text>
            <Text className="community-row__place">
              {c.district} · {c.street}
            </Text>
          </View>
          <Button className="btn btn-primary community-choose" onClick={() => void choose(c)}>
            选择
          </Button>
        </View>
      ))}
    </View>
  );
}

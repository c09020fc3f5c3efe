import { MARKET_ZONE_KIND_LABELS, MARKET_ZONE_KINDS, type MarketZoneKind } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { PageContainer } from "../../../components/PageContainer";
import { PlacePicker } from "../../../finders/components/PlacePicker";
import { FinderToolbar, type FinderView } from "../../../finders/components/SearchControls";
import { formatDistance } from "../../../finders/format";
import { useSearchPlace } from "../../../finders/location";
import { useApiLoad } from "../../../services/useApiLoad";
import { MARKETS_LIMIT, type MarketsSearch, type MarketsWhen, nearbyMarkets } from "../api";
import { ZoneItem } from "../components/ZoneItem";
import { ZoneMap } from "../components/ZoneMap";
import "../night-markets.css";
import { marketUrl } from "../routes";

/* 夜市摊位: night markets and vending zones open now or tonight around a place, nearest first, as a list or a map. */

const WHEN_TABS: { when: MarketsWhen; label: string }[] = [
  { when: "now", label: "正在营业" },
  { when: "tonight", label: "今晚营业" },
];

const openMarket = (id: string) => void Taro.navigateTo({ url: marketUrl(id) });

export default function NightMarketsPage() {
  const place = useSearchPlace();
  const [when, setWhen] = useState<MarketsWhen>("now");
  const [kind, setKind] = useState<MarketZoneKind | null>(null);
  const [radius, setRadius] = useState(3000);
  const [view, setView] = useState<FinderView>("list");

  const search: MarketsSearch | null = place ? { lat: place.lat, lng: place.lng, radius, when, kind } : null;
  const { state, reload } = useApiLoad(search ? JSON.stringify(search) : null, () => nearbyMarkets(search as MarketsSearch));
  const zones = state.status === "ok" ? state.data.zones : [];
  const whenText = when === "now" ? "正在营业的" : "今晚营业的";
  const kindText = kind ? MARKET_ZONE_KIND_LABELS[kind] : "夜市和便民疏导点";

  const toolbar = place ? (
    <FinderToolbar className="markets-toolbar" place={place} radius={radius} onRadius={setRadius} view={view} onView={setView}>
      <View className="markets-tabs">
        {WHEN_TABS.map((t) => (
          <Text
            key={t.when}
            className={`markets-tab markets-tab--${t.when}${when === t.when ? " is-active" : ""}`}
            onClick={() => setWhen(t.when)}
          >
            {t.label}
          </Text>
        ))}
      </View>
      <View className="chip-row kind-chips">
        <Chip label="全部" className="kind-chip kind-all" active={kind === null} onTap={() => setKind(null)} />
        {MARKET_ZONE_KINDS.map((k) => (
          <Chip key={k} label={MARKET_ZONE_KIND_LABELS[k]} className={`kind-chip kind-${k}`} active={kind === k} onTap={() => setKind(k)} />
        ))}
      </View>
    </FinderToolbar>
  ) : null;

  return (
    <PageContainer
      className="night-markets-page"
      toolbar={toolbar}
      loading={state.status === "loading"}
      error={state.status === "error" ? state.error : null}
      onRetry={reload}
      empty={state.status === "ok" && zones.length === 0}
      emptyText={`${formatDistance(radius)}内暂无${whenText}${kindText}，可以扩大范围或换个时间看看。`}
    >
      {place ? null : <PlacePicker intro="查找附近正在营业或今晚营业的夜市、便民疏导点和早市" action="查找我附近的夜市" />}
      {place && zones.length > 0 ? (
        <>
          <Text className="result-count">
            {formatDistance(radius)}内{zones.length >= MARKETS_LIMIT ? "最近的" : "找到"} {zones.length} 处{whenText}
            {kindText}
          </Text>
          {view === "map" ? <ZoneMap centre={place} radius={radius} zones={zones} onOpen={openMarket} /> : null}
          {zones.map((z, i) => (
            <ZoneItem key={z.id} zone={z} index={view === "map" ? i : undefined} onOpen={openMarket} />
          ))}
        </>
      ) : null}
    </PageContainer>
  );
}

import { Text, View } from "@tarojs/components";
import Taro, { useDidShow } from "@tarojs/taro";
import { useEffect, useRef, useState } from "react";
import { CivicMap } from "../../components/map";
import { PageContainer } from "../../components/PageContainer";
import { PlaceBar, PlacePicker } from "../../finders/components/PlacePicker";
import { useSearchPlace } from "../../finders/location";
import { LAYER_LABELS, LAYERS, type Layer, loadNearby, mapRadius, type NearbyRow, rowPoints } from "../../nearby/layers";
import { useApiLoad } from "../../services/useApiLoad";
import { formatDistance } from "../../ui/formatDistance";

/* 附近: one map of everything near the resident (toilets, parking, night markets, recent public reports), layer by layer, with a list nearest first. */

/** Back on the tab after this long, the page asks again: a live number's age must never be read off an old answer. */
const REFRESH_AFTER_MS = 60_000;

// Recent public reports are one tap away rather than on by default: places come first.
const DEFAULT_LAYERS: Layer[] = ["toilets", "parking", "markets"];

function Row({ row }: { row: NearbyRow }) {
  return (
    <View className="card nearby-row" data-layer={row.layer} data-id={row.id} onClick={() => void Taro.navigateTo({ url: row.url })}>
      <View className="nearby-row__head">
        <Text className={`nearby-row__layer nearby-row__layer--${row.layer}`}>{LAYER_LABELS[row.layer]}</Text>
        <Text className="nearby-row__distance">{formatDistance(row.distanceM)}</Text>
      </View>
      <Text className="nearby-row__name">{row.name}</Text>
      <Text className="nearby-row__line">{row.line}</Text>
    </View>
  );
}

export default function NearbyPage() {
  const place = useSearchPlace();
  // A tab page stays mounted while the resident moves between tabs, so the choice lasts the visit.
  const [layers, setLayers] = useState<Layer[]>(DEFAULT_LAYERS);
  const toggle = (l: Layer) =>
    setLayers(layers.includes(l) ? layers.filter((x) => x !== l) : LAYERS.filter((x) => x === l || layers.includes(x)));
  const key = place && layers.length > 0 ? `${place.lat},${place.lng},${layers.join()}` : null;
  const { state, reload } = useApiLoad(key, () => loadNearby(place!, layers));
  const data = state.status === "ok" ? state.data : null;
  const loadedAt = useRef(0);
  useEffect(() => {
    if (state.status === "ok") loadedAt.current = Date.now();
  }, [state]);
  useDidShow(() => {
    if (loadedAt.current > 0 && Date.now() - loadedAt.current > REFRESH_AFTER_MS) reload();
  });
  const byKey = new Map((data?.rows ?? []).map((r) => [`${r.layer}:${r.id}`, r]));
  const open = (key: string) => {
    const row = byKey.get(key);
    if (row) void Taro.navigateTo({ url: row.url });
  };

  return (
    <PageContainer
      className="nearby-page"
      title="我的附近"
      subtitle="厕所、停车、夜市和身边的上报"
      toolbar={
        place ? (
          <View>
            <PlaceBar place={place} />
            <View className="chip-row layer-chips">
              <Text className="chip-row__label">显示</Text>
              {LAYERS.map((l) => (
                <Text key={l} className={`chip layer-chip${layers.includes(l) ? " is-active" : ""}`} onClick={() => toggle(l)}>
                  {LAYER_LABELS[l]}
                </Text>
              ))}
            </View>
          </View>
        ) : null
      }
      loading={state.status === "loading"}
      error={state.status === "error" ? state.error : null}
      onRetry={reload}
      empty={(place !== null && layers.length === 0) || (data !== null && data.rows.length === 0)}
      emptyText={layers.length === 0 ? "请至少选择一类要显示的内容。" : "附近没有找到所选的内容，可以换个地点或多选几类。"}
    >
      {!place ? <PlacePicker intro="看看您身边有哪些便民设施" action="查看我附近的便民设施" /> : null}
      {place && data ? (
        <View>
          {data.failed.length > 0 ? (
            <Text className="form-error nearby-failed">
              {data.failed.map((l) => LAYER_LABELS[l]).join("、")}暂时无法加载，其余内容照常显示。
            </Text>
          ) : null}
          <CivicMap
            className="nearby-map"
            centre={place}
            radius={mapRadius(layers)}
            points={rowPoints(data.rows)}
            shapes={data.shapes}
            onOpen={open}
            legend="绿色：开放、车位充足或正在营业 · 橙色：车位紧张 · 红色：已满 · 蓝色：稍后开市或身边的上报 · 灰色：关闭或未知"
          />
          {data.rows.map((r) => (
            <Row key={`${r.layer}:${r.id}`} row={r} />
          ))}
        </View>
      ) : null}
    </PageContainer>
  );
}

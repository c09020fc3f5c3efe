import { Button, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { PageContainer } from "../../components/PageContainer";
import { nearbyToilets } from "../../finders/api";
import { PlaceBar, PlacePicker } from "../../finders/components/PlacePicker";
import { ToiletList } from "../../finders/components/ToiletList";
import { useSearchPlace } from "../../finders/location";
import { useApiLoad } from "../../services/useApiLoad";

/* 附近: a resident's "what is near me" - the closest public toilets, nearest first. */
const NEARBY_RADIUS_M = 1000;
const NEARBY_LIMIT = 10;

export default function NearbyPage() {
  const place = useSearchPlace();
  const key = place ? `${place.lat},${place.lng}` : null;
  const { state, reload } = useApiLoad(key, () =>
    nearbyToilets({ lat: place!.lat, lng: place!.lng, radius: NEARBY_RADIUS_M, limit: NEARBY_LIMIT }),
  );
  const toilets = state.status === "ok" ? state.data.toilets : [];
  const openFinder = () => void Taro.navigateTo({ url: "/pages/toilets/index" });

  return (
    <PageContainer
      className="nearby-page"
      title="我的附近"
      subtitle="离您最近的公共厕所"
      toolbar={place ? <PlaceBar place={place} /> : null}
      loading={state.status === "loading"}
      error={state.status === "error" ? state.error : null}
      onRetry={reload}
      empty={state.status === "ok" && toilets.length === 0}
      emptyText="1公里内没有找到公共厕所，可以在“找厕所”里扩大范围。"
      footer={
        place ? (
          <View className="page-actions">
            <Button className="btn more-toilets" onClick={openFinder}>
              筛选 / 地图 / 更大范围
            </Button>
          </View>
        ) : null
      }
    >
      {place ? <ToiletList toilets={toilets} /> : <PlacePicker intro="看看您身边有哪些便民设施" />}
    </PageContainer>
  );
}

import { DEFAULT_CITY, type LatLng, nearestDistrict, resolvePlace } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { CivicMap } from "../../components/map";

/*
 * One report's point on the one map, with the district and street (街道/镇) it falls in from the city's
 * boundaries. With `onPick`, tapping the map moves the pin there (the wizard); without, it only shows
 * (the staff case page). `centre` stays put while the pin moves, so the map does not jump under a finger.
 */
export function placeNameOf(p: LatLng): string {
  const place = resolvePlace(DEFAULT_CITY, p);
  if (!place) return `${nearestDistrict(DEFAULT_CITY, p).name}附近（市区范围外）`;
  return place.street ? `${place.district.name} · ${place.street.name}` : place.district.name;
}

const PIN_RADIUS_M = 300;

export function PlaceMap({ point, centre, onPick }: { point: LatLng; centre?: LatLng; onPick?: (p: LatLng) => void }) {
  return (
    <View className="place-map">
      <CivicMap
        className="place-map__map"
        centre={centre ?? point}
        radius={PIN_RADIUS_M}
        points={[{ id: "place-pin", lat: point.lat, lng: point.lng, title: "问题位置", colour: "red" }]}
        onOpen={() => {}}
        onPick={onPick}
        legend={onPick ? "点按地图，把红色标记移到问题所在处" : undefined}
      />
      <Text className="place-map__name">所在区域：{placeNameOf(point)}</Text>
    </View>
  );
}

import { Button, Text, View } from "@tarojs/components";
import { useState } from "react";
import { CITY_DISTRICTS } from "../../city/districts";
import { districtPlace, locateMe, type SearchPlace, setSearchPlace } from "../location";

/*
 * Shown before the finder knows where to search: one button that asks for the location (only now,
 * after the privacy notice) and, for when that is refused or fails, the district centres.
 */
export function PlacePicker({ intro, action = "查找我附近的厕所", notice }: { intro?: string; action?: string; notice?: string }) {
  const [locating, setLocating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const locate = async () => {
    if (locating) return;
    setLocating(true);
    setMessage(null);
    const outcome = await locateMe(notice);
    setLocating(false);
    if (outcome.ok) setSearchPlace(outcome.place);
    else setMessage(outcome.message);
  };

  return (
    <View className="place-picker">
      {intro ? <Text className="place-picker__intro">{intro}</Text> : null}
      <Button className="btn btn-primary btn-large find-toilets" disabled={locating || undefined} onClick={locate}>
        {locating ? "正在定位…" : action}
      </Button>
      <Text className="place-picker__hint">点击后才会请求您的位置，仅用于本次查找。</Text>
      {message ? <Text className="locate-message">{message}</Text> : null}
      <Text className="section-title">或选择所在区域</Text>
      <View className="district-list">
        {CITY_DISTRICTS.map((d) => (
          <Text key={d.id} className={`district-item district-${d.id}`} onClick={() => setSearchPlace(districtPlace(d))}>
            {d.name}
          </Text>
        ))}
      </View>
    </View>
  );
}

export function PlaceBar({ place }: { place: SearchPlace }) {
  return (
    <View className="place-bar">
      <Text className="place-label">{place.label}附近</Text>
      <Text className="change-place" onClick={() => setSearchPlace(null)}>
        更换位置
      </Text>
    </View>
  );
}

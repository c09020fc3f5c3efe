import type { LatLng } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { CITY_DISTRICTS } from "../../city/districts";
import { isWeapp } from "../../platform";
import type { DraftLocation } from "../draft";
import { chooseReportPoint, currentReportPoint, nudgePoint } from "../reportLocation";
import { PlaceMap } from "./PlaceMap";

/*
 * Step 3: where the problem is. The current position (only on a tap, after the privacy notice), a place
 * from WeChat's picker (with its name and address), or a district centre; then the point on the one map,
 * where a tap moves the pin, with the district and street it falls in (and 20-metre nudges in H5, where
 * the map may be the offline plot). The address text is prefilled where the picker knows it.
 */
const NUDGE_M = 20;
const NUDGES = [
  { id: "north", label: "向北", east: 0, north: NUDGE_M },
  { id: "south", label: "向南", east: 0, north: -NUDGE_M },
  { id: "west", label: "向西", east: -NUDGE_M, north: 0 },
  { id: "east", label: "向东", east: NUDGE_M, north: 0 },
] as const;

export interface LocationStepProps {
  location: DraftLocation | null;
  address: string;
  onLocation: (location: DraftLocation, address?: string) => void;
  onAddress: (address: string) => void;
}

export function LocationStep(props: LocationStepProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // The map stays centred where the point was first set; taps and nudges move only the pin.
  const [centre, setCentre] = useState<LatLng | null>(props.location);
  const place = (location: DraftLocation, address?: string) => {
    setCentre({ lat: location.lat, lng: location.lng });
    props.onLocation(location, address);
  };

  const locate = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const outcome = await currentReportPoint();
    setBusy(false);
    if (outcome.ok) place({ lat: outcome.point.lat, lng: outcome.point.lng, source: "gps", label: "我的当前位置" });
    else setMessage(outcome.message);
  };

  const pick = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const outcome = await chooseReportPoint(props.location);
    setBusy(false);
    if (outcome.ok) {
      const p = outcome.point;
      place({ lat: p.lat, lng: p.lng, source: "map", label: p.name || "地图上选择的位置" }, p.address);
    } else if (!outcome.cancelled) setMessage(outcome.message);
  };

  const nudge = (east: number, north: number) => {
    if (!props.location) return;
    const moved = nudgePoint(props.location, east, north);
    props.onLocation({ ...props.location, ...moved, source: "map" });
  };

  return (
    <View className="wizard-section location-step">
      <Text className="section-title">问题在哪里？</Text>
      <Button className="btn btn-primary btn-large locate-me" disabled={busy || undefined} onClick={() => void locate()}>
        {busy ? "正在定位…" : "使用我的当前位置"}
      </Button>
      {isWeapp() ? (
        <Button className="btn btn-large pick-on-map" disabled={busy || undefined} onClick={() => void pick()}>
          在地图上选择位置
        </Button>
      ) : null}
      <Text className="hint-text">点击后才会请求您的位置，仅随本次上报提交。</Text>
      {message ? <Text className="location-message field-error">{message}</Text> : null}
      {isWeapp() ? null : (
        <>
          <Text className="field-label">或选择所在区域，再微调位置</Text>
          <View className="district-list">
            {CITY_DISTRICTS.map((d) => (
              <Text
                key={d.id}
                className={`district-item location-district district-${d.id}`}
                onClick={() => place({ lat: d.lat, lng: d.lng, source: "map", label: `${d.name}中心附近` }, d.officialName)}
              >
                {d.name}
              </Text>
            ))}
          </View>
        </>
      )}
      {props.location ? (
        <View className="card location-summary">
          <Text className="location-summary__label">{props.location.label}</Text>
          <PlaceMap
            point={props.location}
            centre={centre ?? props.location}
            onPick={(p) => props.onLocation({ ...p, source: "map", label: "地图上选择的位置" })}
          />
          {isWeapp() ? null : (
            <View className="chip-row location-nudges">
              {NUDGES.map((n) => (
                <Text key={n.id} className={`chip location-nudge nudge-${n.id}`} onClick={() => nudge(n.east, n.north)}>
                  {n.label} {NUDGE_M} 米
                </Text>
              ))}
            </View>
          )}
        </View>
      ) : null}
      <Text className="field-label">详细地址</Text>
      <Input
        className="text-input address-input"
        value={props.address}
        maxlength={200}
        placeholder="如：观前街 128 号门口、某小区 3 栋旁"
        onInput={(e) => props.onAddress(e.detail.value)}
      />
    </View>
  );
}

import type { LatLng } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { CITY_DISTRICTS } from "../../../city/districts";
import { CivicMap } from "../../../components/map";
import { isWeapp } from "../../../platform";
import { currentPosition, errMsgOf, privacyConsent } from "../../../services/position";
import { placeLabel } from "../street";

/*
 * Where to collect: the address (weapp: WeChat's saved addresses fill it; or typed) and the point on the
 * one map (the phone's position on a tap, WeChat's map picker, or a district centre; a tap on the map
 * moves the pin), with the district and street it falls in.
 */
const NOTICE =
  "为了标注上门收运的地点，需要使用您的位置信息。位置只在您点击时获取，仅随本次预约提交。您也可以不授权，改为选择所在区域再在地图上点选。";

export interface AddressStepProps {
  address: string;
  location: LatLng | null;
  onAddress: (address: string) => void;
  onLocation: (p: LatLng) => void;
  /** WeChat's address card also carries a phone number: offered to the contact step. */
  onContactPhone: (phone: string) => void;
}

type ChosenAddress = { provinceName?: string; cityName?: string; countyName?: string; detailInfo?: string; telNumber?: string };

export function AddressStep(props: AddressStepProps) {
  const [message, setMessage] = useState<string | null>(null);
  const [centre, setCentre] = useState<LatLng | null>(props.location);
  const place = (p: LatLng) => {
    setCentre(p);
    props.onLocation(p);
  };

  const fromWechat = async () => {
    setMessage(null);
    try {
      const a = (await Taro.chooseAddress({})) as ChosenAddress;
      const text = [a.cityName, a.countyName, a.detailInfo].filter(Boolean).join("");
      if (text) props.onAddress(text);
      if (a.telNumber) props.onContactPhone(a.telNumber.replace(/\D/g, ""));
    } catch (error) {
      if (!/cancel/i.test(errMsgOf(error))) setMessage("暂时无法读取微信收货地址，请直接填写");
    }
  };
  const locate = async () => {
    setMessage(null);
    if (!(await privacyConsent(NOTICE))) return setMessage("您没有同意获取位置，可以选择所在区域");
    try {
      place(await currentPosition());
    } catch {
      setMessage("暂时无法获取您的位置，请选择所在区域后在地图上点选");
    }
  };
  const pick = async () => {
    setMessage(null);
    if (!(await privacyConsent(NOTICE))) return setMessage("您没有同意使用位置信息，可以选择所在区域");
    try {
      const near = props.location;
      const res = await Taro.chooseLocation(near ? { latitude: near.lat, longitude: near.lng } : {});
      place({ lat: res.latitude, lng: res.longitude });
      if (!props.address.trim() && res.address) props.onAddress(`${res.address}${res.name ?? ""}`);
    } catch (error) {
      if (!/cancel/i.test(errMsgOf(error))) setMessage("暂时无法打开地图选点，请选择所在区域");
    }
  };

  return (
    <View className="wizard-section pickup-address-step">
      <Text className="section-title">在哪里收运？</Text>
      {isWeapp() ? (
        <Button className="btn btn-large choose-address" onClick={() => void fromWechat()}>
          使用微信收货地址
        </Button>
      ) : null}
      <Text className="field-label">详细地址</Text>
      <Input
        className="text-input pickup-address-input"
        value={props.address}
        maxlength={120}
        placeholder="如：姑苏区某小区 3 幢 2 单元 501 室"
        onInput={(e) => props.onAddress(e.detail.value)}
      />
      <Text className="field-label">在地图上标出收运地点</Text>
      <Button className="btn btn-large locate-me" onClick={() => void locate()}>
        使用我的当前位置
      </Button>
      {isWeapp() ? (
        <Button className="btn btn-large pick-on-map" onClick={() => void pick()}>
          在地图上选择位置
        </Button>
      ) : (
        <View className="district-list">
          {CITY_DISTRICTS.map((d) => (
            <Text
              key={d.id}
              className={`district-item location-district district-${d.id}`}
              onClick={() => place({ lat: d.lat, lng: d.lng })}
            >
              {d.name}
            </Text>
          ))}
        </View>
      )}
      {message ? <Text className="field-error location-message">{message}</Text> : null}
      {props.location ? (
        <View className="card place-map pickup-place">
          <CivicMap
            className="place-map__map"
            centre={centre ?? props.location}
            radius={300}
            points={[{ id: "pickup-pin", lat: props.location.lat, lng: props.location.lng, title: "收运地点", colour: "red" }]}
            onOpen={() => {}}
            onPick={props.onLocation}
            legend="点按地图，把红色标记移到楼下放置物品处"
          />
          <Text className="place-map__name pickup-place-name">所在区域：{placeLabel(props.location)}</Text>
        </View>
      ) : null}
    </View>
  );
}

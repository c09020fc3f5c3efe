import { Image, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useLargeText } from "../ui/largeText";
import { TABS, useSelectedTab } from "./tabs";
import "./index.css";

/*
 * The weapp's tab bar, drawn by us so its labels and icons grow with 适老化 like every page does.
 * Icons are the files the app.json tab list already ships (/assets/tab-*.png), so nothing is added to
 * the main package but this component. H5 keeps Taro's own bar (tabBar.custom is weapp-only).
 */
export default function CustomTabBar() {
  const selected = useSelectedTab();
  const largeText = useLargeText();
  return (
    <View className={`tab-bar${largeText ? " tab-bar--large" : ""}`}>
      {TABS.map((tab, i) => {
        const on = i === selected;
        return (
          <View
            key={tab.path}
            className={`tab-bar__item${on ? " tab-bar__item--selected" : ""}`}
            onClick={() => {
              if (!on) void Taro.switchTab({ url: `/${tab.path}` });
            }}
          >
            <Image className="tab-bar__icon" src={`/assets/${tab.icon}${on ? "-active" : ""}.png`} />
            <Text className="tab-bar__label">{tab.text}</Text>
          </View>
        );
      })}
    </View>
  );
}

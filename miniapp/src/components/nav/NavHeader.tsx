import { Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { isH5 } from "../../platform";
import "../../styles/nav.css";
import { HOME_PAGE, isTabRoute, routeOf, routeTitle } from "./routes";

/*
 * H5's stand-in for WeChat's navigation bar on pages outside the tab bar: the page's title and a way out.
 * After a deep link or a reload there is no page to go back to, so the button says 首页 and relaunches
 * the home tab instead of leaving the user stuck. The weapp build takes NavHeader.weapp.tsx (nothing).
 * Route and history are read once, when the page opens: Taro keeps earlier pages mounted underneath.
 */
export function NavHeader({ title }: { title?: string }) {
  const [opened] = useState(() => {
    if (!isH5() || typeof window === "undefined") return null;
    const route = routeOf(window.location);
    if (isTabRoute(route)) return null;
    return { routeTitle: routeTitle(route), canGoBack: Taro.getCurrentPages().length > 1 };
  });
  if (!opened) return null;
  const leave = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.reLaunch({ url: HOME_PAGE });
  };
  return (
    <View className="nav-header">
      <View className={`nav-header__back ${opened.canGoBack ? "nav-back" : "nav-home"}`} onClick={leave}>
        <Text>{opened.canGoBack ? "‹ 返回" : "首页"}</Text>
      </View>
      <Text className="nav-header__title">{title ?? opened.routeTitle ?? "城管服务"}</Text>
    </View>
  );
}

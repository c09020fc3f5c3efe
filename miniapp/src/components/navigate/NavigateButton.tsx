import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import "../../styles/navigate.css";
import { addressText, mapLinks, type NavigateTarget } from "./mapLinks";

/*
 * "导航前往" in H5: Taro.openLocation needs WeChat's JS-SDK, so the button opens a sheet of the map apps'
 * web links and 复制地址 instead. Every navigate button (toilets today, parking and night markets next)
 * uses this; the weapp build takes NavigateButton.weapp.tsx (WeChat's own map).
 */
export function NavigateButton({ target }: { target: NavigateTarget }) {
  const [open, setOpen] = useState(false);
  const copy = () =>
    void Taro.setClipboardData({ data: addressText(target) })
      .then(() => Taro.showToast({ title: "地址已复制", icon: "success" }))
      .catch(() => Taro.showToast({ title: "复制失败，请手动记下地址", icon: "none" }));
  return (
    <>
      <Button className="btn btn-primary btn-large navigate-button" onClick={() => setOpen(!open)}>
        导航前往
      </Button>
      {open ? (
        <View className="card navigate-sheet">
          <Text className="navigate-sheet__title">用地图 App 导航到“{target.name}”</Text>
          {mapLinks(target).map((link) => (
            <a key={link.id} className={`navigate-link navigate-${link.id}`} href={link.href} target="_blank" rel="noopener noreferrer">
              {link.label}
            </a>
          ))}
          <View className="navigate-link navigate-copy" onClick={copy}>
            复制地址
          </View>
          <Text className="navigate-sheet__note">未安装地图 App 时会打开网页版地图。</Text>
        </View>
      ) : null}
    </>
  );
}

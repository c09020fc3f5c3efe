import type { ToiletSummary } from "@civic/shared";
import { View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { ToiletItem } from "./ToiletItem";

export const openToiletDetail = (id: string) => {
  void Taro.navigateTo({ url: `/pages/toilets/detail?id=${encodeURIComponent(id)}` });
};

export function ToiletList({ toilets, numbered = false }: { toilets: readonly ToiletSummary[]; numbered?: boolean }) {
  return (
    <View className="toilet-list">
      {toilets.map((t, i) => (
        <ToiletItem key={t.id} toilet={t} index={numbered ? i : undefined} onOpen={openToiletDetail} />
      ))}
    </View>
  );
}

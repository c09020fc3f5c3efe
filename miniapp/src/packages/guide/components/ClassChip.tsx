import { WASTE_CLASS_INFO, type WasteClass } from "@civic/shared";
import { Text } from "@tarojs/components";

/** The class's label on its bin colour (蓝 可回收物, 红 有害垃圾, 绿 厨余垃圾, 灰 其他垃圾). */
export function ClassChip({ cls, large }: { cls: WasteClass; large?: boolean }) {
  const info = WASTE_CLASS_INFO[cls];
  return (
    <Text className={`guide-class-chip guide-class-${cls}${large ? " is-large" : ""}`} style={{ backgroundColor: info.colour }}>
      {info.label}
    </Text>
  );
}

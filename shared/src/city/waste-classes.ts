/*
 * Suzhou's four household-waste classes (苏州市生活垃圾分类管理条例): the sorting guide files items under
 * them, volunteers' checks name mistakes by them, and bins are drawn in their colours.
 */
export const WASTE_CLASSES = ["recyclable", "hazardous", "kitchen", "other"] as const;
export type WasteClass = (typeof WASTE_CLASSES)[number];

export interface WasteClassInfo {
  label: string;
  /** The bin's colour as the city paints it (blue, red, green, grey). */
  colour: string;
  /** One line of what goes in. */
  rule: string;
}

export const WASTE_CLASS_INFO: Record<WasteClass, WasteClassInfo> = {
  recyclable: { label: "可回收物", colour: "#1f5fa8", rule: "适宜回收利用的废纸、塑料、金属、玻璃、织物等，保持清洁干燥" },
  hazardous: { label: "有害垃圾", colour: "#c0392b", rule: "废电池、废灯管、过期药品、废油漆桶等，轻放并保持完整" },
  kitchen: { label: "厨余垃圾", colour: "#2e8b57", rule: "剩菜剩饭、果皮、菜叶等易腐垃圾，沥干水分，去除包装" },
  other: { label: "其他垃圾", colour: "#5f6b6d", rule: "除以上三类之外的生活垃圾，如用过的纸巾、大骨头、烟头" },
};

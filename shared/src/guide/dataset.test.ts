import { describe, expect, it } from "vitest";
import { WASTE_CLASSES } from "../city/waste-classes";
import { GUIDE_BASE_VERSION, GUIDE_ITEMS, guideVersion } from "./dataset";
import { GuideItem } from "./schemas";

describe("the sorting guide dataset", () => {
  it("has at least 300 items, each a valid GuideItem", () => {
    expect(GUIDE_ITEMS.length).toBeGreaterThanOrEqual(300);
    for (const item of GUIDE_ITEMS) expect(GuideItem.safeParse(item).success, item.id).toBe(true);
  });

  it("has unique ids and unique names", () => {
    expect(new Set(GUIDE_ITEMS.map((i) => i.id)).size).toBe(GUIDE_ITEMS.length);
    expect(new Set(GUIDE_ITEMS.map((i) => i.name)).size).toBe(GUIDE_ITEMS.length);
  });

  it("covers every class with a fair number of items", () => {
    for (const cls of WASTE_CLASSES) expect(GUIDE_ITEMS.filter((i) => i.class === cls).length, cls).toBeGreaterThanOrEqual(30);
  });

  it("never lets a word (name or synonym) point to two classes", () => {
    const classOf = new Map<string, string>();
    const clashes: string[] = [];
    for (const item of GUIDE_ITEMS) {
      for (const word of new Set([item.name, ...item.synonyms])) {
        const seen = classOf.get(word);
        if (seen && seen !== item.class) clashes.push(`${word}: ${seen} / ${item.class}`);
        classOf.set(word, item.class);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("gets the tricky ones right", () => {
    const classOf = (word: string) => GUIDE_ITEMS.find((i) => i.name === word || i.synonyms.includes(word))?.class;
    expect(classOf("大骨头")).toBe("other");
    expect(classOf("茶叶渣")).toBe("kitchen");
    expect(classOf("用过的纸巾")).toBe("other");
    expect(classOf("过期药品")).toBe("hazardous");
    expect(classOf("废旧电池")).toBe("hazardous");
    expect(classOf("外卖盒")).toBeDefined();
  });

  it("sends bulky items to a pickup booking", () => {
    const bulky = GUIDE_ITEMS.filter((i) => i.bulky);
    expect(bulky.map((i) => i.name)).toEqual(expect.arrayContaining(["沙发", "床垫", "衣柜", "冰箱"]));
  });

  it("changes its version when an item is added", () => {
    const extra = { id: "add-x", name: "新物品", class: "other" as const, synonyms: [], howTo: "投其他垃圾" };
    expect(guideVersion([])).toBe(GUIDE_BASE_VERSION);
    expect(guideVersion([extra])).not.toBe(GUIDE_BASE_VERSION);
    expect(guideVersion([extra])).toBe(guideVersion([{ ...extra }]));
  });
});

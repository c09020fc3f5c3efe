import { describe, expect, it } from "vitest";
import { GUIDE_ITEMS } from "./dataset";
import { markQuiz, quizItems } from "./quiz";
import { searchGuide } from "./search";

const names = (q: string) => searchGuide(GUIDE_ITEMS, q).map((h) => h.item.name);

describe("searchGuide", () => {
  it("puts the exact name first, then names starting with the query", () => {
    const hits = searchGuide(GUIDE_ITEMS, "塑料瓶");
    expect(hits[0]).toMatchObject({ item: { name: "塑料瓶" }, match: "name" });
    const plastic = searchGuide(GUIDE_ITEMS, "塑料");
    expect(plastic[0]?.match).toBe("prefix");
    const kinds = plastic.map((h) => h.match);
    expect(kinds.indexOf("synonym") === -1 || kinds.indexOf("synonym") > kinds.lastIndexOf("prefix")).toBe(true);
  });

  it("finds an item by a synonym (外卖盒 → 餐盒)", () => {
    expect(searchGuide(GUIDE_ITEMS, "外卖盒")[0]).toMatchObject({ item: { id: "rec-plastic-lunchbox" }, match: "synonym" });
  });

  it("finds by full pinyin and by initials", () => {
    expect(names("suliaoping")).toContain("塑料瓶");
    expect(names("slp")[0]).toBe("塑料瓶");
    expect(names("dgt")).toContain("大骨头");
    expect(searchGuide(GUIDE_ITEMS, "dgt").find((h) => h.item.name === "大骨头")?.match).toBe("pinyin");
  });

  it("ranks name matches above pinyin matches", () => {
    const ranks = { name: 0, synonym: 1, prefix: 2, pinyin: 3 } as const;
    const hits = searchGuide(GUIDE_ITEMS, "dian");
    const order = hits.map((h) => (h.match === "pinyin" ? 3 : 0));
    expect(order).toEqual([...order].sort());
    expect(ranks.name).toBeLessThan(ranks.pinyin);
  });

  it("ignores case and spaces in latin queries (LED, ipad)", () => {
    expect(names("led")).toContain("LED灯泡");
    expect(names(" i pad ")).toContain("平板电脑");
  });

  it("answers nothing for an empty or unknown query", () => {
    expect(searchGuide(GUIDE_ITEMS, "   ")).toEqual([]);
    expect(searchGuide(GUIDE_ITEMS, "量子计算机")).toEqual([]);
  });

  it("is limited", () => {
    expect(searchGuide(GUIDE_ITEMS, "a", 5).length).toBeLessThanOrEqual(5);
  });
});

describe("the daily quiz", () => {
  it("draws five different items, the same all day for one resident, another set the next day", () => {
    const a = quizItems(GUIDE_ITEMS, "user-1", "2026-12-01");
    expect(new Set(a.map((i) => i.id)).size).toBe(5);
    expect(quizItems(GUIDE_ITEMS, "user-1", "2026-12-01")).toEqual(a);
    expect(quizItems(GUIDE_ITEMS, "user-1", "2026-12-02")).not.toEqual(a);
    expect(quizItems(GUIDE_ITEMS, "user-2", "2026-12-01")).not.toEqual(a);
  });

  it("marks answers with the right class and an explanation", () => {
    const items = quizItems(GUIDE_ITEMS, "user-1", "2026-12-01");
    const lines = markQuiz(items, [{ itemId: items[0]!.id, answer: items[0]!.class }]);
    expect(lines[0]).toMatchObject({ isCorrect: true, correct: items[0]!.class });
    expect(lines[1]).toMatchObject({ answer: null, isCorrect: false });
    expect(lines.every((l) => l.explanation.includes(l.itemName))).toBe(true);
  });
});

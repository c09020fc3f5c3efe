import PinyinMatch from "pinyin-match";
import type { GuideItem, GuideMatchKind, GuideSearchHit } from "./schemas";

/*
 * One search for the API and the mini-program (offline, over the cached dataset): Chinese, pinyin and
 * pinyin initials (pinyin-match: "slp" and "suliao" find 塑料瓶) over names and synonyms.
 * Ranking: exact name, then exact synonym (a resident typing 外卖盒 means that item), then names that
 * start with the query, then names containing it, then synonyms containing it, then pinyin on the name,
 * then pinyin on a synonym; ties go to the shorter name, then the dataset's order.
 */

const RANKS: { rank: number; kind: GuideMatchKind }[] = [
  { rank: 0, kind: "name" },
  { rank: 1, kind: "synonym" },
  { rank: 2, kind: "prefix" },
  { rank: 3, kind: "prefix" },
  { rank: 4, kind: "synonym" },
  { rank: 5, kind: "pinyin" },
  { rank: 6, kind: "pinyin" },
];

/** The query as compared: no spaces, latin letters lower-cased (PET, LED, iPad). */
export function normaliseQuery(q: string): string {
  return q.replace(/\s+/g, "").toLowerCase();
}

const LATIN = /[a-z]/;

function pinyinHit(text: string, q: string): boolean {
  return PinyinMatch.match(text, q) !== false;
}

function rankOf(item: GuideItem, q: string): number | null {
  const name = item.name.toLowerCase();
  const synonyms = item.synonyms.map((s) => s.toLowerCase());
  if (name === q) return 0;
  if (synonyms.includes(q)) return 1;
  if (name.startsWith(q)) return 2;
  if (name.includes(q)) return 3;
  if (synonyms.some((s) => s.includes(q))) return 4;
  // pinyin-match only helps when letters were typed; Chinese text was already compared above.
  if (!LATIN.test(q)) return null;
  if (pinyinHit(item.name, q)) return 5;
  if (item.synonyms.some((s) => pinyinHit(s, q))) return 6;
  return null;
}

export function searchGuide(items: readonly GuideItem[], rawQuery: string, limit = 30): GuideSearchHit[] {
  const q = normaliseQuery(rawQuery);
  if (!q) return [];
  const found: { item: GuideItem; rank: number; order: number }[] = [];
  items.forEach((item, order) => {
    const rank = rankOf(item, q);
    if (rank !== null) found.push({ item, rank, order });
  });
  found.sort((a, b) => a.rank - b.rank || a.item.name.length - b.item.name.length || a.order - b.order);
  return found.slice(0, limit).map(({ item, rank }) => ({ item, match: RANKS[rank]!.kind }));
}

import type { OpenState, ToiletSummary } from "@civic/shared";

/** "350米" under a kilometre, "1.2公里" / "3公里" above. */
export function formatDistance(metres: number): string {
  const m = Math.max(0, Math.round(metres));
  if (m < 1000) return `${m}米`;
  const km = Math.round(m / 100) / 10;
  return `${Number.isInteger(km) ? km.toFixed(0) : km.toFixed(1)}公里`;
}

export const OPEN_STATE_LABELS: Record<OpenState, string> = {
  open: "营业中",
  closed: "已关闭",
  unknown: "时间未知",
};

/** The feature tags a toilet shows, in a fixed order, each with its stable class name. */
export function toiletTags(t: Pick<ToiletSummary, "free" | "accessible" | "babyCare" | "thirdToilet">): { key: string; label: string }[] {
  const tags: { key: string; label: string }[] = [];
  tags.push(t.free ? { key: "tag-free", label: "免费" } : { key: "tag-fee", label: "收费" });
  if (t.accessible) tags.push({ key: "tag-accessible", label: "无障碍" });
  if (t.babyCare) tags.push({ key: "tag-baby-care", label: "母婴室" });
  if (t.thirdToilet) tags.push({ key: "tag-third-toilet", label: "第三卫生间" });
  return tags;
}

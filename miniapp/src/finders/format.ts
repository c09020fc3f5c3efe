import type { OpenState, ToiletSummary } from "@civic/shared";

/* Distances are formatted the same everywhere (the map's scale bar too): the one helper lives in ui/. */
export { formatDistance } from "../ui/formatDistance";

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

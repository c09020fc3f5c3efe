import { sql } from "drizzle-orm";
import { guideAddedItems, guideSuggestions, users } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import { nameKey } from "../guide/guide.repo";
import { newId } from "../platform/ids";

/*
 * Demo data for the sorting guide: the items themselves ship in shared/src/guide; this adds what residents
 * send — a demo resident (dev-login openid demo-guide-resident) with pending suggestions for the admin page,
 * one the bureau accepted (so the guide carries one added item) and one it declined.
 */

export const DEMO_GUIDE_RESIDENT_OPENID = "demo-guide-resident";

const PENDING = [
  { name: "猫抓板", guessedClass: "recyclable", note: "瓦楞纸做的，有猫毛" },
  { name: "硅藻泥地垫", guessedClass: "other", note: "" },
  { name: "旧蒸笼", guessedClass: "unknown", note: "竹子编的，蒸过包子" },
  { name: "宠物尿袋", guessedClass: "other", note: "" },
] as const;

/** Seeds the guide's demo into a database without suggestions (runs once); returns how many were added. */
export async function seedDemoGuideIfEmpty(db: AppDb, atomic: AppDeps["atomic"], now: Date): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(guideSuggestions);
  if (Number(row?.n ?? 0) > 0) return 0;
  const at = now.toISOString();
  const earlier = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  await atomic([
    db
      .insert(users)
      .values({ id: newId(), openid: DEMO_GUIDE_RESIDENT_OPENID, nickname: "分类指南演示居民", createdAt: at })
      .onConflictDoNothing(),
  ]);
  const [resident] = await db.select({ id: users.id }).from(users).where(sql`${users.openid} = ${DEMO_GUIDE_RESIDENT_OPENID}`);
  if (!resident) return 0;
  const acceptedId = newId();
  const itemId = `add-${newId()}`;
  const base = { userId: resident.id, version: 1 };
  const pending = PENDING.map((p, i) => ({
    ...base,
    id: newId(),
    name: p.name,
    nameKey: nameKey(p.name),
    guessedClass: p.guessedClass,
    note: p.note,
    status: "pending" as const,
    createdAt: earlier(3 - i * 0.5),
  }));
  const resolved = [
    {
      ...base,
      id: acceptedId,
      name: "猫砂盆",
      nameKey: nameKey("猫砂盆"),
      guessedClass: "recyclable",
      note: "塑料的",
      status: "accepted" as const,
      itemId,
      resolutionId: newId(),
      resolvedAt: earlier(5),
      createdAt: earlier(7),
      version: 2,
    },
    {
      ...base,
      id: newId(),
      name: "装修剩下的水泥块",
      nameKey: nameKey("装修剩下的水泥块"),
      guessedClass: "other",
      note: "",
      status: "declined" as const,
      reason: "装修垃圾不属于生活垃圾，请投放至小区装修垃圾堆放点（指南已有“水泥”条目）",
      resolutionId: newId(),
      resolvedAt: earlier(4),
      createdAt: earlier(6),
      version: 2,
    },
  ];
  await atomic([
    db.insert(guideSuggestions).values([...pending, ...resolved]),
    db.insert(guideAddedItems).values({
      id: itemId,
      name: "猫砂盆",
      class: "recyclable",
      synonyms: JSON.stringify(["猫厕所", "宠物便盆"]),
      howTo: "倒净猫砂（猫砂投其他垃圾），冲洗晾干后投放",
      note: "硬塑料猫砂盆洗净后可回收；猫砂和粪便属于其他垃圾",
      suggestionId: acceptedId,
      createdBy: "seed",
      createdAt: earlier(5),
    }),
  ]);
  return pending.length + resolved.length;
}

import {
  addCityDays,
  cityClock,
  DEFAULT_CITY_ZONE,
  type MarketZoneInput,
  MarketZoneInput as ZoneSchema,
  type ZoneWindow,
} from "@civic/shared";
import { sql } from "drizzle-orm";
import { marketSuspensions, marketZones } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps, AtomicQuery } from "../deps";
import { zoneValues } from "../markets/markets.repo";
import { newId } from "../platform/ids";

/*
 * Demo night markets and vending zones in Suzhou (GCJ-02, drawn around plausible spots): night-economy
 * streets, weekend markets, a summer-only waterfront, morning markets and 便民疏导点 by wet markets and
 * neighbourhood centres. Some windows run past midnight; one zone has a suspension three days ahead.
 */

const ALL = [0, 1, 2, 3, 4, 5, 6];
const FRI_SAT = [4, 5];
const FRI_SUN = [4, 5, 6];
const WEEKEND = [5, 6];
const days = (weekdays: number[], open: string, close: string): ZoneWindow[] => weekdays.map((weekday) => ({ weekday, open, close }));

/** A rectangle from its south-west and north-east corners ([lng, lat]). */
const box = (w: number, s: number, e: number, n: number): MarketZoneInput["area"] => ({
  shape: "polygon",
  ring: [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
});
const circle = (lat: number, lng: number, radiusM: number): MarketZoneInput["area"] => ({ shape: "circle", center: { lat, lng }, radiusM });

const FOOD = ["小吃", "饮品", "文创", "手作"];
const PRODUCE = ["蔬菜", "水果", "水产", "早点"];
const NO_SMOKE = ["明火烧烤", "油炸烟熏", "活禽", "仿冒商品"];
const GUSU = { district: "姑苏区", managingUnit: "姑苏区城市管理局", contactPhone: "0512-65218345" };
const SIP = { district: "苏州工业园区", managingUnit: "苏州工业园区综合行政执法局", contactPhone: "0512-66681234" };

export const DEMO_ZONES: MarketZoneInput[] = [
  {
    ...GUSU,
    name: "石路夜市",
    kind: "night_market",
    area: {
      shape: "polygon",
      ring: [
        [120.5968, 31.3151],
        [120.5995, 31.3149],
        [120.6001, 31.3178],
        [120.5973, 31.3182],
        [120.5968, 31.3151],
      ],
    },
    address: "姑苏区石路步行街及广济南路段",
    street: "金阊街道",
    windows: [...days([0, 1, 2, 3, 6], "18:00", "23:00"), ...days(FRI_SAT, "18:00", "01:00")],
    goodsAllowed: FOOD,
    goodsForbidden: NO_SMOKE,
    stalls: 120,
    fees: "每摊每晚 30 元（含保洁）",
    vendorsRegister: true,
  },
  {
    ...GUSU,
    name: "双塔市集夜间档",
    kind: "night_market",
    area: circle(31.2986, 120.6352, 70),
    address: "姑苏区定慧寺巷 双塔市集",
    street: "双塔街道",
    windows: days(FRI_SUN, "17:30", "22:30"),
    goodsAllowed: ["文创", "咖啡", "小吃"],
    goodsForbidden: NO_SMOKE,
    stalls: 30,
    fees: "免费（须预约摊位）",
    vendorsRegister: true,
  },
  {
    ...SIP,
    name: "李公堤夜市",
    kind: "night_market",
    area: box(120.6818, 31.3015, 120.6898, 31.3045),
    address: "苏州工业园区李公堤二期",
    street: "金鸡湖街道",
    seasons: [{ start: "03-01", end: "11-30" }],
    windows: days(FRI_SUN, "18:00", "02:00"),
    goodsAllowed: FOOD,
    goodsForbidden: NO_SMOKE,
    stalls: 80,
    fees: "每摊每晚 50 元",
    vendorsRegister: true,
  },
  {
    ...GUSU,
    name: "观前街北便民疏导点",
    kind: "vending_point",
    area: circle(31.3108, 120.6236, 45),
    address: "姑苏区北局 人民商场北侧",
    street: "平江街道",
    windows: days(ALL, "19:00", "22:30"),
    goodsAllowed: ["小吃", "饰品", "手机配件"],
    goodsForbidden: NO_SMOKE,
    stalls: 20,
    fees: "免费",
    vendorsRegister: true,
  },
  {
    ...GUSU,
    name: "平江路夏夜集市",
    kind: "night_market",
    area: box(120.6298, 31.3125, 120.6318, 31.3185),
    address: "姑苏区平江路（干将路至白塔东路）",
    street: "平江街道",
    seasons: [{ start: "05-01", end: "10-07" }],
    windows: days(ALL, "18:30", "22:00"),
    goodsAllowed: ["文创", "手作", "饮品"],
    goodsForbidden: [...NO_SMOKE, "扩音叫卖"],
    stalls: 40,
    fees: "每摊每晚 20 元",
    vendorsRegister: true,
  },
  {
    ...GUSU,
    name: "山塘街夜市",
    kind: "night_market",
    area: {
      shape: "polygon",
      ring: [
        [120.5905, 31.3205],
        [120.5962, 31.3191],
        [120.5966, 31.3201],
        [120.5909, 31.3216],
        [120.5905, 31.3205],
      ],
    },
    address: "姑苏区山塘街（渡僧桥至星桥）",
    street: "金阊街道",
    windows: days(ALL, "17:00", "23:00"),
    goodsAllowed: FOOD,
    goodsForbidden: NO_SMOKE,
    stalls: 60,
    fees: "每摊每晚 30 元",
    vendorsRegister: true,
  },
  {
    ...GUSU,
    name: "十全街早市",
    kind: "morning_market",
    area: circle(31.2962, 120.6302, 60),
    address: "姑苏区十全街与凤凰街口",
    street: "双塔街道",
    windows: days(ALL, "05:30", "08:30"),
    goodsAllowed: PRODUCE,
    goodsForbidden: ["活禽", "野生动物"],
    stalls: 35,
    fees: "免费",
    vendorsRegister: false,
  },
  {
    ...GUSU,
    name: "南门菜场便民疏导点",
    kind: "vending_point",
    area: circle(31.2905, 120.6192, 50),
    address: "姑苏区人民路南门菜场西侧",
    street: "吴门桥街道",
    windows: [...days(ALL, "06:00", "09:00"), ...days(ALL, "17:00", "20:30")],
    goodsAllowed: PRODUCE,
    goodsForbidden: ["活禽"],
    stalls: 25,
    fees: "免费",
    vendorsRegister: true,
  },
  {
    ...SIP,
    name: "月光码头周末夜市",
    kind: "night_market",
    area: box(120.6882, 31.3138, 120.6925, 31.3162),
    address: "苏州工业园区月光码头",
    street: "金鸡湖街道",
    seasons: [{ start: "04-01", end: "10-31" }],
    windows: days(FRI_SAT, "18:30", "00:30"),
    goodsAllowed: FOOD,
    goodsForbidden: NO_SMOKE,
    stalls: 50,
    fees: "每摊每晚 40 元",
    vendorsRegister: true,
  },
  {
    name: "狮山路夜市",
    kind: "night_market",
    district: "虎丘区",
    managingUnit: "苏州高新区综合行政执法局",
    contactPhone: "0512-68751234",
    area: box(120.5685, 31.2948, 120.5725, 31.2968),
    address: "虎丘区狮山路 绿宝广场东侧",
    street: "狮山街道",
    windows: days(ALL, "18:00", "24:00"),
    goodsAllowed: FOOD,
    goodsForbidden: NO_SMOKE,
    stalls: 45,
    fees: "每摊每晚 25 元",
    vendorsRegister: true,
  },
  {
    name: "木渎古镇周末集市",
    kind: "night_market",
    district: "吴中区",
    managingUnit: "吴中区木渎镇综合执法局",
    contactPhone: "0512-66261234",
    area: circle(31.2628, 120.5208, 90),
    address: "吴中区木渎镇山塘街",
    street: "木渎镇",
    windows: days(WEEKEND, "18:00", "22:00"),
    goodsAllowed: ["文创", "小吃", "手作"],
    goodsForbidden: NO_SMOKE,
    stalls: 36,
    fees: "免费",
    vendorsRegister: true,
  },
  {
    name: "太湖新城夜市",
    kind: "night_market",
    district: "吴江区",
    managingUnit: "吴江区综合行政执法局",
    contactPhone: "0512-63421234",
    area: box(120.6418, 31.1605, 120.6462, 31.1628),
    address: "吴江区松陵 吾悦广场南侧",
    street: "松陵街道",
    windows: days(FRI_SUN, "18:00", "01:00"),
    goodsAllowed: FOOD,
    goodsForbidden: NO_SMOKE,
    stalls: 70,
    fees: "每摊每晚 30 元",
    vendorsRegister: true,
  },
  {
    name: "元和便民疏导点",
    kind: "vending_point",
    district: "相城区",
    managingUnit: "相城区元和街道综合执法局",
    contactPhone: "0512-65761234",
    area: circle(31.3728, 120.6408, 50),
    address: "相城区元和 活力岛菜场北侧",
    street: "元和街道",
    windows: days(ALL, "17:00", "21:30"),
    goodsAllowed: PRODUCE,
    goodsForbidden: ["活禽"],
    stalls: 18,
    fees: "免费",
    vendorsRegister: true,
  },
  {
    ...SIP,
    name: "湖东邻里中心便民疏导点",
    kind: "vending_point",
    area: circle(31.3205, 120.7048, 40),
    address: "苏州工业园区湖东邻里中心西侧",
    street: "金鸡湖街道",
    windows: [...days(ALL, "06:00", "09:00"), ...days(ALL, "16:30", "20:30")],
    goodsAllowed: PRODUCE,
    goodsForbidden: ["活禽"],
    stalls: 16,
    fees: "免费",
    vendorsRegister: true,
  },
  {
    ...GUSU,
    name: "娄门早市",
    kind: "morning_market",
    area: circle(31.3182, 120.6452, 55),
    address: "姑苏区娄门路东环路口",
    street: "平江街道",
    windows: days(ALL, "05:00", "08:00"),
    goodsAllowed: PRODUCE,
    goodsForbidden: ["活禽", "野生动物"],
    stalls: 30,
    fees: "免费",
    vendorsRegister: false,
  },
];

/** The demo zones, if there are none yet, and a suspension of 石路夜市 three days ahead; returns how many zones. */
export async function seedDemoMarketsIfEmpty(db: AppDb, atomic: AppDeps["atomic"], now: Date): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(marketZones);
  if (Number(row?.n ?? 0) > 0) return 0;
  const at = now.toISOString();
  const rows = DEMO_ZONES.map((z) => ({
    id: newId(),
    ...zoneValues(ZoneSchema.parse(z)),
    version: 1,
    active: true,
    createdAt: at,
    updatedAt: at,
  }));
  const shilu = rows[0];
  const statements: AtomicQuery[] = [db.insert(marketZones).values(rows)];
  if (shilu) {
    const date = addCityDays(cityClock(now, DEFAULT_CITY_ZONE).date, 3);
    statements.push(
      db
        .insert(marketSuspensions)
        .values({ id: newId(), zoneId: shilu.id, date, reason: "石路商圈跨年活动交通管制", createdBy: null, createdAt: at }),
    );
  }
  await atomic(statements);
  return rows.length;
}

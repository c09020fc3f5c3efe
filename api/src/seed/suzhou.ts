import { type CityDistrict, DEFAULT_CITY, districtByCode, streetsOf } from "@civic/shared";

/*
 * How the demo data spreads over the configured city (shared/src/city, the one list of districts and
 * streets): per district, where its demo toilets and cases cluster, how far they spread, their relative
 * share, and real road names to make addresses plausible. Names, codes and streets come from the city.
 */
interface DemoSpread {
  code: string;
  centre: { lat: number; lng: number };
  spreadKm: number;
  weight: number;
  roads: string[];
}

export interface DemoArea extends DemoSpread {
  /** The official name from the configured city. */
  district: string;
  city: CityDistrict;
  streets: string[];
}

// The urban districts come first: the demo reports use the first six.
const SPREADS: DemoSpread[] = [
  // 姑苏区
  {
    code: "320508",
    centre: { lat: 31.3085, lng: 120.6195 },
    spreadKm: 3.2,
    weight: 18,
    roads: [
      "观前街",
      "人民路",
      "干将路",
      "十全街",
      "平江路",
      "山塘街",
      "石路",
      "凤凰街",
      "临顿路",
      "景德路",
      "东中市",
      "南门路",
      "养育巷",
      "十梓街",
    ],
  },
  // 苏州工业园区
  {
    code: "320571",
    centre: { lat: 31.3165, lng: 120.7235 },
    spreadKm: 6,
    weight: 16,
    roads: ["现代大道", "星湖街", "金鸡湖大道", "苏州大道东", "旺墩路", "星海街", "钟园路", "东环路", "湖东路", "唯亭大道"],
  },
  // 虎丘区
  {
    code: "320505",
    centre: { lat: 31.2985, lng: 120.5455 },
    spreadKm: 6,
    weight: 11,
    roads: ["狮山路", "长江路", "玉山路", "金山路", "竹园路", "何山路", "滨河路", "运河路", "塔园路"],
  },
  // 吴中区
  {
    code: "320506",
    centre: { lat: 31.2625, lng: 120.6315 },
    spreadKm: 8,
    weight: 13,
    roads: ["东吴北路", "宝带西路", "吴中大道", "苏蠡路", "越湖路", "金枫路", "天鹅荡路", "尹山湖路"],
  },
  // 相城区
  {
    code: "320507",
    centre: { lat: 31.3695, lng: 120.6415 },
    spreadKm: 7,
    weight: 10,
    roads: ["相城大道", "华元路", "阳澄湖西路", "御窑路", "嘉元路", "齐门北大街", "人民路北延"],
  },
  // 吴江区
  {
    code: "320509",
    centre: { lat: 31.1385, lng: 120.6455 },
    spreadKm: 8,
    weight: 10,
    roads: ["中山南路", "鲈乡北路", "开平路", "仲英大道", "油车路", "长安路", "笠泽路"],
  },
  // 常熟市
  {
    code: "320581",
    centre: { lat: 31.6545, lng: 120.7525 },
    spreadKm: 6,
    weight: 7,
    roads: ["海虞北路", "青墩塘路", "黄河路", "枫林路", "琴川路", "世纪大道"],
  },
  // 张家港市
  {
    code: "320582",
    centre: { lat: 31.8755, lng: 120.5565 },
    spreadKm: 6,
    weight: 5,
    roads: ["人民中路", "长安南路", "港城大道", "暨阳中路", "沙洲中路"],
  },
  // 昆山市
  {
    code: "320583",
    centre: { lat: 31.3855, lng: 120.9805 },
    spreadKm: 7,
    weight: 7,
    roads: ["前进中路", "人民南路", "萧林路", "柏庐南路", "马鞍山路", "祖冲之路", "长江北路"],
  },
  // 太仓市
  {
    code: "320585",
    centre: { lat: 31.4575, lng: 121.1305 },
    spreadKm: 5,
    weight: 3,
    roads: ["上海东路", "县府街", "常胜南路", "郑和中路", "人民南路"],
  },
];

export const SUZHOU_AREAS: DemoArea[] = SPREADS.map((spread) => {
  const city = districtByCode(DEFAULT_CITY, spread.code);
  if (!city) throw new Error(`demo area ${spread.code} is not a district of the configured city`);
  return { ...spread, district: city.name, city, streets: streetsOf(DEFAULT_CITY, spread.code).map((s) => s.name) };
});

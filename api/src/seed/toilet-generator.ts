import { everyDay, type OpeningHours, type ToiletKind, type ToiletRecordInput } from "@civic/shared";
import { pick, placeIn, prng, type Rand, weighted } from "./random";
import { SUZHOU_AREAS } from "./suzhou";

const KIND_WEIGHTS: readonly (readonly [ToiletKind, number])[] = [
  ["municipal", 55],
  ["alliance", 15],
  ["mall", 8],
  ["transport", 5],
  ["park", 8],
  ["scenic", 4],
  ["hospital", 3],
  ["other", 2],
];

const ALLIANCE_BRANDS = [
  "中国银行",
  "工商银行",
  "肯德基",
  "麦当劳",
  "中国石化加油站",
  "中国石油加油站",
  "便利蜂",
  "全家便利店",
  "星巴克",
  "邮政储蓄银行",
];
const MALLS = ["印象城", "龙湖天街", "万达广场", "苏州中心", "久光百货", "石路国际商城", "吾悦广场", "大悦城"];
const TRANSPORT = ["公交枢纽站", "地铁站", "长途汽车站", "火车站"];
const PARKS = ["公园", "滨河公园", "口袋公园", "湿地公园"];
const SCENIC = ["游客中心", "景区东门", "景区南门"];
const HOSPITALS = ["人民医院", "中医医院", "社区卫生服务中心"];

function hoursFor(kind: ToiletKind, rand: Rand): OpeningHours {
  const r = rand();
  switch (kind) {
    case "municipal":
      if (r < 0.45) return { kind: "always" };
      if (r < 0.75) return everyDay({ open: "05:30", close: "23:00" });
      if (r < 0.9) return everyDay({ open: "06:00", close: "22:00" });
      return { kind: "unknown" };
    case "alliance": {
      if (r < 0.3) return { kind: "always" };
      const week = everyDay({ open: "09:00", close: "21:00" });
      if (r < 0.6 && week.kind === "weekly") {
        week.days[5] = [];
        week.days[6] = [];
      }
      return r < 0.9 ? week : { kind: "unknown" };
    }
    case "mall":
      return everyDay({ open: "10:00", close: "22:00" });
    case "transport":
      return r < 0.5 ? everyDay({ open: "05:30", close: "01:00" }) : { kind: "always" };
    case "park":
      return r < 0.7 ? everyDay({ open: "06:00", close: "18:00" }) : everyDay({ open: "05:30", close: "21:30" });
    case "scenic": {
      const h = everyDay({ open: "08:00", close: "17:30" });
      if (r < 0.3 && h.kind === "weekly") h.days[0] = [];
      return h;
    }
    case "hospital":
      return { kind: "always" };
    default:
      return r < 0.5 ? { kind: "unknown" } : everyDay({ open: "07:00", close: "19:00" });
  }
}

function nameFor(kind: ToiletKind, road: string, n: number, rand: Rand): { name: string; unit: string } {
  switch (kind) {
    case "municipal":
      return { name: `${road}${n}号公厕`, unit: "" };
    case "alliance": {
      const brand = pick(rand, ALLIANCE_BRANDS);
      return { name: `${brand}（${road}店）`, unit: brand };
    }
    case "mall": {
      const mall = pick(rand, MALLS);
      return { name: `${mall}${1 + Math.floor(rand() * 4)}楼卫生间`, unit: `${mall}物业管理处` };
    }
    case "transport": {
      const hub = pick(rand, TRANSPORT);
      return { name: `${road}${hub}公厕`, unit: "市公共交通有限公司" };
    }
    case "park": {
      const park = `${road.replace(/[路街道巷]+$/, "")}${pick(rand, PARKS)}`;
      return { name: `${park}公厕`, unit: `${park}管理处` };
    }
    case "scenic": {
      const spot = `${road.replace(/[路街道巷]+$/, "")}${pick(rand, SCENIC)}`;
      return { name: `${spot}公厕`, unit: "景区管理委员会" };
    }
    case "hospital": {
      const h = pick(rand, HOSPITALS);
      return { name: `${road}${h}门诊楼卫生间`, unit: h };
    }
    default:
      return { name: `${road}${n}号便民厕所`, unit: "" };
  }
}

export interface GeneratorOptions {
  /**
   * Widens every area (1 = the demo city). The benchmark's 100,000 toilets use a wider spread so the
   * density stays within an order of magnitude of a real city instead of one toilet every 40 m.
   */
  spreadScale?: number;
}

/** `count` plausible Suzhou toilets; identical for the same seed and options. */
export function generateDemoToilets(count: number, seed = 20261126, options: GeneratorOptions = {}): ToiletRecordInput[] {
  const rand = prng(seed);
  const spreadScale = options.spreadScale ?? 1;
  const areaWeights = SUZHOU_AREAS.map((a) => [a, a.weight] as const);
  const out: ToiletRecordInput[] = [];
  for (let i = 0; i < count; i++) {
    const area = weighted(rand, areaWeights);
    const kind = weighted(rand, KIND_WEIGHTS);
    const road = pick(rand, area.roads);
    const number = 1 + Math.floor(rand() * 400);
    const { name, unit } = nameFor(kind, road, number, rand);
    const { point, district, street } = placeIn(area, rand, spreadScale);
    const paid = kind === "scenic" ? rand() < 0.3 : rand() < 0.02;
    const municipalish = kind === "municipal" || kind === "transport" || kind === "park" || kind === "scenic";
    const month = 1 + Math.floor(rand() * 11);
    const day = 1 + Math.floor(rand() * 28);
    out.push({
      name,
      address: `${district.name}${road}${number}号`,
      district: district.name,
      street,
      lat: point.lat,
      lng: point.lng,
      kind,
      hours: hoursFor(kind, rand),
      free: !paid,
      feeNote: paid ? "每次1元" : null,
      accessible: rand() < (municipalish || kind === "mall" || kind === "hospital" ? 0.7 : 0.3),
      thirdToilet: rand() < (municipalish ? 0.25 : kind === "mall" ? 0.6 : 0.05),
      babyCare: rand() < (kind === "mall" ? 0.8 : kind === "transport" ? 0.5 : 0.15),
      stalls: kind === "alliance" ? 1 + Math.floor(rand() * 2) : 4 + Math.floor(rand() * 24),
      managingUnit: unit || `${district.name}城市管理局环境卫生管理所`,
      lastVerified: `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      sourceRef: `demo-${seed}-${i}`,
    });
  }
  return out;
}

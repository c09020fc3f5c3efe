import type { CityNames } from "./schema";

/*
 * Suzhou (苏州市, 320500): its districts with official names and administrative codes, and a good set of
 * the streets (街道) and towns (镇) in each. Centres are GCJ-02 and approximate (a few hundred metres):
 * for a district, a central point of its built-up area; for a street, roughly its seat. Streets are
 * resolved as the nearest street centre inside the district, so moving a centre moves its cell.
 */
const district = (
  code: string,
  name: string,
  slug: string,
  kind: CityNames["districts"][number]["kind"],
  lat: number,
  lng: number,
  extra: { shortName?: string; alsoKnownAs?: string } = {},
): CityNames["districts"][number] => ({ code, name, ...extra, slug, kind, centre: { lat, lng } });

/** [name, lat, lng] per street, grouped by district code. */
const STREETS: Record<string, [string, number, number][]> = {
  "320508": [
    ["平江街道", 31.32, 120.63],
    ["沧浪街道", 31.292, 120.615],
    ["双塔街道", 31.3, 120.638],
    ["金阊街道", 31.318, 120.598],
    ["虎丘街道", 31.335, 120.585],
    ["白洋湾街道", 31.348, 120.598],
    ["吴门桥街道", 31.283, 120.625],
    ["苏锦街道", 31.345, 120.625],
  ],
  "320571": [
    ["娄葑街道", 31.3, 120.68],
    ["斜塘街道", 31.285, 120.73],
    ["唯亭街道", 31.385, 120.79],
    ["胜浦街道", 31.31, 120.83],
    ["金鸡湖街道", 31.32, 120.71],
  ],
  "320505": [
    ["狮山街道", 31.3, 120.55],
    ["枫桥街道", 31.322, 120.55],
    ["横塘街道", 31.285, 120.578],
    ["浒墅关镇", 31.385, 120.48],
    ["通安镇", 31.34, 120.44],
    ["东渚街道", 31.31, 120.4],
    ["镇湖街道", 31.27, 120.37],
  ],
  "320506": [
    ["长桥街道", 31.262, 120.625],
    ["城南街道", 31.25, 120.645],
    ["越溪街道", 31.23, 120.6],
    ["郭巷街道", 31.245, 120.675],
    ["横泾街道", 31.175, 120.575],
    ["木渎镇", 31.262, 120.51],
    ["甪直镇", 31.262, 120.86],
    ["胥口镇", 31.225, 120.48],
    ["光福镇", 31.275, 120.44],
    ["临湖镇", 31.14, 120.49],
    ["东山镇", 31.07, 120.4],
    ["金庭镇", 31.12, 120.28],
  ],
  "320507": [
    ["元和街道", 31.375, 120.645],
    ["澄阳街道", 31.395, 120.625],
    ["北河泾街道", 31.4, 120.665],
    ["黄桥街道", 31.39, 120.58],
    ["太平街道", 31.45, 120.68],
    ["漕湖街道", 31.45, 120.53],
    ["北桥街道", 31.48, 120.6],
    ["渭塘镇", 31.43, 120.62],
    ["望亭镇", 31.45, 120.43],
    ["阳澄湖镇", 31.45, 120.77],
  ],
  "320509": [
    ["松陵街道", 31.16, 120.645],
    ["江陵街道", 31.13, 120.665],
    ["八坼街道", 31.1, 120.65],
    ["横扇街道", 31.06, 120.57],
    ["同里镇", 31.155, 120.72],
    ["平望镇", 30.97, 120.64],
    ["盛泽镇", 30.91, 120.65],
    ["震泽镇", 30.92, 120.5],
    ["七都镇", 30.96, 120.41],
    ["桃源镇", 30.82, 120.55],
    ["黎里镇", 30.95, 120.8],
  ],
  "320581": [
    ["虞山街道", 31.665, 120.74],
    ["琴川街道", 31.652, 120.76],
    ["常福街道", 31.635, 120.775],
    ["莫城街道", 31.69, 120.72],
    ["东南街道", 31.62, 120.8],
    ["碧溪街道", 31.74, 120.88],
    ["梅李镇", 31.7, 120.86],
    ["海虞镇", 31.76, 120.8],
    ["古里镇", 31.62, 120.85],
    ["沙家浜镇", 31.56, 120.8],
    ["支塘镇", 31.57, 120.9],
    ["董浜镇", 31.68, 120.93],
    ["尚湖镇", 31.6, 120.65],
    ["辛庄镇", 31.56, 120.7],
  ],
  "320582": [
    ["杨舍镇", 31.87, 120.55],
    ["塘桥镇", 31.83, 120.63],
    ["金港街道", 31.95, 120.45],
    ["锦丰镇", 31.92, 120.64],
    ["乐余镇", 31.88, 120.72],
    ["南丰镇", 31.86, 120.76],
    ["凤凰镇", 31.76, 120.61],
    ["大新镇", 31.95, 120.56],
  ],
  "320583": [
    ["玉山镇", 31.385, 120.975],
    ["巴城镇", 31.45, 120.88],
    ["周市镇", 31.45, 120.99],
    ["陆家镇", 31.32, 121.03],
    ["花桥镇", 31.3, 121.09],
    ["张浦镇", 31.28, 120.95],
    ["千灯镇", 31.26, 120.99],
    ["淀山湖镇", 31.17, 121.03],
    ["周庄镇", 31.115, 120.845],
    ["锦溪镇", 31.18, 120.9],
  ],
  "320585": [
    ["城厢镇", 31.45, 121.1],
    ["娄东街道", 31.46, 121.13],
    ["陆渡街道", 31.48, 121.16],
    ["浮桥镇", 31.6, 121.15],
    ["沙溪镇", 31.56, 121.05],
    ["浏河镇", 31.51, 121.27],
    ["璜泾镇", 31.66, 121.1],
    ["双凤镇", 31.53, 121.0],
  ],
};

export const SUZHOU_NAMES: CityNames = {
  id: "suzhou",
  name: "苏州市",
  code: "320500",
  // The order pickers show: the urban districts first, then the county-level cities.
  districts: [
    district("320508", "姑苏区", "gusu", "district", 31.3017, 120.62),
    // 320571 is the code in common use (statistics, postcodes of services); the zone is not a statutory
    // division: it is a functional zone that the city administers like a district.
    district("320571", "苏州工业园区", "yuanqu", "functional-zone", 31.314, 120.717, { shortName: "工业园区" }),
    district("320506", "吴中区", "wuzhong", "district", 31.27, 120.63),
    district("320507", "相城区", "xiangcheng", "district", 31.369, 120.642),
    district("320505", "虎丘区", "huqiu", "district", 31.296, 120.566, { alsoKnownAs: "苏州高新区" }),
    district("320509", "吴江区", "wujiang", "district", 31.138, 120.646),
    district("320581", "常熟市", "changshu", "county-city", 31.6545, 120.7525),
    district("320582", "张家港市", "zhangjiagang", "county-city", 31.8755, 120.5565),
    district("320583", "昆山市", "kunshan", "county-city", 31.3855, 120.9805),
    district("320585", "太仓市", "taicang", "county-city", 31.4575, 121.1305),
  ],
  streets: Object.entries(STREETS).flatMap(([districtCode, rows]) =>
    rows.map(([name, lat, lng]) => ({ name, districtCode, centre: { lat, lng } })),
  ),
};

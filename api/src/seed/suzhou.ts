/**
 * Suzhou's districts for the demo data: approximate GCJ-02 centres of built-up areas, how far toilets
 * spread around each, their relative share, and real street/road names to make addresses plausible.
 */
export interface DemoArea {
  district: string;
  centre: { lat: number; lng: number };
  spreadKm: number;
  weight: number;
  streets: string[];
  roads: string[];
}

export const SUZHOU_AREAS: DemoArea[] = [
  {
    district: "姑苏区",
    centre: { lat: 31.3085, lng: 120.6195 },
    spreadKm: 3.2,
    weight: 18,
    streets: ["平江街道", "双塔街道", "金阊街道", "沧浪街道", "苏锦街道", "虎丘街道", "吴门桥街道", "白洋湾街道"],
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
  {
    district: "苏州工业园区",
    centre: { lat: 31.3165, lng: 120.7235 },
    spreadKm: 6,
    weight: 16,
    streets: ["娄葑街道", "斜塘街道", "唯亭街道", "胜浦街道", "金鸡湖街道"],
    roads: ["现代大道", "星湖街", "金鸡湖大道", "苏州大道东", "旺墩路", "星海街", "钟园路", "东环路", "湖东路", "唯亭大道"],
  },
  {
    district: "虎丘区",
    centre: { lat: 31.2985, lng: 120.5455 },
    spreadKm: 6,
    weight: 11,
    streets: ["狮山街道", "枫桥街道", "横塘街道", "浒墅关镇", "通安镇"],
    roads: ["狮山路", "长江路", "玉山路", "金山路", "竹园路", "何山路", "滨河路", "运河路", "塔园路"],
  },
  {
    district: "吴中区",
    centre: { lat: 31.2625, lng: 120.6315 },
    spreadKm: 8,
    weight: 13,
    streets: ["长桥街道", "越溪街道", "郭巷街道", "横泾街道", "木渎镇", "甪直镇", "胥口镇"],
    roads: ["东吴北路", "宝带西路", "吴中大道", "苏蠡路", "越湖路", "金枫路", "天鹅荡路", "尹山湖路"],
  },
  {
    district: "相城区",
    centre: { lat: 31.3695, lng: 120.6415 },
    spreadKm: 7,
    weight: 10,
    streets: ["元和街道", "太平街道", "黄桥街道", "北河泾街道", "漕湖街道", "望亭镇", "阳澄湖镇"],
    roads: ["相城大道", "华元路", "阳澄湖西路", "御窑路", "嘉元路", "齐门北大街", "人民路北延"],
  },
  {
    district: "吴江区",
    centre: { lat: 31.1385, lng: 120.6455 },
    spreadKm: 8,
    weight: 10,
    streets: ["松陵街道", "江城街道", "横扇街道", "同里镇", "盛泽镇", "黎里镇", "平望镇"],
    roads: ["中山南路", "鲈乡北路", "开平路", "仲英大道", "油车路", "长安路", "笠泽路"],
  },
  {
    district: "常熟市",
    centre: { lat: 31.6545, lng: 120.7525 },
    spreadKm: 6,
    weight: 7,
    streets: ["虞山街道", "琴川街道", "常福街道", "莫城街道", "碧溪街道"],
    roads: ["海虞北路", "青墩塘路", "黄河路", "枫林路", "琴川路", "世纪大道"],
  },
  {
    district: "张家港市",
    centre: { lat: 31.8755, lng: 120.5565 },
    spreadKm: 6,
    weight: 5,
    streets: ["杨舍镇", "金港街道", "塘桥镇", "锦丰镇"],
    roads: ["人民中路", "长安南路", "港城大道", "暨阳中路", "沙洲中路"],
  },
  {
    district: "昆山市",
    centre: { lat: 31.3855, lng: 120.9805 },
    spreadKm: 7,
    weight: 7,
    streets: ["玉山镇", "亭林街道", "开发区", "花桥镇", "周庄镇", "千灯镇"],
    roads: ["前进中路", "人民南路", "萧林路", "柏庐南路", "马鞍山路", "祖冲之路", "长江北路"],
  },
  {
    district: "太仓市",
    centre: { lat: 31.4575, lng: 121.1305 },
    spreadKm: 5,
    weight: 3,
    streets: ["城厢镇", "娄东街道", "浮桥镇", "沙溪镇"],
    roads: ["上海东路", "县府街", "常胜南路", "郑和中路", "人民南路"],
  },
];

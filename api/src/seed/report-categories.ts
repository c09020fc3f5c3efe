import type { CategoryInput } from "@civic/shared";
import { SYSTEM_CATEGORIES } from "../reports/bureau-cases";

/*
 * The demo city's report categories, after the digital city-management event/component classes. SLA
 * hours run from 立案 to 结案; departments are the bureau's units a case is dispatched to by default.
 */
const BRANDS = [
  { key: "hellobike", name: "哈啰" },
  { key: "meituan", name: "美团" },
  { key: "qingju", name: "青桔" },
  { key: "other", name: "其他" },
];

const CATEGORIES: CategoryInput[] = [
  // 市容环境
  {
    code: "exposed_garbage",
    name: "暴露垃圾",
    group: "city_appearance",
    department: "环境卫生管理处",
    slaHours: 24,
    keywords: ["垃圾", "乱扔"],
  },
  {
    code: "overflowing_bin",
    name: "垃圾桶满溢",
    group: "city_appearance",
    department: "环境卫生管理处",
    slaHours: 12,
    keywords: ["垃圾桶", "满了"],
  },
  {
    code: "construction_waste",
    name: "渣土乱倒",
    group: "city_appearance",
    department: "渣土管理处",
    slaHours: 48,
    keywords: ["建筑垃圾", "渣土"],
  },
  { code: "dirty_road", name: "道路不洁", group: "city_appearance", department: "环境卫生管理处", slaHours: 24, keywords: ["脏", "油污"] },
  {
    code: "dumped_bulky_waste",
    name: "大件垃圾乱堆",
    group: "city_appearance",
    department: "环境卫生管理处",
    slaHours: 48,
    keywords: ["沙发", "家具", "床垫"],
  },
  // 街面秩序
  { code: "street_vending", name: "占道经营", group: "street_order", department: "城管执法中队", slaHours: 4, keywords: ["摆摊", "占道"] },
  { code: "outside_store", name: "店外经营", group: "street_order", department: "城管执法中队", slaHours: 24, keywords: ["出店", "门口"] },
  { code: "mobile_vendor", name: "流动摊贩", group: "street_order", department: "城管执法中队", slaHours: 4, keywords: ["小贩", "三轮车"] },
  { code: "open_air_bbq", name: "露天烧烤", group: "street_order", department: "城管执法中队", slaHours: 4, keywords: ["烧烤", "油烟"] },
  // 宣传广告
  {
    code: "illegal_posters",
    name: "牛皮癣小广告",
    group: "advertising",
    department: "市容管理科",
    slaHours: 24,
    keywords: ["牛皮癣", "小广告", "张贴"],
  },
  { code: "illegal_banner", name: "违规横幅", group: "advertising", department: "市容管理科", slaHours: 24, keywords: ["横幅", "条幅"] },
  {
    code: "damaged_billboard",
    name: "广告牌破损",
    group: "advertising",
    department: "市容管理科",
    slaHours: 48,
    keywords: ["招牌", "广告牌", "脱落"],
    attributes: [
      {
        code: "danger",
        label: "是否有坠落危险",
        datatype: "singlevaluelist",
        required: true,
        values: [
          { key: "yes", name: "有" },
          { key: "no", name: "没有" },
        ],
      },
    ],
  },
  { code: "graffiti", name: "乱涂乱画", group: "advertising", department: "市容管理科", slaHours: 48, keywords: ["涂鸦", "喷涂"] },
  // 施工管理
  {
    code: "illegal_construction",
    name: "违法建设",
    group: "construction",
    department: "违法建设治理大队",
    slaHours: 72,
    keywords: ["违建", "搭建", "加盖"],
    attributes: [
      {
        code: "building_kind",
        label: "搭建类型",
        datatype: "singlevaluelist",
        required: true,
        values: [
          { key: "rooftop", name: "屋顶加层" },
          { key: "yard", name: "院内搭建" },
          { key: "balcony", name: "阳台外扩" },
          { key: "other", name: "其他" },
        ],
      },
      {
        code: "in_progress",
        label: "是否正在施工",
        datatype: "singlevaluelist",
        required: false,
        values: [
          { key: "yes", name: "是" },
          { key: "no", name: "否" },
        ],
      },
    ],
  },
  {
    code: "construction_noise",
    name: "夜间施工噪音",
    group: "construction",
    department: "城管执法中队",
    slaHours: 4,
    keywords: ["噪音", "施工", "夜间"],
  },
  {
    code: "site_dust",
    name: "工地扬尘",
    group: "construction",
    department: "渣土管理处",
    slaHours: 24,
    keywords: ["扬尘", "灰尘", "工地"],
  },
  {
    code: "road_excavation",
    name: "违规占掘道路",
    group: "construction",
    department: "市政设施管理处",
    slaHours: 48,
    keywords: ["挖路", "占道施工"],
  },
  // 公用设施
  {
    code: "street_light",
    name: "路灯不亮",
    group: "public_facilities",
    department: "路灯管理所",
    slaHours: 48,
    keywords: ["路灯", "不亮", "灯杆"],
    attributes: [
      { code: "pole_number", label: "灯杆编号", datatype: "string", required: false, hint: "灯杆上喷涂的编号，如 GS-0132" },
      {
        code: "fault",
        label: "故障情况",
        datatype: "singlevaluelist",
        required: true,
        values: [
          { key: "off", name: "不亮" },
          { key: "flicker", name: "闪烁" },
          { key: "daytime_on", name: "白天常亮" },
          { key: "damaged", name: "灯杆损坏" },
        ],
      },
    ],
  },
  {
    code: "manhole_cover",
    name: "井盖缺失破损",
    group: "public_facilities",
    department: "市政设施管理处",
    slaHours: 4,
    keywords: ["井盖", "下水道"],
    attributes: [
      {
        code: "cover_state",
        label: "井盖情况",
        datatype: "singlevaluelist",
        required: true,
        values: [
          { key: "missing", name: "缺失" },
          { key: "broken", name: "破损" },
          { key: "sunken", name: "下沉/松动" },
        ],
      },
    ],
  },
  {
    code: "damaged_bin",
    name: "垃圾桶破损",
    group: "public_facilities",
    department: "环境卫生管理处",
    slaHours: 48,
    keywords: ["垃圾桶", "坏了"],
  },
  {
    code: "toilet_facility",
    name: "公厕设施损坏",
    group: "public_facilities",
    department: "环境卫生管理处",
    slaHours: 24,
    keywords: ["厕所", "公厕"],
  },
  {
    code: "fire_hydrant",
    name: "消防栓损坏",
    group: "public_facilities",
    department: "市政设施管理处",
    slaHours: 24,
    keywords: ["消防栓", "漏水"],
  },
  {
    code: "bench_damaged",
    name: "座椅设施损坏",
    group: "public_facilities",
    department: "市政设施管理处",
    slaHours: 72,
    keywords: ["座椅", "长椅"],
  },
  // 交通设施
  {
    code: "shared_bike",
    name: "共享单车乱停放",
    group: "traffic_facilities",
    department: "非机动车管理科",
    slaHours: 12,
    keywords: ["单车", "电动车", "乱停"],
    attributes: [
      { code: "brand", label: "品牌", datatype: "multivaluelist", required: false, values: BRANDS },
      { code: "count", label: "大约数量（辆）", datatype: "number", required: false },
    ],
  },
  {
    code: "damaged_guardrail",
    name: "护栏损坏",
    group: "traffic_facilities",
    department: "市政设施管理处",
    slaHours: 48,
    keywords: ["护栏", "隔离栏"],
  },
  {
    code: "road_sign",
    name: "交通标志损坏",
    group: "traffic_facilities",
    department: "市政设施管理处",
    slaHours: 48,
    keywords: ["标志", "指示牌"],
  },
  {
    code: "bus_shelter",
    name: "候车亭损坏",
    group: "traffic_facilities",
    department: "市政设施管理处",
    slaHours: 72,
    keywords: ["公交站", "候车亭"],
  },
  // 园林绿化
  {
    code: "damaged_greenery",
    name: "绿地毁坏",
    group: "greenery",
    department: "园林绿化管理处",
    slaHours: 72,
    keywords: ["绿地", "踩踏", "草坪"],
  },
  { code: "fallen_tree", name: "树木倒伏", group: "greenery", department: "园林绿化管理处", slaHours: 4, keywords: ["倒树", "断枝"] },
  { code: "dead_tree", name: "枯死树木", group: "greenery", department: "园林绿化管理处", slaHours: 168, keywords: ["枯树"] },
  {
    code: "overgrown_plants",
    name: "绿化遮挡",
    group: "greenery",
    department: "园林绿化管理处",
    slaHours: 168,
    keywords: ["遮挡", "修剪"],
  },
  // 其他
  { code: "other", name: "其他问题", group: "other", department: "数字城管指挥中心", slaHours: 72, keywords: ["其他"] },
];

// The system's own categories (cases other domains open, e.g. 大件垃圾未收运) are seeded with the rest.
export const DEMO_CATEGORIES: CategoryInput[] = [...CATEGORIES, ...SYSTEM_CATEGORIES].map((c, i) => ({ ...c, sortOrder: (i + 1) * 10 }));

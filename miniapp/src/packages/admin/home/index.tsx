import { Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { FORBIDDEN_MESSAGE, isAdmin } from "../access";
import "../admin.css";
import * as routes from "../routes";

// The bureau's pickups pages live in their own subpackage (packages/pickups-admin); their URLs only.
const PICKUP_ITEMS_PAGE = "/packages/pickups-admin/items/index";
const PICKUP_SLOTS_PAGE = "/packages/pickups-admin/slots/index";
const PICKUP_BLACKOUTS_PAGE = "/packages/pickups-admin/blackouts/index";
const PICKUP_COLLECTORS_PAGE = "/packages/pickups-admin/collectors/index";
const PICKUP_OVERVIEW_PAGE = "/packages/pickups-admin/overview/index";
// Recycling points' settings (packages/points-admin).
const POINTS_RATES_PAGE = "/packages/points-admin/rates/index";
const POINTS_CAPS_PAGE = "/packages/points-admin/caps/index";
const POINTS_FLAGS_PAGE = "/packages/points-admin/flags/index";
const REWARDS_ADMIN_PAGE = "/packages/rewards-admin/list/index";
const REWARDS_DESK_PAGE = "/packages/rewards-admin/desk/index";
// 星级小区 (packages/communities-admin).
const COMMUNITIES_PAGE = "/packages/communities-admin/communities/index";
const COMMUNITY_MONTH_PAGE = "/packages/communities-admin/month/index";
// The sorting guide: residents' suggestions of missing items (packages/guide-admin).
const GUIDE_SUGGESTIONS_PAGE = "/packages/guide-admin/suggestions/index";
// Parking (packages/parking-admin) and night markets (packages/markets-admin).
const PARKING_SOURCES_PAGE = "/packages/parking-admin/sources/index";
const PARKING_OPERATORS_PAGE = "/packages/parking-admin/operators/index";
const PARKING_LOTS_PAGE = "/packages/parking-admin/lots/index";
const MARKET_ZONES_PAGE = "/packages/markets-admin/zones/index";

/* 管理后台: the admin console's menu; each entry is one page of the admin subpackage. */
const ENTRIES = [
  { key: "users", url: routes.USERS_PAGE, title: "用户与角色", hint: "查找用户，授予或撤销角色，查看其操作记录" },
  { key: "categories", url: routes.CATEGORIES_PAGE, title: "问题类别", hint: "新建类别，修改处置时限与附加字段，停用" },
  { key: "toilets", url: routes.TOILETS_PAGE, title: "公厕目录", hint: "查找、修改、暂停开放、停用公厕" },
  { key: "toilet-import", url: routes.TOILET_IMPORT_PAGE, title: "导入公厕", hint: "GeoJSON 或 CSV，先检查每一行再导入" },
  { key: "toilet-feedback", url: routes.TOILET_FEEDBACK_PAGE, title: "厕所问题反馈", hint: "处理居民报告的关闭、信息有误" },
  { key: "open311-keys", url: routes.OPEN311_KEYS_PAGE, title: "Open311 密钥", hint: "签发（只显示一次）与吊销" },
  { key: "audit", url: routes.AUDIT_PAGE, title: "审计日志", hint: "按操作人、对象、操作和日期筛选" },
  { key: "pickup-items", url: PICKUP_ITEMS_PAGE, title: "大件物品目录", hint: "可预约的物品、每次上限、体积点数、可回收" },
  { key: "pickup-slots", url: PICKUP_SLOTS_PAGE, title: "收运时段", hint: "按街道批量开放时段，修改单个时段的容量" },
  { key: "pickup-blackouts", url: PICKUP_BLACKOUTS_PAGE, title: "停收日期", hint: "春节等全市不收运的日期" },
  { key: "pickup-collectors", url: PICKUP_COLLECTORS_PAGE, title: "回收员服务街道", hint: "为每位回收员分配服务的街道" },
  { key: "pickup-overview", url: PICKUP_OVERVIEW_PAGE, title: "大件收运概况", hint: "每天各区各街道的预约、完成与超时，收运 KPI" },
  { key: "points-rates", url: POINTS_RATES_PAGE, title: "积分费率", hint: "每千克可回收物的积分，每次修改生成新版本" },
  { key: "points-caps", url: POINTS_CAPS_PAGE, title: "积分上限", hint: "每户每天、每位回收员/志愿者每天的积分上限" },
  { key: "points-flags", url: POINTS_FLAGS_PAGE, title: "积分异常", hint: "重量异常等可疑积分，核实、冲正" },
  { key: "rewards", url: REWARDS_ADMIN_PAGE, title: "兑换礼品管理", hint: "礼品、所需积分、库存、领取点与兑换期" },
  { key: "rewards-desk", url: REWARDS_DESK_PAGE, title: "礼品领取", hint: "输入或扫描领取码，确认居民领取" },
  { key: "communities", url: COMMUNITIES_PAGE, title: "小区与投放点", hint: "星级小区：小区、投放点二维码、小蜜蜂志愿者指派" },
  { key: "community-month", url: COMMUNITY_MONTH_PAGE, title: "星级小区月度评定", hint: "录入检查评分，查看当月数据，公布评星" },
  {
    key: "guide-suggestions",
    url: GUIDE_SUGGESTIONS_PAGE,
    title: "垃圾分类指南补充",
    hint: "居民提交的未收录物品：核定分类后加入指南或说明理由",
  },
  { key: "parking-sources", url: PARKING_SOURCES_PAGE, title: "停车数据源", hint: "各数据源的最近上报、错误计数与状态" },
  {
    key: "parking-operators",
    url: PARKING_OPERATORS_PAGE,
    title: "停车运营方与密钥",
    hint: "新增运营方，签发（只显示一次）与吊销上报密钥",
  },
  { key: "parking-lots", url: PARKING_LOTS_PAGE, title: "停车场目录", hint: "停车场、车位数、收费、开放时间与错时共享时段" },
  { key: "market-zones", url: MARKET_ZONES_PAGE, title: "夜市与便民疏导点", hint: "区域、营业时段、规则；临时停市会通知订阅的居民" },
] as const;

export default function AdminHomePage() {
  const session = useSession();
  const admin = isAdmin(session);
  return (
    <PageContainer
      className="admin-page admin-home"
      title="管理后台"
      subtitle="每一项管理操作都会记入审计日志"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      error={session && !admin ? FORBIDDEN_MESSAGE : null}
    >
      <View className="admin-menu">
        {ENTRIES.map((e) => (
          <View key={e.key} className={`card admin-menu__item admin-menu-${e.key}`} onClick={() => void Taro.navigateTo({ url: e.url })}>
            <Text className="admin-menu__title">{e.title}</Text>
            <Text className="admin-menu__hint">{e.hint}</Text>
          </View>
        ))}
      </View>
    </PageContainer>
  );
}

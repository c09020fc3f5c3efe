import { Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { PageContainer } from "../../components/PageContainer";

/* 首页: the bureau's services, each a tile that opens it. */
interface Service {
  id: string;
  name: string;
  /** One character shown in a coloured disc (no emoji font needed). */
  icon: string;
  description: string;
  url: string;
}

const SERVICES: Service[] = [
  { id: "toilets", name: "找厕所", icon: "厕", description: "查找附近的公共厕所和开放联盟卫生间", url: "/pages/toilets/index" },
  {
    id: "report",
    name: "随手拍",
    icon: "拍",
    description: "拍照上报占道经营、乱贴小广告、垃圾暴露、路灯损坏等问题",
    url: "/packages/reports/new/index",
  },
  {
    id: "bulky-waste",
    name: "大件垃圾预约",
    icon: "运",
    description: "预约上门清运旧家具、旧家电等大件垃圾",
    url: "/packages/pickups/book/index",
  },
  {
    id: "parking",
    name: "停车",
    icon: "停",
    description: "查看附近停车场和实时空余车位",
    url: "/packages/parking/finder/index",
  },
  {
    id: "night-market",
    name: "夜市摊位",
    icon: "夜",
    description: "查找今晚营业的夜市和便民疏导点",
    url: "/packages/night-markets/list/index",
  },
  {
    id: "recycling",
    name: "垃圾分类/积分",
    icon: "分",
    description: "查询垃圾该投哪个桶，回收可回收物攒积分",
    url: "/packages/points/index/index",
  },
];

function ServiceTile({ service }: { service: Service }) {
  return (
    <View className={`service-tile service-${service.id}`} onClick={() => void Taro.navigateTo({ url: service.url })}>
      <Text className="service-tile__icon">{service.icon}</Text>
      {/* A line may break after "/" (垃圾分类/ 积分) but never inside a word: each part is kept together. */}
      <Text className="service-tile__name">
        {service.name.split(/(?<=\/)/).map((part) => (
          <Text key={part} className="keep-together">
            {part}
          </Text>
        ))}
      </Text>
      <Text className="service-tile__desc">{service.description}</Text>
    </View>
  );
}

export default function HomePage() {
  return (
    <PageContainer className="home-page" title="苏州城管服务" subtitle="市城市管理局便民服务">
      <View className="service-grid">
        {SERVICES.map((s) => (
          <ServiceTile key={s.id} service={s} />
        ))}
      </View>
      <View className="card menu home-reports">
        <View className="menu-item reports-map-entry" onClick={() => void Taro.navigateTo({ url: "/pages/reports/map" })}>
          <Text>身边的上报：看看附近的问题处理得怎么样</Text>
          <Text className="menu-item__arrow">›</Text>
        </View>
      </View>
      <Text className="page-note">如遇紧急市容问题，请拨打 12345 政务服务热线。</Text>
    </PageContainer>
  );
}

import { Text, View } from "@tarojs/components";
import { useRouter } from "@tarojs/taro";
import { NavigateButton } from "../../../components/navigate/NavigateButton";
import { PageContainer } from "../../../components/PageContainer";
import { HoursTable } from "../../../finders/components/HoursTable";
import { useApiLoad } from "../../../services/useApiLoad";
import { parkingLot } from "../api";
import { OccupancyChart } from "../components/OccupancyChart";
import "../parking.css";
import { LotInfo } from "./LotInfo";

/* One lot: its facts and live line, opening hours (and shared-parking windows), the last 24 hours, navigation. */
export default function ParkingLotPage() {
  const id = useRouter().params.id ?? null;
  const { state, reload } = useApiLoad(id, () => parkingLot(id!));
  const lot = state.status === "ok" ? state.data : null;
  return (
    <PageContainer
      className="parking-lot-page"
      loading={state.status === "loading"}
      error={id === null ? "缺少停车场编号，请从列表重新进入" : state.status === "error" ? state.error : null}
      onRetry={id === null ? undefined : reload}
    >
      {lot ? (
        <>
          <LotInfo lot={lot} />
          <View className="card lot-hours">
            <Text className="section-title">{lot.type === "shared" ? "对外开放时段" : "营业时间"}</Text>
            <HoursTable hours={lot.hours} />
          </View>
          {lot.sharedHours ? (
            <View className="card lot-shared-hours">
              <Text className="section-title">共享车位开放时段</Text>
              <HoursTable hours={lot.sharedHours} />
            </View>
          ) : null}
          <View className="card lot-history">
            <Text className="section-title">最近 24 小时占用情况</Text>
            <OccupancyChart series={lot.last24h} />
          </View>
          <View className="page-actions">
            <NavigateButton target={lot} />
          </View>
        </>
      ) : null}
    </PageContainer>
  );
}

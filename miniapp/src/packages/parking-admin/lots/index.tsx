import { LOT_TYPE_LABELS, liveText } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro, { useDidShow } from "@tarojs/taro";
import { useRef } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, isAdmin, pageError } from "../access";
import { adminParkingLots } from "../api";
import "../parking-admin.css";
import { PARKING_LOT_NEW_PAGE, parkingLotEditUrl } from "../routes";

/* 停车场目录: every lot (inactive ones too) with its operator and live line; open one to edit, or add one. */

export default function ParkingLotsAdminPage() {
  const session = useSession();
  const admin = isAdmin(session);
  const { state, reload } = useApiLoad(session && admin ? "parking-admin-lots" : null, adminParkingLots);
  const lots = state.status === "ok" ? state.data.lots : [];
  const error = pageError(session, state.status === "error" ? state.error : null);
  const shown = useRef(false);
  // Back from an edit: the row may have changed.
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  const now = new Date();

  return (
    <PageContainer
      className="admin-page parking-admin parking-lots-admin"
      title="停车场目录"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={
        admin && session ? (
          <Button className="btn btn-primary lot-add" onClick={() => void Taro.navigateTo({ url: PARKING_LOT_NEW_PAGE })}>
            新增停车场
          </Button>
        ) : null
      }
      loading={state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={state.status === "ok" && lots.length === 0}
      emptyText="还没有停车场，点击“新增停车场”添加"
    >
      <View className="admin-table lot-table">
        {lots.map((l) => (
          <View
            key={l.id}
            className={`admin-table__row lot-row${l.active ? "" : " is-inactive"}`}
            data-id={l.id}
            onClick={() => void Taro.navigateTo({ url: parkingLotEditUrl(l.id) })}
          >
            <Text className="admin-table__cell lot-row__name">{l.name}</Text>
            <Text className="admin-table__cell lot-row__district">{l.district}</Text>
            <Text className="admin-table__cell lot-row__type">
              {LOT_TYPE_LABELS[l.type]} · {l.capacity.total} 个车位
            </Text>
            <Text className="admin-table__cell lot-row__operator">{l.source.operatorName ?? "无实时数据"}</Text>
            <Text className="admin-table__cell lot-row__live">{l.source.kind === "none" ? "—" : liveText(l.live, now)}</Text>
            <Text className="admin-table__cell lot-row__state">{l.active ? "在用" : "已停用"}</Text>
          </View>
        ))}
      </View>
    </PageContainer>
  );
}

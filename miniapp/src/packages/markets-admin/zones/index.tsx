import { MARKET_ZONE_KIND_LABELS } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro, { useDidShow } from "@tarojs/taro";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { adminPageError, mayOpen } from "../access";
import { adminZones } from "../api";
import "../markets-admin.css";
import { zoneEditUrl } from "../routes";

/* The bureau's zones: every night market and vending zone, retired ones too, with its state now; each opens its form. */
export default function AdminZonesPage() {
  const session = useSession();
  const { state, reload } = useApiLoad(mayOpen(session) ? "admin-zones" : null, adminZones);
  useDidShow(() => {
    if (state.status === "ok") reload();
  });
  const zones = state.status === "ok" ? state.data.zones : [];
  const open = (id?: string) => void Taro.navigateTo({ url: zoneEditUrl(id) });
  return (
    <PageContainer
      className="admin-zones-page"
      title="夜市与便民疏导点"
      subtitle="摊区范围、营业时间、停市"
      needsLogin={!session}
      loginHint="请使用管理员账号登录"
      loading={state.status === "loading"}
      error={adminPageError(session, state.status === "error" ? state.error : null)}
      onRetry={reload}
      empty={state.status === "ok" && zones.length === 0}
      emptyText="还没有摊区，点击下方新建"
      footer={
        mayOpen(session) ? (
          <Button className="btn btn-primary btn-large zone-new" onClick={() => open()}>
            新建摊区
          </Button>
        ) : null
      }
    >
      {zones.map((z) => (
        <View key={z.id} className={`card admin-zone${z.active ? "" : " is-retired"}`} data-id={z.id} onClick={() => open(z.id)}>
          <View className="admin-zone__head">
            <Text className="admin-zone__name">{z.name}</Text>
            <Text className="admin-zone__kind">{MARKET_ZONE_KIND_LABELS[z.kind]}</Text>
          </View>
          <Text className="admin-zone__place">
            {z.district} {z.address}
          </Text>
          <Text className={`admin-zone__status admin-zone__status--${z.active ? z.status.state : "retired"}`}>
            {z.active ? z.status.text : `已撤销：${z.retiredReason ?? ""}`}
          </Text>
        </View>
      ))}
    </PageContainer>
  );
}

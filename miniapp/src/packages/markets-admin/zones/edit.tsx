import type { MarketZoneDetail } from "@civic/shared";
import { Text } from "@tarojs/components";
import Taro, { useRouter } from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { adminPageError, mayOpen } from "../access";
import { adminZone } from "../api";
import "../markets-admin.css";
import { RetireBox } from "./RetireBox";
import { SuspensionsBox } from "./SuspensionsBox";
import { ZoneForm } from "./ZoneForm";

/* One zone's form (?id=; none: a new zone), its suspensions and retirement. */
export default function AdminZoneEditPage() {
  const session = useSession();
  const id = useRouter().params.id ?? null;
  // After a create, the page goes on with the new zone (its suspensions, its next edits).
  const [createdId, setCreatedId] = useState<string | null>(null);
  const zoneId = id ?? createdId;
  const { state, reload, replace } = useApiLoad(mayOpen(session) && zoneId ? `admin-zone:${zoneId}` : null, () =>
    adminZone(zoneId as string),
  );
  const zone = state.status === "ok" ? state.data : null;
  const saved = (z: MarketZoneDetail) => {
    void Taro.showToast({ title: "已保存", icon: "success" });
    if (zoneId) replace(z);
    else setCreatedId(z.id);
  };
  const editing = zoneId !== null;
  return (
    <PageContainer
      className="admin-zone-edit-page"
      title={editing ? "摊区设置" : "新建摊区"}
      needsLogin={!session}
      loginHint="请使用管理员账号登录"
      loading={state.status === "loading"}
      error={adminPageError(session, state.status === "error" ? state.error : null)}
      onRetry={reload}
    >
      {mayOpen(session) && !editing ? <ZoneForm zone={null} onSaved={saved} onRefresh={reload} /> : null}
      {zone ? (
        <>
          {zone.active ? null : <Text className="form-error zone-retired">已撤销：{zone.retiredReason ?? ""}</Text>}
          <Text className="admin-hint zone-now">
            现在：{zone.status.text}（第 {zone.version} 版）
          </Text>
          {zone.active ? <ZoneForm key={`${zone.id}:${zone.version}`} zone={zone} onSaved={saved} onRefresh={reload} /> : null}
          {zone.active ? <SuspensionsBox zone={zone} onChanged={reload} /> : null}
          {zone.active ? <RetireBox zone={zone} onRetired={replace} /> : null}
        </>
      ) : null}
    </PageContainer>
  );
}

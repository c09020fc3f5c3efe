import type { ParkingLotDetail } from "@civic/shared";
import Taro, { useRouter } from "@tarojs/taro";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, isAdmin, pageError } from "../access";
import { adminParkingLot, parkingOperators } from "../api";
import "../parking-admin.css";
import { parkingLotEditUrl } from "../routes";
import { LotForm } from "./LotForm";

/* 编辑停车场 (?id=) or 新增停车场 (no id): the whole lot, with the operators to map it to. */

export default function ParkingLotEditPage() {
  const id = useRouter().params.id ?? null;
  const session = useSession();
  const admin = isAdmin(session);
  const load = async () => {
    const [ops, lot] = await Promise.all([parkingOperators(), id ? adminParkingLot(id) : Promise.resolve(null)]);
    if (!ops.ok) return ops;
    if (lot && !lot.ok) return lot;
    return { ok: true, status: 200, data: { operators: ops.data.operators, lot: lot ? lot.data : null } } as const;
  };
  const { state, reload } = useApiLoad(session && admin ? `parking-lot-edit:${id ?? "new"}` : null, load);
  const error = pageError(session, state.status === "error" ? state.error : null);
  const data = state.status === "ok" ? state.data : null;

  const saved = (lot: ParkingLotDetail) => {
    void Taro.showToast({ title: "已保存", icon: "success" });
    if (id === null) void Taro.redirectTo({ url: parkingLotEditUrl(lot.id) });
    else reload();
  };

  return (
    <PageContainer
      className="admin-page parking-admin parking-lot-edit"
      title={data?.lot ? data.lot.name : "新增停车场"}
      subtitle={data?.lot ? `${data.lot.district} · ${data.lot.address}` : undefined}
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      loading={state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
    >
      {data ? <LotForm key={data.lot?.updatedAt ?? "new"} lot={data.lot} operators={data.operators} onSaved={saved} /> : null}
    </PageContainer>
  );
}

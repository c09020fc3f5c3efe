import type { ParkingOperator } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, isAdmin, pageError } from "../access";
import { parkingOperators, updateParkingOperator } from "../api";
import "../parking-admin.css";
import { OperatorForm } from "./OperatorForm";
import { OperatorKeys } from "./OperatorKeys";

/* 停车运营方: every operator (one data source each); add one, switch one off, manage its feed keys. */

const KIND_LABELS = { push: "推送", pull: "抓取" } as const;

export default function ParkingOperatorsPage() {
  const session = useSession();
  const admin = isAdmin(session);
  const { state, reload, replace } = useApiLoad(session && admin ? "parking-operators" : null, parkingOperators);
  const operators = state.status === "ok" ? state.data.operators : [];
  const error = pageError(session, state.status === "error" ? state.error : null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const current = operators.find((o) => o.id === chosen) ?? null;

  const put = (op: ParkingOperator) => {
    const exists = operators.some((o) => o.id === op.id);
    replace({ operators: exists ? operators.map((o) => (o.id === op.id ? op : o)) : [...operators, op] });
  };
  const created = (op: ParkingOperator) => {
    put(op);
    setAdding(false);
    setChosen(op.id);
    void Taro.showToast({ title: "已添加", icon: "success" });
  };
  const toggle = async (op: ParkingOperator) => {
    if (op.enabled) {
      const answer = await Taro.showModal({ title: "停用运营方", content: `停用“${op.name}”后，其停车场的余位将显示为未知。确定吗？` });
      if (!answer.confirm) return;
    }
    const res = await updateParkingOperator(op.id, { enabled: !op.enabled });
    if (!res.ok) return setFailure(res.message);
    setFailure(null);
    put(res.data);
  };

  return (
    <PageContainer
      className="admin-page parking-admin parking-operators"
      title="停车运营方"
      subtitle="每个运营方是一个数据源，凭密钥签名推送实时车位"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={
        admin && session ? (
          <Button className="btn btn-primary operator-add" onClick={() => setAdding(true)}>
            新增运营方
          </Button>
        ) : null
      }
      loading={state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={state.status === "ok" && operators.length === 0 && !adding}
      emptyText="还没有运营方，点击“新增运营方”添加"
    >
      <View className="admin-columns">
        <View className="admin-columns__main admin-table operator-list">
          {operators.map((o) => (
            <View
              key={o.id}
              className={`admin-table__row operator-row${o.enabled ? "" : " is-inactive"}${o.id === chosen ? " is-chosen" : ""}`}
              data-id={o.id}
              onClick={() => {
                setAdding(false);
                setChosen(o.id);
              }}
            >
              <Text className="admin-table__cell operator-row__name">{o.name}</Text>
              <Text className="admin-table__cell operator-row__kind">
                {KIND_LABELS[o.kind]} · 时效 {o.kind === "pull" ? 30 : o.freshnessMinutes} 分钟
              </Text>
              <Text className="admin-table__cell operator-row__licence">{o.licence || "许可未填"}</Text>
              <Text className="admin-table__cell operator-row__state">{o.enabled ? "启用" : "已停用"}</Text>
            </View>
          ))}
          {failure ? <Text className="form-error operator-toggle-failure">{failure}</Text> : null}
        </View>
        <View className="admin-columns__side">
          {adding ? <OperatorForm onCreated={created} /> : null}
          {!adding && current ? (
            <>
              <Button className="btn operator-toggle" onClick={() => void toggle(current)}>
                {current.enabled ? "停用此运营方" : "重新启用"}
              </Button>
              <OperatorKeys key={current.id} operator={current} />
            </>
          ) : null}
          {!adding && !current ? <Text className="admin-hint">选择一个运营方以管理其密钥，或新增运营方</Text> : null}
        </View>
      </View>
    </PageContainer>
  );
}

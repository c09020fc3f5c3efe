import { ageText, SOURCE_STATE_LABELS } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { formatCityTime } from "../../../ui/formatTime";
import { canRetry, isAdmin, pageError } from "../access";
import { parkingSources } from "../api";
import "../parking-admin.css";
import { PARKING_LOTS_PAGE, PARKING_OPERATORS_PAGE } from "../routes";

/* 停车数据源: each operator's feed with its last report, error counts and state (正常 / 异常 / 已停用). */

const KIND_LABELS = { push: "推送", pull: "抓取" } as const;

export default function ParkingSourcesPage() {
  const session = useSession();
  const admin = isAdmin(session);
  const { state, reload } = useApiLoad(session && admin ? "parking-sources" : null, parkingSources);
  const sources = state.status === "ok" ? state.data.sources : [];
  const error = pageError(session, state.status === "error" ? state.error : null);
  const now = new Date();

  return (
    <PageContainer
      className="admin-page parking-admin parking-sources"
      title="停车数据源"
      subtitle="超过时效未上报的数据源，其停车场显示为“余位未知”"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={
        admin ? (
          <View className="chip-row">
            <Text className="chip go-operators" onClick={() => void Taro.navigateTo({ url: PARKING_OPERATORS_PAGE })}>
              运营方与密钥…
            </Text>
            <Text className="chip go-lots" onClick={() => void Taro.navigateTo({ url: PARKING_LOTS_PAGE })}>
              停车场…
            </Text>
          </View>
        ) : null
      }
      loading={state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={state.status === "ok" && sources.length === 0}
      emptyText="还没有数据源，请先在“运营方与密钥”中添加运营方"
    >
      <View className="admin-table source-list">
        {sources.map((s) => (
          <View key={s.operatorId} className={`admin-table__row source-row source-${s.state}`} data-id={s.operatorId}>
            <Text className="admin-table__cell source-row__name">{s.name}</Text>
            <Text className={`admin-table__cell source-state source-state--${s.state}`}>{SOURCE_STATE_LABELS[s.state]}</Text>
            <Text className="admin-table__cell source-row__kind">
              {KIND_LABELS[s.kind]} · 时效 {s.freshnessLimitMinutes} 分钟 · {s.lots} 个停车场
            </Text>
            <Text className="admin-table__cell source-row__last">
              {s.lastReportAt ? `最后上报 ${formatCityTime(s.lastReportAt)}（${ageText(s.lastReportAt, now)}）` : "从未上报"}
            </Text>
            <Text className="admin-table__cell source-row__counts">
              接受 {s.rowsAccepted} 行 · 拒绝 {s.rowsRejected} 行 · 拒收请求 {s.requestsRefused} 次
            </Text>
            {s.lastErrorAt ? (
              <Text className="admin-table__cell source-row__error">
                最近出错 {formatCityTime(s.lastErrorAt)}
                {s.lastError ? `：${s.lastError}` : ""}
              </Text>
            ) : null}
          </View>
        ))}
      </View>
    </PageContainer>
  );
}

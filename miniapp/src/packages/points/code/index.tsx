import { Text, View } from "@tarojs/components";
import { useEffect, useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { myPointsCode } from "../api";
import { QrGrid } from "../components/QrGrid";
import "../points.css";

/*
 * 我的积分码: the rotating signed code as a large QR code for the collector to scan, with the household label
 * the scanner sees (never my name) and a countdown; a new code is fetched shortly before this one expires.
 */
const REFRESH_BEFORE_S = 20;

export default function PointsCodePage() {
  const session = useSession();
  const code = useApiLoad(session ? `points-code:${session.user.id}` : null, myPointsCode);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const data = code.state.status === "ok" ? code.state.data : null;
  const left = data ? Math.max(0, Math.floor((Date.parse(data.expiresAt) - now) / 1000)) : 0;
  const { reload } = code;
  useEffect(() => {
    if (data && left <= REFRESH_BEFORE_S) reload();
  }, [data, left, reload]);
  return (
    <PageContainer
      className="points-code-page"
      title="我的积分码"
      subtitle="请回收员扫码称重，积分自动计入"
      needsLogin={!session}
      loginHint="登录后出示积分码"
      loading={code.state.status === "loading"}
      error={code.state.status === "error" ? code.state.error : null}
      onRetry={reload}
    >
      {data ? (
        <View className="card points-code">
          <QrGrid text={data.code} />
          <Text className="points-code__label">{data.householdLabel}</Text>
          <Text className="points-code__countdown">
            {Math.floor(left / 60)}:{String(left % 60).padStart(2, "0")} 后自动刷新
          </Text>
          <Text className="hint-text">截图无效：积分码几分钟后失效，请当面出示</Text>
        </View>
      ) : null}
    </PageContainer>
  );
}

import { type MarketZoneDetail, zoneReachMetres } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro, { useRouter } from "@tarojs/taro";
import { useState } from "react";
import { NavigateButton } from "../../../components/navigate/NavigateButton";
import { PageContainer } from "../../../components/PageContainer";
import { goToLogin } from "../../../services/loginRedirect";
import { useSession } from "../../../services/session";
import { askForSubscribeMessages } from "../../../services/subscribe";
import { useApiLoad } from "../../../services/useApiLoad";
import { MARKET_NOTICE_TEMPLATE_ID, marketDetail, subscribeMarket, unsubscribeMarket } from "../api";
import { ZoneClosedDates, ZoneHeader, ZoneHours, ZoneRules } from "../components/ZoneInfo";
import { ZoneMap } from "../components/ZoneMap";
import "../night-markets.css";

/* One zone: its state now, hours by weekday, closed dates, rules, who runs it, the area on a map, navigate, notices. */

function SubscribeBox({ zone, onChange }: { zone: MarketZoneDetail; onChange: (subscribed: boolean) => void }) {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!session) {
    return (
      <View className="card zone-subscribe">
        <Text className="hint-text">登录后可订阅此处的停市通知，停市时会发消息提醒您。</Text>
        <Button className="btn btn-large zone-subscribe-login" onClick={goToLogin}>
          登录后订阅停市通知
        </Button>
      </View>
    );
  }
  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    // WeChat asks for subscribe messages only inside a tap: ask first, then subscribe with what was accepted.
    const result = zone.subscribed
      ? await unsubscribeMarket(zone.id)
      : await subscribeMarket(zone.id, await askForSubscribeMessages(MARKET_NOTICE_TEMPLATE_ID));
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    onChange(result.data.subscribed);
    void Taro.showToast({ title: result.data.subscribed ? "已订阅停市通知" : "已取消订阅", icon: "success" });
  };
  return (
    <View className="card zone-subscribe">
      <Text className="hint-text">
        {zone.subscribed ? "您已订阅：此处停市或恢复营业时，会在“消息”里通知您。" : "订阅后，此处停市或恢复营业时会在“消息”里通知您。"}
      </Text>
      <Button
        className={`btn btn-large ${zone.subscribed ? "zone-unsubscribe" : "btn-primary zone-subscribe-button"}`}
        disabled={busy || undefined}
        onClick={toggle}
      >
        {busy ? "请稍候…" : zone.subscribed ? "取消订阅" : "订阅停市通知"}
      </Button>
      {error ? <Text className="error-message zone-subscribe-error">{error}</Text> : null}
    </View>
  );
}

export default function NightMarketDetailPage() {
  const id = useRouter().params.id ?? null;
  const session = useSession();
  // Signed in or not changes `subscribed`: reload when the session changes.
  const { state, reload, replace } = useApiLoad(id ? `${id}:${session?.user.id ?? ""}` : null, () => marketDetail(id as string));
  const zone = state.status === "ok" ? state.data : null;

  return (
    <PageContainer
      className="night-market-detail-page"
      loading={state.status === "loading"}
      error={id === null ? "缺少摊区编号，请从列表重新进入" : state.status === "error" ? state.error : null}
      onRetry={id === null ? undefined : reload}
    >
      {zone ? (
        <>
          <ZoneHeader zone={zone} />
          <ZoneHours zone={zone} />
          <ZoneClosedDates zone={zone} />
          <ZoneRules zone={zone} />
          <View className="card zone-map-card">
            <Text className="section-title">摊区范围</Text>
            <ZoneMap
              centre={zone}
              radius={Math.max(150, Math.ceil(zoneReachMetres(zone.area) * 1.5))}
              zones={[zone]}
              numbered={false}
              onOpen={() => undefined}
            />
          </View>
          <View className="page-actions">
            <NavigateButton target={{ lat: zone.lat, lng: zone.lng, name: zone.name, address: zone.address }} />
          </View>
          {zone.active ? <SubscribeBox zone={zone} onChange={(subscribed) => replace({ ...zone, subscribed })} /> : null}
        </>
      ) : null}
    </PageContainer>
  );
}

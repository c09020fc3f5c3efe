import { cityClock, MARKET_ZONE_KIND_LABELS, type MarketZoneDetail, WEEKDAY_NAMES_ZH } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { dateLabel, seasonsText } from "../format";
import { ZoneStateBadge } from "./ZoneItem";

/* The parts of a zone's page: its state now, the week's hours, closed dates, the rules and who runs it. */

function InfoRow({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`info-row ${className}`}>
      <Text className="info-row__label">{label}</Text>
      <Text className="info-row__value">{value}</Text>
    </View>
  );
}

export function ZoneHeader({ zone }: { zone: MarketZoneDetail }) {
  return (
    <View className="card zone-detail">
      <Text className="zone-name zone-detail__name">{zone.name}</Text>
      <View className="zone-item__meta">
        <ZoneStateBadge state={zone.status.state} />
        <Text className="zone-kind">{MARKET_ZONE_KIND_LABELS[zone.kind]}</Text>
      </View>
      <Text className={`zone-time zone-detail__time zone-time--${zone.status.state}`}>{zone.status.text}</Text>
      {zone.active ? null : <Text className="zone-retired">已撤销：{zone.retiredReason ?? "原因未说明"}</Text>}
      <InfoRow className="zone-address" label="地址" value={zone.address} />
      <InfoRow className="zone-area-name" label="区域" value={[zone.district, zone.street].filter(Boolean).join(" ")} />
    </View>
  );
}

export function ZoneHours({ zone }: { zone: MarketZoneDetail }) {
  return (
    <View className="card zone-hours">
      <Text className="section-title">营业时间</Text>
      {zone.hoursText.map((text, day) => (
        <View
          key={WEEKDAY_NAMES_ZH[day]}
          className={`hours-row zone-hours__day zone-hours__day--${day}${text === "休市" ? " is-closed" : ""}`}
        >
          <Text className="hours-row__day">{WEEKDAY_NAMES_ZH[day]}</Text>
          <Text className="hours-row__time">{text}</Text>
        </View>
      ))}
      <Text className="hint-text zone-hours__note">“次日”表示过了午夜、到第二天凌晨收摊。</Text>
      <InfoRow className="zone-season" label="营业季节" value={seasonsText(zone.seasons)} />
    </View>
  );
}

/** Suspensions and exception dates from today on: the nights that do not happen, with why. */
export function ZoneClosedDates({ zone }: { zone: MarketZoneDetail }) {
  const today = cityClock(new Date()).date;
  const closed = [
    ...zone.upcomingSuspensions.map((s) => ({ key: `s-${s.id}`, date: s.date, reason: s.reason, kind: "停市" })),
    ...zone.exceptions.filter((e) => e.date >= today).map((e) => ({ key: `e-${e.date}`, date: e.date, reason: e.reason, kind: "休市" })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <View className="card zone-closed-dates">
      <Text className="section-title">停市安排</Text>
      {closed.length === 0 ? <Text className="hint-text zone-closed-none">近期没有停市安排</Text> : null}
      {closed.map((c) => (
        <View key={c.key} className="zone-closed-date">
          <Text className="zone-closed-date__when">
            {dateLabel(c.date)} {c.kind}
          </Text>
          <Text className="zone-closed-date__reason">{c.reason}</Text>
        </View>
      ))}
    </View>
  );
}

const goodsText = (goods: readonly string[]) => (goods.length > 0 ? goods.join("、") : "未规定");

export function ZoneRules({ zone }: { zone: MarketZoneDetail }) {
  const call = () => void Taro.makePhoneCall({ phoneNumber: zone.contactPhone }).catch(() => undefined);
  return (
    <View className="card zone-rules">
      <Text className="section-title">经营规定</Text>
      <InfoRow className="zone-goods-allowed" label="允许经营" value={goodsText(zone.goodsAllowed)} />
      <InfoRow className="zone-goods-forbidden" label="禁止经营" value={goodsText(zone.goodsForbidden)} />
      <InfoRow className="zone-stalls" label="摊位数" value={zone.stalls === null ? "未知" : `${zone.stalls} 个`} />
      <InfoRow className="zone-fees" label="收费" value={zone.fees || "未说明"} />
      <InfoRow className="zone-register" label="摊主登记" value={zone.vendorsRegister ? "需先向管理单位登记" : "无需登记"} />
      <InfoRow className="zone-unit" label="管理单位" value={zone.managingUnit} />
      <View className="info-row zone-contact" onClick={call}>
        <Text className="info-row__label">联系电话</Text>
        <Text className="info-row__value zone-phone">{zone.contactPhone}（点击拨打）</Text>
      </View>
    </View>
  );
}

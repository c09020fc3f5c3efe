import { PICKUP_WINDOWS } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro, { useRouter } from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { cancelPickup, type PickupBooking, pickupById, ratePickup, reportMissed } from "../api";
import { dateLabel } from "../components/SlotStep";
import { PickupStatusBadge } from "../components/StatusBadge";
import "../pickups.css";
import { PhotoStrip } from "../../../components/PhotoStrip";
import { streetLabel } from "../street";
import { Amend } from "./Amend";
import { allowedActions } from "./actions";
import { CancelForm, MissedForm, RateForm } from "./Forms";
import { Outcome } from "./Outcome";

/*
 * One booking: its number, slot, items, what to prepare and status; cancel and amend until the deadline
 * (14:00 the day before), 未收运 after the window, the rating after completion, and the outcome and the
 * bureau's case number when there are any.
 */
const deadlineText = (iso: string) => {
  const d = new Date(iso);
  const city = new Date(d.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${city.getUTCMonth() + 1}月${city.getUTCDate()}日 ${pad(city.getUTCHours())}:${pad(city.getUTCMinutes())}`;
};

/** What to prepare matters only until the collector has come (not after completion, unable, cancel or missed). */
const PREPARING: ReadonlySet<PickupBooking["status"]> = new Set(["booked", "accepted", "arrived"]);

function Facts({ b }: { b: PickupBooking }) {
  return (
    <View className="card pickup-facts">
      <View className="pickup-facts__head">
        <Text className="pickup-number">预约号 {b.number}</Text>
        <PickupStatusBadge status={b.status} />
      </View>
      <Text className="pickup-facts__slot">
        收运时间：{dateLabel(b.slot.date)} {PICKUP_WINDOWS[b.slot.window].label}
      </Text>
      <Text className="pickup-facts__line">街道：{streetLabel(b.slot.streetCode)}</Text>
      <Text className="pickup-facts__line">地址：{b.address}</Text>
      <Text className="pickup-facts__line">放置位置：{b.placement}</Text>
      {b.accessNotes ? <Text className="pickup-facts__line">进出说明：{b.accessNotes}</Text> : null}
      <Text className="pickup-facts__line">
        联系电话：{b.contactPhone}
        {b.onBehalf ? `（代预约，联系人 ${b.onBehalf.name}）` : ""}
      </Text>
      {b.caseNumber ? <Text className="pickup-facts__line pickup-case-number">案件编号：{b.caseNumber}</Text> : null}
      <View className="pickup-facts__items">
        {b.items.map((i) => (
          <Text key={i.code} className="pickup-facts__item">
            {i.name} × {i.qty}
            {i.recyclable ? "（可回收）" : ""}
          </Text>
        ))}
      </View>
      {b.prepare.length && PREPARING.has(b.status) ? (
        <View className="pickup-prepare">
          <Text className="field-label">收运前请准备</Text>
          {b.prepare.map((p) => (
            <Text key={p} className="pickup-prepare__line">
              · {p}
            </Text>
          ))}
        </View>
      ) : null}
      {b.rating !== null ? <Text className="pickup-facts__line pickup-rated">您的评价：{"★".repeat(b.rating)}</Text> : null}
    </View>
  );
}

export default function PickupBookingPage() {
  const session = useSession();
  const id = useRouter().params.id ?? "";
  const booking = useApiLoad(session && id ? `pickup:${id}` : null, () => pickupById(id));
  const [panel, setPanel] = useState<"none" | "cancel" | "amend">("none");
  const done = (message: string) => (b: PickupBooking) => {
    setPanel("none");
    booking.replace(b);
    void Taro.showToast({ title: message, icon: "none" });
  };
  const b = booking.state.status === "ok" ? booking.state.data : null;
  const allowed = b ? allowedActions(b, new Date()) : null;
  return (
    <PageContainer
      className="pickup-booking-page"
      title="预约详情"
      needsLogin={!session}
      loginHint="登录后查看您的预约"
      loading={booking.state.status === "loading"}
      error={id ? (booking.state.status === "error" ? booking.state.error : null) : "没有找到这个预约"}
      onRetry={booking.reload}
    >
      {b && allowed ? (
        <>
          <Facts b={b} />
          {b.photos.length ? (
            <View className="card pickup-photos">
              <Text className="section-title">物品照片</Text>
              <PhotoStrip urls={b.photos.map((p) => p.url)} className="pickup-photos__strip" />
            </View>
          ) : null}
          {b.outcome ? <Outcome outcome={b.outcome} /> : null}
          {allowed.cancel || allowed.amend ? (
            <Text className="hint-text pickup-deadline">{deadlineText(b.changeableUntil)} 前可以修改或取消</Text>
          ) : null}
          {panel === "none" && (allowed.amend || allowed.cancel) ? (
            <View className="pickup-actions">
              {allowed.amend ? (
                <Button className="btn btn-large amend-open" onClick={() => setPanel("amend")}>
                  修改物品或时间
                </Button>
              ) : null}
              {allowed.cancel ? (
                <Button className="btn btn-large cancel-open" onClick={() => setPanel("cancel")}>
                  取消预约
                </Button>
              ) : null}
            </View>
          ) : null}
          {panel === "amend" && allowed.amend ? <Amend booking={b} onDone={done("已修改")} onClose={() => setPanel("none")} /> : null}
          {panel === "cancel" && allowed.cancel ? (
            <CancelForm
              onSend={(reason) => cancelPickup(b.id, reason || undefined)}
              onDone={done("已取消预约")}
              onClose={() => setPanel("none")}
            />
          ) : null}
          {allowed.missed ? (
            <MissedForm onSend={(note) => reportMissed(b.id, note || undefined)} onDone={done("已反馈，城管部门会跟进")} />
          ) : null}
          {allowed.rate ? (
            <RateForm onSend={(rating, comment) => ratePickup(b.id, rating, comment || undefined)} onDone={done("感谢您的评价")} />
          ) : null}
        </>
      ) : null}
    </PageContainer>
  );
}

import { UNABLE_REASON_LABELS } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { PhotoStrip } from "../../../components/PhotoStrip";
import type { PickupBooking } from "../api";

/* How the collection ended: what was taken (recyclables with kg) and photos, or why it could not be done. */
export function Outcome({ outcome }: { outcome: NonNullable<PickupBooking["outcome"]> }) {
  return (
    <View className="card pickup-outcome">
      <Text className="section-title">收运结果</Text>
      {outcome.status === "completed" ? (
        <View className="pickup-outcome__taken">
          {outcome.taken.map((t) => (
            <Text key={t.code} className="pickup-outcome__line">
              {t.name} × {t.qty}
              {t.kg !== null ? `，${t.kg} 公斤` : ""}
              {t.recyclable ? "（可回收）" : ""}
            </Text>
          ))}
        </View>
      ) : (
        <Text className="pickup-outcome__unable">
          未能收运：{outcome.unableReason ? UNABLE_REASON_LABELS[outcome.unableReason] : "其他原因"}
        </Text>
      )}
      {outcome.note ? <Text className="hint-text">回收员备注：{outcome.note}</Text> : null}
      {outcome.photos.length ? <Text className="form-label">现场照片</Text> : null}
      <PhotoStrip urls={outcome.photos.map((p) => p.url)} className="pickup-outcome__photos" />
    </View>
  );
}

import type { MarketZoneDetail } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { FieldError } from "../../../components/FieldError";
import { fieldErrors } from "../../../services/fieldErrors";
import { retireZone } from "../api";
import { isStale, STALE_TEXT } from "./ZoneForm";

/* 撤销摊区: takes the zone off the map for good, keeping it and the reason; decided on the version shown. */
export function RetireBox({ zone, onRetired }: { zone: MarketZoneDetail; onRetired: (z: MarketZoneDetail) => void }) {
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const retire = async () => {
    const ok = await Taro.showModal({ title: "撤销摊区", content: `撤销后「${zone.name}」将不再向居民显示，确定撤销？` });
    if (!ok.confirm) return;
    const res = await retireZone(zone.id, zone.version, reason.trim());
    if (res.ok) {
      setFailure(null);
      onRetired(res.data);
      return;
    }
    setErrors(fieldErrors(res));
    setFailure(isStale(res) ? STALE_TEXT : res.message);
  };
  return (
    <View className="card zone-retire">
      <Text className="section-title">撤销摊区</Text>
      <Input
        className="text-input retire-reason"
        value={reason}
        placeholder="撤销原因"
        maxlength={200}
        onInput={(e) => setReason(e.detail.value)}
      />
      <FieldError errors={errors} field="reason" />
      {failure ? <Text className="form-error retire-error">{failure}</Text> : null}
      <Button className="btn zone-retire-button" onClick={() => void retire()}>
        撤销摊区
      </Button>
    </View>
  );
}

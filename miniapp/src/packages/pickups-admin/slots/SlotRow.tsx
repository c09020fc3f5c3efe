import { PICKUP_WINDOWS, type PickupSlot } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { setSlotCapacity } from "../api";
import { explainCapacityFailure } from "../conflicts";
import { streetLabel } from "../streets";

/* One slot: booked against capacity, and its capacity edit (never below what is booked: the API's 409). */

export function SlotRow({ slot, onSaved }: { slot: PickupSlot; onSaved: (s: PickupSlot) => void }) {
  const [capacity, setCapacity] = useState(String(slot.capacityPoints));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const full = slot.remaining === 0;

  const save = async () => {
    const value = Number(capacity);
    if (capacity.trim() === "" || !Number.isInteger(value) || value < 0) return setFailure("请填写 0 或正整数");
    if (value < slot.bookedPoints) return setFailure(`不能低于已预约的 ${slot.bookedPoints} 点`);
    setBusy(true);
    const res = await setSlotCapacity(slot.id, value);
    setBusy(false);
    if (!res.ok) return setFailure(explainCapacityFailure(res, slot.bookedPoints));
    setFailure(null);
    setCapacity(String(res.data.capacityPoints));
    onSaved(res.data);
  };

  return (
    <View className={`admin-table__row slot-row slot-${slot.id}${full ? " is-full" : ""}`}>
      <Text className="admin-table__cell slot-row__street">{streetLabel(slot.streetCode)}</Text>
      <Text className="admin-table__cell slot-row__when">
        {slot.date} {PICKUP_WINDOWS[slot.window].label}
      </Text>
      <Text className="admin-table__cell slot-row__used">
        已约 {slot.bookedPoints} / {slot.capacityPoints} 点{full ? "（已满）" : `，余 ${slot.remaining}`}
      </Text>
      <View className="admin-table__cell slot-row__edit">
        <Input
          className="text-input slot-capacity"
          type="number"
          value={capacity}
          maxlength={4}
          onInput={(e) => setCapacity(e.detail.value)}
        />
        <Button
          className="btn slot-save"
          disabled={busy || capacity === String(slot.capacityPoints) || undefined}
          onClick={() => void save()}
        >
          改容量
        </Button>
      </View>
      {failure ? <Text className="form-error slot-row__error">{failure}</Text> : null}
    </View>
  );
}

import { PICKUP_WINDOWS, type PickupAmendRequest } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import { useState } from "react";
import { useApiLoad } from "../../../services/useApiLoad";
import { amendPickup, type PickupBooking, pickupItems } from "../api";
import { ItemsStep } from "../components/ItemsStep";
import { dateLabel, SlotStep } from "../components/SlotStep";
import { type ItemLines, isSlotGone, linesOf, pickupErrorZh, SLOT_FULL_MESSAGE, totalItems, volumeOfLines } from "../draft";

/* Amend: the wizard's item and slot steps on the booking (same street), sent with the version read. */
export function Amend({ booking, onDone, onClose }: { booking: PickupBooking; onDone: (b: PickupBooking) => void; onClose: () => void }) {
  const items = useApiLoad("pickup-items", pickupItems);
  const [lines, setLines] = useState<ItemLines>(() => Object.fromEntries(booking.items.map((i) => [i.code, i.qty])));
  const [slot, setSlot] = useState<{ id: string; date: string; window: "am" | "pm" }>(booking.slot);
  const [notice, setNotice] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const catalogue = items.state.status === "ok" ? items.state.data.items : [];
  const before = JSON.stringify(
    linesOf(Object.fromEntries(booking.items.map((i) => [i.code, i.qty]))).sort((a, b) => a.code.localeCompare(b.code)),
  );
  const after = linesOf(lines).sort((a, b) => a.code.localeCompare(b.code));
  const itemsChanged = JSON.stringify(after) !== before;
  const slotChanged = slot.id !== booking.slot.id;

  const save = async () => {
    if (busy) return;
    if (totalItems(lines) === 0) return setError("请至少保留一件物品，不需要收运请取消预约");
    if (!itemsChanged && !slotChanged) return setError("没有修改任何内容");
    const body: PickupAmendRequest = {
      version: booking.version,
      ...(itemsChanged ? { items: after } : {}),
      ...(slotChanged ? { slotId: slot.id } : {}),
    };
    setBusy(true);
    setError(null);
    const res = await amendPickup(booking.id, body);
    setBusy(false);
    if (res.ok) return onDone(res.data);
    if (isSlotGone(res)) {
      setNotice(SLOT_FULL_MESSAGE);
      setRefresh((n) => n + 1);
      return;
    }
    setError(pickupErrorZh(res));
  };

  return (
    <View className="card pickup-amend">
      <Text className="section-title">修改预约</Text>
      {items.state.status === "loading" ? <Text className="hint-text">正在加载…</Text> : null}
      {items.state.status === "error" ? <Text className="field-error">{items.state.error.message}</Text> : null}
      {items.state.status === "ok" ? (
        <>
          <ItemsStep items={catalogue} lines={lines} onChange={setLines} />
          <SlotStep
            streetCode={booking.slot.streetCode}
            slotId={slot.id}
            onSlot={(s) => {
              setNotice(null);
              setSlot({ id: s.id, date: s.date, window: s.window });
            }}
            volume={volumeOfLines(lines, catalogue)}
            refresh={refresh}
            notice={notice}
            current={{ slotId: booking.slot.id, points: booking.volumePoints }}
          />
          <Text className="hint-text amend-slot">
            收运时间：{dateLabel(slot.date)} {PICKUP_WINDOWS[slot.window].label}
          </Text>
        </>
      ) : null}
      {error ? <Text className="field-error amend-error">{error}</Text> : null}
      <Button className="btn btn-primary btn-large amend-save" disabled={busy || undefined} onClick={() => void save()}>
        {busy ? "正在保存…" : "保存修改"}
      </Button>
      <Button className="btn btn-large amend-close" onClick={onClose}>
        不修改了
      </Button>
    </View>
  );
}

import { PICKUP_WINDOWS } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useRef, useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { newIdempotencyKey } from "../../../services/idempotencyKey";
import { useSession } from "../../../services/session";
import { askForSubscribeMessages } from "../../../services/subscribe";
import { useApiLoad } from "../../../services/useApiLoad";
import { createPickup, PICKUP_STATUS_TEMPLATE_ID, pickupItems } from "../api";
import { AddressStep } from "../components/AddressStep";
import { ContactStep } from "../components/ContactStep";
import { ItemsStep } from "../components/ItemsStep";
import { PhotosStep } from "../components/PhotosStep";
import { PlacementStep } from "../components/PlacementStep";
import { dateLabel, SlotStep } from "../components/SlotStep";
import {
  type BookingDraft,
  type BookingStep,
  emptyBookingDraft,
  isSlotGone,
  pickupErrorZh,
  SLOT_FULL_MESSAGE,
  stepProblem,
  toBookingRequest,
  volumeOfLines,
} from "../draft";
import "../pickups.css";
import { bookingUrl } from "../routes";
import { streetCodeAt, streetLabel } from "../street";

/*
 * 大件垃圾预约: the booking wizard. Items, photos (optional), address and map point, placement and access
 * notes, contact phone (代预约), then the slot and submit. One Idempotency-Key per submission, kept across
 * its retries; when the slot filled meanwhile, the resident picks again and keeps everything else.
 */
const STEPS: { id: BookingStep; title: string }[] = [
  { id: "items", title: "物品" },
  { id: "photos", title: "照片" },
  { id: "address", title: "地址" },
  { id: "placement", title: "放置位置" },
  { id: "contact", title: "联系电话" },
  { id: "slot", title: "收运时间" },
];

export default function BookPickupPage() {
  const session = useSession();
  const items = useApiLoad(session ? "pickup-items" : null, pickupItems);
  const [draft, setDraft] = useState<BookingDraft>(emptyBookingDraft);
  const [stepIndex, setStepIndex] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [slotNotice, setSlotNotice] = useState<string | null>(null);
  const [slotRefresh, setSlotRefresh] = useState(0);
  const [chosenSlot, setChosenSlot] = useState<{ date: string; window: "am" | "pm" } | null>(null);
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  /** The submission in flight or last refused: a retry of the same body sends the same key. */
  const submission = useRef<{ key: string; body: string; subscriptions: string[] } | null>(null);
  const step = STEPS[stepIndex]?.id ?? "items";
  const catalogue = items.state.status === "ok" ? items.state.data.items : [];
  const volume = volumeOfLines(draft.lines, catalogue);
  const update = (change: Partial<BookingDraft>) => {
    setProblem(null);
    setDraft((d) => ({ ...d, ...change }));
  };

  const goTo = (index: number) => {
    setProblem(null);
    setSubmitError(null);
    if (STEPS[index]?.id === "slot" && draft.streetCode === null && draft.location) update({ streetCode: streetCodeAt(draft.location) });
    setStepIndex(index);
  };
  const next = () => {
    const p = stepProblem(step, draft);
    if (p) return setProblem(p);
    goTo(stepIndex + 1);
  };

  const submit = async () => {
    if (busy) return;
    const p = stepProblem("slot", draft);
    if (p) return setProblem(p);
    const request = toBookingRequest(draft);
    if (!request) return setSubmitError("预约内容不完整，请返回检查");
    const body = JSON.stringify(request);
    setBusy(true);
    setSubmitError(null);
    // A new submission asks for the pickups messages first (inside this tap, as WeChat requires); a retry of the
    // same one reuses its key and its answer, so the retried request is the same request.
    if (submission.current?.body !== body) {
      submission.current = { key: newIdempotencyKey("pku"), body, subscriptions: await askForSubscribeMessages(PICKUP_STATUS_TEMPLATE_ID) };
    }
    const { key, subscriptions } = submission.current;
    const res = await createPickup(subscriptions.length ? { ...request, subscriptions } : request, key);
    setBusy(false);
    if (res.ok) {
      void Taro.showToast({ title: "预约成功", icon: "success" });
      void Taro.redirectTo({ url: bookingUrl(res.data.id) });
      return;
    }
    if (isSlotGone(res)) {
      setDraft((d) => ({ ...d, slotId: null }));
      setChosenSlot(null);
      setSlotNotice(SLOT_FULL_MESSAGE);
      setSlotRefresh((n) => n + 1);
      setStepIndex(STEPS.findIndex((s) => s.id === "slot"));
      return;
    }
    setSubmitError(pickupErrorZh(res));
  };

  const footer =
    session && items.state.status === "ok" ? (
      <View className="wizard-nav">
        {problem ? <Text className="field-error wizard-problem">{problem}</Text> : null}
        {submitError ? <Text className="field-error submit-error">{submitError}</Text> : null}
        {step === "slot" ? (
          <Button className="btn btn-primary btn-large pickup-submit" disabled={busy || undefined} onClick={() => void submit()}>
            {busy ? "正在提交…" : "提交预约"}
          </Button>
        ) : (
          <Button className="btn btn-primary btn-large wizard-next" onClick={next}>
            下一步
          </Button>
        )}
        {stepIndex > 0 ? (
          <Button className="btn btn-large wizard-back" disabled={busy || undefined} onClick={() => goTo(stepIndex - 1)}>
            上一步
          </Button>
        ) : null}
      </View>
    ) : null;

  return (
    <PageContainer
      className="pickup-book-page"
      title="大件垃圾预约"
      subtitle={`第 ${stepIndex + 1} 步，共 ${STEPS.length} 步：${STEPS[stepIndex]?.title ?? ""}`}
      needsLogin={!session}
      loginHint="登录后才能预约上门收运"
      loading={items.state.status === "loading"}
      error={items.state.status === "error" ? items.state.error : null}
      onRetry={items.reload}
      empty={items.state.status === "ok" && catalogue.length === 0}
      emptyText="暂时没有可预约的物品"
      toolbar={
        <View className="wizard-steps">
          {STEPS.map((s, i) => (
            <Text
              key={s.id}
              className={`wizard-step wizard-step--${s.id}${i === stepIndex ? " is-current" : ""}${i < stepIndex ? " is-done" : ""}`}
            >
              {i + 1}. {s.title}
            </Text>
          ))}
        </View>
      }
      footer={footer}
    >
      {step === "items" ? <ItemsStep items={catalogue} lines={draft.lines} onChange={(lines) => update({ lines })} /> : null}
      {step === "photos" ? (
        <PhotosStep photos={draft.photos} setPhotos={(fn) => setDraft((d) => ({ ...d, photos: fn(d.photos) }))} />
      ) : null}
      {step === "address" ? (
        <AddressStep
          address={draft.address}
          location={draft.location}
          onAddress={(address) => update({ address })}
          onLocation={(location) => update({ location, streetCode: null, slotId: null })}
          onContactPhone={(phone) => setDraft((d) => (d.phone ? d : { ...d, phone }))}
        />
      ) : null}
      {step === "placement" ? (
        <PlacementStep
          placement={draft.placement}
          accessNotes={draft.accessNotes}
          onPlacement={(placement) => update({ placement })}
          onAccessNotes={(accessNotes) => update({ accessNotes })}
        />
      ) : null}
      {step === "contact" ? (
        <ContactStep
          phone={draft.phone}
          onBehalf={draft.onBehalf}
          onBehalfName={draft.onBehalfName}
          onPhone={(phone) => update({ phone })}
          onOnBehalf={(onBehalf) => update({ onBehalf })}
          onOnBehalfName={(onBehalfName) => update({ onBehalfName })}
        />
      ) : null}
      {step === "slot" ? (
        <>
          <SlotStep
            streetCode={draft.streetCode}
            onStreet={(streetCode) => {
              setChosenSlot(null);
              update({ streetCode, slotId: null });
            }}
            slotId={draft.slotId}
            onSlot={(s) => {
              setSlotNotice(null);
              setChosenSlot({ date: s.date, window: s.window });
              update({ slotId: s.id });
            }}
            volume={volume}
            refresh={slotRefresh}
            notice={slotNotice}
          />
          <View className="card pickup-summary">
            <Text className="pickup-summary__line">地址：{draft.address}</Text>
            <Text className="pickup-summary__line">放置：{draft.placement}</Text>
            <Text className="pickup-summary__line">
              电话：{draft.phone}
              {draft.onBehalf ? `（代预约，联系人 ${draft.onBehalfName}）` : ""}
            </Text>
            {draft.streetCode ? <Text className="pickup-summary__line">街道：{streetLabel(draft.streetCode)}</Text> : null}
            {chosenSlot ? (
              <Text className="pickup-summary__line pickup-summary__slot">
                时间：{dateLabel(chosenSlot.date)} {PICKUP_WINDOWS[chosenSlot.window].label}
              </Text>
            ) : null}
          </View>
        </>
      ) : null}
    </PageContainer>
  );
}

import { type CollectorJob, PICKUP_CATEGORY_LABELS, type PickupItem } from "@civic/shared";
import { Button, Input, Text, Textarea, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { useApiLoad } from "../../../services/useApiLoad";
import { usePhotoUploads } from "../../../services/usePhotoUploads";
import { pickupItems } from "../api";
import { PhotoField } from "../components/PhotoField";
import { addTaken, checkTaken, type TakenDraft, type TakenErrors, takenFromBooking } from "./taken";
import type { JobActionRunner } from "./useJobAction";

/*
 * 完成收运: photos of the collection, the items actually taken (pre-filled from the booking; quantities
 * editable; other catalogue items addable) and the weight of every 可回收 item.
 */
export function CompleteForm({ job, run, onClose }: { job: CollectorJob; run: JobActionRunner; onClose: () => void }) {
  const [lines, setLines] = useState<TakenDraft[]>(() => takenFromBooking(job));
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<TakenErrors>({});
  const [adding, setAdding] = useState(false);
  const photos = usePhotoUploads(6);
  const catalogue = useApiLoad(adding ? "pickup-items" : null, pickupItems).state;

  const patch = (code: string, change: Partial<TakenDraft>) => {
    setLines((ls) => ls.map((l) => (l.code === code ? { ...l, ...change } : l)));
    // A corrected line no longer shows the problem the last submit found with it.
    setErrors(({ [`qty-${code}`]: _qty, [`kg-${code}`]: _kg, ...rest }) => rest);
  };
  const add = (item: PickupItem) => {
    setLines((ls) => addTaken(ls, item));
    setAdding(false);
  };

  const submit = async () => {
    const checked = checkTaken(lines);
    const problems: TakenErrors = checked.ok ? {} : { ...checked.errors };
    if (photos.uploading) problems.photos = "照片还在上传，请稍候";
    else if (photos.ids.length === 0) problems.photos = "请至少拍一张收运现场的照片";
    setErrors(problems);
    if (!checked.ok || Object.keys(problems).length > 0) return;
    const trimmed = note.trim();
    await run("complete", { taken: checked.taken, photoIds: photos.ids, ...(trimmed ? { note: trimmed } : {}) });
  };

  const err = (key: string) => (errors[key] ? <Text className={`form-error field-error field-error-${key}`}>{errors[key]}</Text> : null);

  return (
    <View className="card job-form complete-form">
      <Text className="section-title">完成收运</Text>
      <PhotoField
        state={photos}
        label="收运现场照片（必填，最多 6 张）"
        error={photos.ids.length > 0 && !photos.uploading ? undefined : errors.photos}
      />
      <View className="form-field taken-lines">
        <Text className="field-label">实际收走的物品</Text>
        <Text className="field-hint">已按预约填好，请按实际情况修改数量；标有“可回收”的物品请称重填写公斤数。</Text>
        {lines.map((l) => (
          <View key={l.code} className={`taken-line taken-line-${l.code}${l.recyclable ? " taken-line--recyclable" : ""}`}>
            <View className="taken-line__head">
              <Text className="taken-line__name">{l.name}</Text>
              {l.recyclable ? <Text className="job-badge job-badge--recyclable">可回收</Text> : null}
              <Text className="taken-line__remove" onClick={() => setLines((ls) => ls.filter((x) => x.code !== l.code))}>
                删除
              </Text>
            </View>
            <View className="taken-line__inputs">
              <Text className="taken-line__label">数量</Text>
              <Input
                className="text-input taken-qty"
                type="number"
                value={l.qty}
                maxlength={2}
                onInput={(e) => patch(l.code, { qty: e.detail.value })}
              />
              {l.recyclable ? (
                <>
                  <Text className="taken-line__label">重量（公斤）</Text>
                  <Input
                    className="text-input taken-kg"
                    type="digit"
                    value={l.kg}
                    maxlength={7}
                    placeholder="称重"
                    onInput={(e) => patch(l.code, { kg: e.detail.value })}
                  />
                </>
              ) : null}
            </View>
            {err(`qty-${l.code}`)}
            {err(`kg-${l.code}`)}
          </View>
        ))}
        {err("taken")}
        {adding ? (
          <View className="taken-catalogue">
            {catalogue.status === "loading" ? <Text className="page-note">加载物品目录…</Text> : null}
            {catalogue.status === "error" ? <Text className="form-error">{catalogue.error.message}</Text> : null}
            {catalogue.status === "ok" ? (
              <View className="chip-row">
                {catalogue.data.items
                  .filter((i) => i.active)
                  .map((i) => (
                    <Chip
                      key={i.code}
                      label={`${i.name}（${PICKUP_CATEGORY_LABELS[i.category]}）`}
                      className={`taken-add-item taken-add-${i.code}`}
                      active={false}
                      onTap={() => add(i)}
                    />
                  ))}
              </View>
            ) : null}
          </View>
        ) : (
          <Button className="btn taken-add" onClick={() => setAdding(true)}>
            ＋ 添加其他物品
          </Button>
        )}
      </View>
      <View className="form-field">
        <Text className="field-label">备注（可选）</Text>
        <Textarea className="text-input text-area complete-note" value={note} maxlength={200} onInput={(e) => setNote(e.detail.value)} />
      </View>
      <View className="job-form__buttons">
        <Button className="btn job-form-cancel" onClick={onClose}>
          取消
        </Button>
        <Button className="btn btn-primary complete-submit" onClick={() => void submit()}>
          提交完成
        </Button>
      </View>
    </View>
  );
}

import type { AdminReward } from "@civic/shared";
import { Button, Image, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { FieldError } from "../../../components/FieldError";
import { apiBase } from "../../../platform";
import { fieldErrors } from "../../../services/fieldErrors";
import type { ApiResult } from "../../../services/request";
import { usePhotoUploads } from "../../../services/usePhotoUploads";
import { createReward, updateReward } from "../api";

/*
 * Add (reward null) or edit one reward. The picture is uploaded as soon as it is chosen (like other admin
 * forms' photos). An edit carries the version shown; if another admin saved first, the form says so and
 * shows theirs (409 stale_version). The server validates; its 422 shows under each field.
 */

interface Draft {
  name: string;
  description: string;
  price: string;
  stock: string;
  placeName: string;
  placeAddress: string;
  placeHours: string;
  activeFrom: string;
  activeTo: string;
  retired: boolean;
}

const draftOf = (r: AdminReward | null, today: string): Draft => ({
  name: r?.name ?? "",
  description: r?.description ?? "",
  price: r ? String(r.price) : "",
  stock: r ? String(r.stock) : "",
  placeName: r?.place.name ?? "",
  placeAddress: r?.place.address ?? "",
  placeHours: r?.place.hours ?? "",
  activeFrom: r?.activeFrom ?? today,
  activeTo: r?.activeTo ?? "",
  retired: r?.retired ?? false,
});

const numberOrText = (v: string): number => (v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : (v as unknown as number));
const src = (url: string) => (/^https?:\/\//.test(url) ? url : `${apiBase()}${url}`);

export function RewardForm(props: { reward: AdminReward | null; today: string; onSaved: (r: AdminReward) => void }) {
  const { reward } = props;
  const [d, setD] = useState<Draft>(() => draftOf(reward, props.today));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const photos = usePhotoUploads(1);
  const set = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }));

  const finish = (res: ApiResult<AdminReward>) => {
    setBusy(false);
    if (res.ok) {
      setErrors({});
      setFailure(null);
      props.onSaved(res.data);
      return;
    }
    setErrors(fieldErrors(res));
    const details = res.details as { reason?: string; reward?: AdminReward; taken?: number } | undefined;
    if (details?.reason === "stale_version" && details.reward) {
      setFailure("其他管理员刚刚修改了这个礼品，已显示最新内容，请重新修改");
      props.onSaved(details.reward);
    } else if (details?.reason === "stock_below_taken") {
      setFailure(`库存不能少于已兑换的 ${details.taken ?? ""} 件`);
    } else setFailure(res.message);
  };

  const save = async () => {
    setBusy(true);
    const pictureId = photos.ids[0];
    const body = {
      name: d.name.trim(),
      description: d.description.trim(),
      price: numberOrText(d.price),
      stock: numberOrText(d.stock),
      place: { name: d.placeName.trim(), address: d.placeAddress.trim(), hours: d.placeHours.trim() },
      activeFrom: d.activeFrom.trim(),
      activeTo: d.activeTo.trim() || null,
      ...(pictureId ? { pictureId } : {}),
    };
    if (reward) finish(await updateReward(reward.id, { ...body, retired: d.retired, version: reward.version }));
    else finish(await createReward(body));
  };

  const text = (field: keyof Draft, label: string, placeholder: string, maxlength: number, errorField: string = field) => (
    <View className={`form-field form-field-${field}`}>
      <Text className="form-label">{label}</Text>
      <Input
        className={`text-input reward-${field}`}
        value={String(d[field])}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => set({ [field]: e.detail.value })}
      />
      <FieldError errors={errors} field={errorField} />
    </View>
  );

  const shown = photos.photos[0]?.url ?? reward?.picture?.url ?? null;
  return (
    <View className="card reward-form">
      <Text className="section-title">{reward ? `修改「${reward.name}」` : "新增礼品"}</Text>
      {reward ? (
        <Text className="admin-hint">
          已兑换 {reward.taken} 件（已领取 {reward.collected}），剩余 {reward.stockLeft} 件
        </Text>
      ) : null}
      {text("name", "名称", "如：环保购物袋", 30)}
      {text("description", "说明", "规格、用途等", 300)}
      {text("price", "所需积分", "如：50", 7)}
      {text("stock", "总库存（件）", "不少于已兑换数", 6)}
      {text("placeName", "领取点", "如：社区服务中心", 40, "place.name")}
      {text("placeAddress", "领取地址", "如：姑苏区人民路 100 号", 80, "place.address")}
      {text("placeHours", "开放时间", "如：周一至周五 9:00–17:00", 60, "place.hours")}
      {text("activeFrom", "开始日期", "YYYY-MM-DD", 10)}
      {text("activeTo", "结束日期（可空）", "YYYY-MM-DD", 10)}
      <View className="form-field reward-picture">
        <Text className="form-label">图片</Text>
        {shown ? <Image className="reward-form__picture" src={src(shown)} mode="aspectFill" /> : null}
        {photos.photos[0]?.error ? <Text className="form-error">{photos.photos[0].error}</Text> : null}
        <Button
          className="btn reward-picture-pick"
          onClick={() => (photos.photos[0] ? photos.remove(photos.photos[0].key) : void photos.add())}
        >
          {photos.photos[0] ? "移除新图片" : "选择图片"}
        </Button>
        <FieldError errors={errors} field="pictureId" />
      </View>
      {reward ? (
        <View className="chip-row">
          <Text className="chip-row__label">状态</Text>
          <Chip label="上架" className="reward-retired-no" active={!d.retired} onTap={() => set({ retired: false })} />
          <Chip label="下架" className="reward-retired-yes" active={d.retired} onTap={() => set({ retired: true })} />
        </View>
      ) : null}
      {failure ? <Text className="form-error reward-form-failure">{failure}</Text> : null}
      <Button
        className="btn btn-primary reward-save"
        loading={busy}
        disabled={busy || photos.uploading || undefined}
        onClick={() => void save()}
      >
        保存
      </Button>
    </View>
  );
}

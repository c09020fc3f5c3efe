import { PICKUP_DEFAULTS, type PickupBookingRequest, type PickupItem, volumeOf } from "@civic/shared";
import type { DraftPhoto } from "../../services/photoDrafts";
import type { ApiFailure } from "../../services/request";

/*
 * The booking wizard's draft (大件垃圾预约): what the resident has filled in so far, the checks each step
 * makes before 下一步, the request it becomes, and the Chinese text for the API's refusals.
 */
/** The items' photos: the same draft photos as a report's (services/photoDrafts). */
export type PickupPhoto = DraftPhoto;

/** Quantity per item code (absent or 0: not booked). */
export type ItemLines = Record<string, number>;

export interface BookingDraft {
  lines: ItemLines;
  photos: PickupPhoto[];
  address: string;
  location: { lat: number; lng: number } | null;
  placement: string;
  accessNotes: string;
  phone: string;
  onBehalf: boolean;
  onBehalfName: string;
  streetCode: string | null;
  slotId: string | null;
}

export const emptyBookingDraft = (): BookingDraft => ({
  lines: {},
  photos: [],
  address: "",
  location: null,
  placement: "",
  accessNotes: "",
  phone: "",
  onBehalf: false,
  onBehalfName: "",
  streetCode: null,
  slotId: null,
});

export const MAX_PICKUP_PHOTOS = 6;
export const MAX_ACCESS_NOTES = 250;
export const MAX_PLACEMENT = 60;
export const DOOR_CODE_REMINDER = "请勿填写门禁密码";
export const SLOT_FULL_MESSAGE = "该时段已约满，请重新选择";
const PHONE = /^1\d{10}$/;

export const totalItems = (lines: ItemLines): number => Object.values(lines).reduce((s, q) => s + Math.max(q, 0), 0);

export const linesOf = (lines: ItemLines) =>
  Object.entries(lines)
    .filter(([, qty]) => qty > 0)
    .map(([code, qty]) => ({ code, qty }));

export const volumeOfLines = (lines: ItemLines, catalogue: readonly PickupItem[]): number => volumeOf(linesOf(lines), catalogue);

/** Why one more of `item` is refused, naming the item; null when it may be added. */
export function addRefusal(item: PickupItem, lines: ItemLines, maxItems: number = PICKUP_DEFAULTS.maxItems): string | null {
  const qty = lines[item.code] ?? 0;
  if (qty >= item.maxPerBooking) return `「${item.name}」每次最多预约 ${item.maxPerBooking} 件`;
  if (totalItems(lines) >= maxItems) return `每次预约最多 ${maxItems} 件物品，不能再添加「${item.name}」`;
  return null;
}

export type BookingStep = "items" | "photos" | "address" | "placement" | "contact" | "slot";

export function stepProblem(step: BookingStep, d: BookingDraft): string | null {
  switch (step) {
    case "items":
      return totalItems(d.lines) > 0 ? null : "请至少选择一件物品";
    case "photos":
      if (d.photos.some((p) => p.status === "uploading")) return "照片还在上传，请稍候";
      return d.photos.some((p) => p.status === "failed") ? "有照片上传失败，请重试或删除" : null;
    case "address":
      if (d.address.trim().length < 4) return "请填写详细地址（小区、楼栋、门牌号）";
      return d.location ? null : "请在地图上标出收运地点";
    case "placement":
      if (!d.placement.trim()) return "请填写物品放置位置";
      return d.accessNotes.length > MAX_ACCESS_NOTES ? `进出说明最多 ${MAX_ACCESS_NOTES} 个字` : null;
    case "contact":
      if (!PHONE.test(d.phone.trim())) return "请填写 11 位手机号码";
      return d.onBehalf && !d.onBehalfName.trim() ? "代预约请填写联系人姓名" : null;
    case "slot":
      return d.slotId ? null : "请选择收运时段";
  }
}

/** The POST pickups body; null while something is missing. */
export function toBookingRequest(d: BookingDraft): PickupBookingRequest | null {
  if (!d.location || !d.slotId) return null;
  const photoIds = d.photos.flatMap((p) => (p.uploadId ? [p.uploadId] : []));
  return {
    items: linesOf(d.lines),
    ...(photoIds.length ? { photoIds } : {}),
    address: d.address.trim(),
    location: d.location,
    placement: d.placement.trim(),
    ...(d.accessNotes.trim() ? { accessNotes: d.accessNotes.trim() } : {}),
    contactPhone: d.phone.trim(),
    ...(d.onBehalf ? { onBehalf: { name: d.onBehalfName.trim() } } : {}),
    slotId: d.slotId,
  };
}

const reasonOf = (f: ApiFailure): string | undefined => {
  const details = f.details as { reason?: unknown } | undefined;
  return typeof details?.reason === "string" ? details.reason : undefined;
};

/** The slot is gone or full: the resident picks another and keeps everything else. */
export const isSlotGone = (f: ApiFailure): boolean =>
  (f.status === 409 && (reasonOf(f) === "slot_full" || reasonOf(f) === "not_bookable")) || (f.status === 404 && f.code === "not_found");

const CONFLICT_TEXT: Record<string, string> = {
  slot_full: SLOT_FULL_MESSAGE,
  not_bookable: "该日期已不能预约，请重新选择时段",
  quota_used: "您家今年的大件垃圾预约次数已用完（每户每年有次数限制），如有需要请联系所在街道",
  deadline_passed: "已过修改截止时间（收运前一天 14:00），不能再取消或修改",
  stale: "预约刚刚有变化，请刷新后重试",
  too_early: "收运时段还没结束，结束后才能反馈未收运",
  already_rated: "您已经评价过了",
  illegal_transition: "预约当前的状态不能进行此操作，请刷新查看",
};

/** Chinese text for a failed booking request or change. */
export function pickupErrorZh(f: ApiFailure): string {
  const reason = reasonOf(f);
  if (f.status === 409 && reason && CONFLICT_TEXT[reason]) return CONFLICT_TEXT[reason];
  if (f.status === 422) return "填写的内容有误（如物品数量超出限制），请返回检查";
  return f.message;
}

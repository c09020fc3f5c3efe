import type { CollectorJob, PickupItem, TakenLine } from "@civic/shared";

/*
 * What the collector actually took, as typed: pre-filled from the booking, quantities editable, other
 * catalogue items addable. Every 可回收 line needs its weight in kg (the recycling chain credits it);
 * other lines carry none.
 */
export interface TakenDraft {
  code: string;
  name: string;
  recyclable: boolean;
  qty: string;
  kg: string;
}

export const takenFromBooking = (job: Pick<CollectorJob, "items">): TakenDraft[] =>
  job.items.map((i) => ({ code: i.code, name: i.name, recyclable: i.recyclable, qty: String(i.qty), kg: "" }));

/** Adds one of `item`, or one more if it is already listed. */
export function addTaken(lines: readonly TakenDraft[], item: Pick<PickupItem, "code" | "name" | "recyclable">): TakenDraft[] {
  if (lines.some((l) => l.code === item.code)) {
    return lines.map((l) => (l.code === item.code ? { ...l, qty: String(Math.min(20, (Number(l.qty) || 0) + 1)) } : l));
  }
  return [...lines, { code: item.code, name: item.name, recyclable: item.recyclable, qty: "1", kg: "" }];
}

export type TakenErrors = Record<string, string>;

/** The request's `taken`, or the problems keyed `qty-<code>`, `kg-<code>` and `taken`. */
export function checkTaken(lines: readonly TakenDraft[]): { ok: true; taken: TakenLine[] } | { ok: false; errors: TakenErrors } {
  const errors: TakenErrors = {};
  const taken: TakenLine[] = [];
  if (lines.length === 0) errors.taken = "请至少填写一件实际收走的物品";
  for (const l of lines) {
    const qty = Number(l.qty.trim());
    if (!Number.isInteger(qty) || qty < 1 || qty > 20) errors[`qty-${l.code}`] = "数量应为 1–20 的整数";
    let kg: number | undefined;
    if (l.recyclable) {
      kg = Number(l.kg.trim());
      if (l.kg.trim() === "" || !Number.isFinite(kg) || kg <= 0 || kg > 1000) {
        errors[`kg-${l.code}`] = "可回收物品请填写称重（0–1000 公斤）";
      }
    }
    taken.push(l.recyclable ? { code: l.code, qty, kg } : { code: l.code, qty });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, taken };
}

import type { WasteClass } from "../city/waste-classes";
import type { GuideItem } from "./schemas";

/** One dataset row: id, name, synonyms, how to dispose, and optionally a note and the bulky flag. */
export type GuideRow = [id: string, name: string, synonyms: string[], howTo: string, extra?: { note?: string; bulky?: boolean }];

/** The bulky-waste booking page the guide points to for furniture and appliances. */
export const BULKY_PICKUP_PAGE = "/packages/pickups/book/index";

export const BULKY_HOW_TO = "体积较大，请勿放入垃圾桶，预约大件垃圾上门回收或送至小区指定堆放点";

export function defineItems(cls: WasteClass, rows: GuideRow[]): GuideItem[] {
  return rows.map(([id, name, synonyms, howTo, extra]) => ({
    id,
    name,
    class: cls,
    synonyms,
    howTo,
    ...(extra?.note ? { note: extra.note } : {}),
    ...(extra?.bulky ? { bulky: true } : {}),
  }));
}

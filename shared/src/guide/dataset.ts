import { HAZARDOUS_ITEMS } from "./items-hazardous";
import { KITCHEN_ITEMS } from "./items-kitchen";
import { OTHER_ITEMS } from "./items-other";
import { RECYCLABLE_ITEMS } from "./items-recyclable";
import type { GuideItem } from "./schemas";

/** The built-in sorting guide: every item the project ships, in the order the class page lists them. */
export const GUIDE_ITEMS: readonly GuideItem[] = [...RECYCLABLE_ITEMS, ...HAZARDOUS_ITEMS, ...KITCHEN_ITEMS, ...OTHER_ITEMS];

/** FNV-1a over a string, as 8 hex digits: a short, stable fingerprint (not a security hash). */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The built-in dataset's version: changes whenever an item is added, removed or edited. */
export const GUIDE_BASE_VERSION = `b${GUIDE_ITEMS.length}-${fingerprint(JSON.stringify(GUIDE_ITEMS))}`;

/** The version of the whole guide (built-in + items the bureau added from suggestions). */
export function guideVersion(added: readonly GuideItem[]): string {
  return added.length === 0 ? GUIDE_BASE_VERSION : `${GUIDE_BASE_VERSION}.a${added.length}-${fingerprint(JSON.stringify(added))}`;
}

import { useEffect, useState } from "react";
import type { District } from "../city/districts";
import { currentPosition, isPermissionError, privacyConsent } from "../services/position";

/*
 * Where the finder searches. The phone's location is asked for only when the user taps "find toilets",
 * after the privacy consent; the place is kept in memory for this visit and never stored.
 */
export interface SearchPlace {
  lat: number;
  lng: number;
  label: string;
  source: "gps" | "district";
}

let currentPlace: SearchPlace | null = null;
const listeners = new Set<() => void>();

export const getSearchPlace = (): SearchPlace | null => currentPlace;
export function setSearchPlace(place: SearchPlace | null): void {
  currentPlace = place;
  for (const l of [...listeners]) l();
}
export function useSearchPlace(): SearchPlace | null {
  const [place, setPlace] = useState(currentPlace);
  useEffect(() => {
    setPlace(currentPlace);
    const listener = () => setPlace(currentPlace);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return place;
}

export const districtPlace = (d: District): SearchPlace => ({ lat: d.lat, lng: d.lng, label: `${d.name}中心`, source: "district" });

export const PRIVACY_NOTICE_ZH =
  "为了查找您附近的便民设施（公共厕所、停车场、夜市等），需要获取您当前的位置。位置只在您点击查找时获取，仅用于本次查询附近的设施。您也可以不授权，改为选择所在区域查找。";

export type LocateOutcome =
  | { ok: true; place: SearchPlace }
  | { ok: false; reason: "privacy_declined" | "denied" | "unavailable"; message: string };

/** One notice for every finder: the place found is the search place of them all for this visit. */
export async function locateMe(): Promise<LocateOutcome> {
  if (!(await privacyConsent(PRIVACY_NOTICE_ZH))) {
    return { ok: false, reason: "privacy_declined", message: "您没有同意获取位置，可以选择所在区域查找" };
  }
  try {
    const { lat, lng } = await currentPosition();
    return { ok: true, place: { lat, lng, label: "我的位置", source: "gps" } };
  } catch (error) {
    return isPermissionError(error)
      ? { ok: false, reason: "denied", message: "没有获得位置权限，请选择所在区域查找" }
      : { ok: false, reason: "unavailable", message: "暂时无法获取您的位置，请选择所在区域查找" };
  }
}

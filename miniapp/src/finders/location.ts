import { wgs84ToGcj02 } from "@civic/shared";
import Taro from "@tarojs/taro";
import { useEffect, useState } from "react";
import { isWeapp } from "../platform";
import type { District } from "./districts";

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
  "为了查找您附近的公共厕所，需要获取您当前的位置。位置只在您点击查找时获取，仅用于本次查询附近的设施。您也可以不授权，改为选择所在区域查找。";

export type LocateOutcome =
  | { ok: true; place: SearchPlace }
  | { ok: false; reason: "privacy_declined" | "denied" | "unavailable"; message: string };

const LOCATE_TIMEOUT_MS = 10_000;

function callbackApi<R>(start: (done: { success: (r: R) => void; fail: (e: unknown) => void }) => void): Promise<R> {
  return new Promise((resolve, reject) => start({ success: resolve, fail: reject }));
}

/** WeChat's privacy flow: our notice first, then WeChat's own authorisation. Other platforms have none. */
async function privacyConsent(): Promise<boolean> {
  if (!isWeapp() || typeof Taro.getPrivacySetting !== "function") return true;
  try {
    const setting = await callbackApi<Taro.getPrivacySetting.SuccessCallbackResult>((cb) => Taro.getPrivacySetting(cb));
    if (!setting.needAuthorization) return true;
  } catch {
    // An old base library without the privacy API: the location prompt itself still asks.
    return true;
  }
  const answer = await Taro.showModal({ title: "位置信息使用说明", content: PRIVACY_NOTICE_ZH, confirmText: "同意", cancelText: "不同意" });
  if (!answer.confirm) return false;
  try {
    await callbackApi<TaroGeneral.CallbackResult>((cb) => Taro.requirePrivacyAuthorize(cb));
    return true;
  } catch {
    return false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject({ errMsg: "getLocation:fail timeout" }), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** The phone's position in GCJ-02 (Taro's H5 getLocation only knows WGS-84, so it is converted here). */
async function currentPosition(): Promise<{ lat: number; lng: number }> {
  if (isWeapp()) {
    const res = await withTimeout(Taro.getLocation({ type: "gcj02" }), LOCATE_TIMEOUT_MS);
    return { lat: res.latitude, lng: res.longitude };
  }
  const res = await withTimeout(Taro.getLocation({ type: "wgs84", highAccuracyExpireTime: LOCATE_TIMEOUT_MS - 1000 }), LOCATE_TIMEOUT_MS);
  return wgs84ToGcj02({ lat: res.latitude, lng: res.longitude });
}

export async function locateMe(): Promise<LocateOutcome> {
  if (!(await privacyConsent())) {
    return { ok: false, reason: "privacy_declined", message: "您没有同意获取位置，可以选择所在区域查找" };
  }
  try {
    const { lat, lng } = await currentPosition();
    return { ok: true, place: { lat, lng, label: "我的位置", source: "gps" } };
  } catch (error) {
    const errMsg = String((error as { errMsg?: string; message?: string } | null)?.errMsg ?? (error as Error)?.message ?? "");
    const denied = /auth|deny|denied|permission|privacy/i.test(errMsg);
    return denied
      ? { ok: false, reason: "denied", message: "没有获得位置权限，请选择所在区域查找" }
      : { ok: false, reason: "unavailable", message: "暂时无法获取您的位置，请选择所在区域查找" };
  }
}

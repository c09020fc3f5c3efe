import { wgs84ToGcj02 } from "@civic/shared";
import Taro from "@tarojs/taro";
import { isWeapp } from "../platform";
import { rememberPrivacyConsent } from "./privacyConsent";

/*
 * The phone's position, for every feature that needs one: asked only at the moment of use, after
 * WeChat's privacy flow (our notice, saying what this feature uses it for, then WeChat's own
 * authorisation), always answered in GCJ-02 (what the API stores and WeChat's map uses).
 */

const LOCATE_TIMEOUT_MS = 10_000;

export function callbackApi<R>(start: (done: { success: (r: R) => void; fail: (e: unknown) => void }) => void): Promise<R> {
  return new Promise((resolve, reject) => start({ success: resolve, fail: reject }));
}

/** WeChat's privacy flow with `notice` as our explanation. Other platforms have none: true. */
export async function privacyConsent(notice: string): Promise<boolean> {
  if (!isWeapp() || typeof Taro.getPrivacySetting !== "function") return true;
  try {
    const setting = await callbackApi<Taro.getPrivacySetting.SuccessCallbackResult>((cb) => Taro.getPrivacySetting(cb));
    if (!setting.needAuthorization) return true;
  } catch {
    // An old base library without the privacy API: the location prompt itself still asks.
    return true;
  }
  const answer = await Taro.showModal({ title: "位置信息使用说明", content: notice, confirmText: "同意", cancelText: "不同意" });
  if (!answer.confirm) return false;
  try {
    await callbackApi<TaroGeneral.CallbackResult>((cb) => Taro.requirePrivacyAuthorize(cb));
    // The server records which policy version was accepted, now or at the next sign-in.
    void rememberPrivacyConsent();
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
export async function currentPosition(): Promise<{ lat: number; lng: number }> {
  if (isWeapp()) {
    const res = await withTimeout(Taro.getLocation({ type: "gcj02" }), LOCATE_TIMEOUT_MS);
    return { lat: res.latitude, lng: res.longitude };
  }
  const res = await withTimeout(Taro.getLocation({ type: "wgs84", highAccuracyExpireTime: LOCATE_TIMEOUT_MS - 1000 }), LOCATE_TIMEOUT_MS);
  return wgs84ToGcj02({ lat: res.latitude, lng: res.longitude });
}

export const errMsgOf = (error: unknown) =>
  String((error as { errMsg?: string; message?: string } | null)?.errMsg ?? (error as Error)?.message ?? "");

/** A refusal (by the user or WeChat's settings) rather than a failure to locate. */
export const isPermissionError = (error: unknown) => /auth|deny|denied|permission|privacy/i.test(errMsgOf(error));

import Taro from "@tarojs/taro";
import { currentPosition, errMsgOf, isPermissionError, privacyConsent } from "../services/position";

/*
 * Where a report is: the phone's position (asked only when the resident taps, after the privacy notice)
 * or a point picked on WeChat's map. Always GCJ-02, the system the API stores and WeChat's map uses.
 */
export interface ReportPoint {
  lat: number;
  lng: number;
  source: "gps" | "map";
  /** From wx.chooseLocation: the place's address, to prefill the address field. */
  address?: string;
  name?: string;
}

export type PointOutcome = { ok: true; point: ReportPoint } | { ok: false; cancelled?: boolean; message: string };

export const REPORT_PRIVACY_NOTICE_ZH =
  "为了标注您上报的问题所在位置，需要获取您当前的位置。位置只在您点击时获取，仅随本次上报提交给城管部门。您也可以不授权，改为在地图上选择或选择所在区域。";

export async function currentReportPoint(): Promise<PointOutcome> {
  if (!(await privacyConsent(REPORT_PRIVACY_NOTICE_ZH)))
    return { ok: false, message: "您没有同意获取位置，可以在地图上选择或选择所在区域" };
  try {
    return { ok: true, point: { ...(await currentPosition()), source: "gps" } };
  } catch (error) {
    return isPermissionError(error)
      ? { ok: false, message: "没有获得位置权限，请在地图上选择或选择所在区域" }
      : { ok: false, message: "暂时无法获取您的位置，请在地图上选择或选择所在区域" };
  }
}

/** WeChat's own map picker (weapp only; on H5 it needs an online map key, so H5 uses the district picker). */
export async function chooseReportPoint(near: { lat: number; lng: number } | null): Promise<PointOutcome> {
  if (!(await privacyConsent(REPORT_PRIVACY_NOTICE_ZH))) return { ok: false, message: "您没有同意使用位置信息，可以选择所在区域" };
  try {
    const res = await Taro.chooseLocation(near ? { latitude: near.lat, longitude: near.lng } : {});
    const address = [res.address, res.name].filter(Boolean).join(" ").trim();
    return { ok: true, point: { lat: res.latitude, lng: res.longitude, source: "map", address: address || undefined, name: res.name } };
  } catch (error) {
    if (/cancel/i.test(errMsgOf(error))) return { ok: false, cancelled: true, message: "" };
    return { ok: false, message: "暂时无法打开地图选点，请选择所在区域" };
  }
}

/** Moves a point by metres east and north (for fine-tuning a district centre on the offline map). */
export function nudgePoint(p: { lat: number; lng: number }, eastM: number, northM: number): { lat: number; lng: number } {
  const metresPerDegLat = 111_320;
  const metresPerDegLng = 111_320 * Math.cos((p.lat * Math.PI) / 180);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { lat: round(p.lat + northM / metresPerDegLat), lng: round(p.lng + eastM / metresPerDegLng) };
}

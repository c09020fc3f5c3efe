import Taro from "@tarojs/taro";
import { isWeapp } from "../../platform";

/* Scanning with the camera in the weapp; H5 has no scanner, so its pages show a text field instead. */
export const canScan = (): boolean => isWeapp();

export async function scan(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ["qrCode"] });
    return (res as { path?: string; result?: string }).path || res.result || null;
  } catch {
    return null;
  }
}

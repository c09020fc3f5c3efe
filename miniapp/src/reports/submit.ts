import type { Category } from "@civic/shared";
import Taro from "@tarojs/taro";
import { isWeapp } from "../platform";
import type { ApiFailure } from "../services/request";
import { REPORT_STATUS_TEMPLATE_ID } from "./api";
import { fieldNameZh } from "./draft";

/*
 * The submit tap. WeChat lets a mini-program ask for subscribe messages only inside a tap, so this is
 * the first thing the tap does; H5 has no subscribe messages (and Taro's H5 stub only warns).
 */
export async function askForStatusMessages(): Promise<string[]> {
  if (!isWeapp() || typeof Taro.requestSubscribeMessage !== "function") return [];
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [REPORT_STATUS_TEMPLATE_ID] } as Parameters<
      typeof Taro.requestSubscribeMessage
    >[0])) as unknown as Record<string, unknown>;
    return res[REPORT_STATUS_TEMPLATE_ID] === "accept" ? [REPORT_STATUS_TEMPLATE_ID] : [];
  } catch {
    // Refused, or the template switched off in settings: the in-app inbox still gets every update.
    return [];
  }
}

/** What the resident reads when submitting fails: the envelope's Chinese text, plus the fields a 422 names. */
export function submitErrorZh(failure: ApiFailure, category: Category | null): string {
  if (failure.kind === "network") return `${failure.message}。您的内容还在，请点击提交重试。`;
  if (failure.status === 422 && Array.isArray(failure.details)) {
    const fields = [
      ...new Set(
        failure.details.flatMap((d) =>
          d && typeof d === "object" && typeof (d as { path?: unknown }).path === "string"
            ? [fieldNameZh((d as { path: string }).path, category)]
            : [],
        ),
      ),
    ];
    if (fields.length > 0) return `${failure.message}：${fields.join("、")}`;
  }
  return failure.message;
}

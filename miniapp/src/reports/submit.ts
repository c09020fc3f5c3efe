import type { Category } from "@civic/shared";
import type { ApiFailure } from "../services/request";
import { askForSubscribeMessages } from "../services/subscribe";
import { REPORT_STATUS_TEMPLATE_ID } from "./api";
import { fieldNameZh } from "./draft";

/** The submit tap asks for the report-status messages first (see services/subscribe). */
export const askForStatusMessages = (): Promise<string[]> => askForSubscribeMessages(REPORT_STATUS_TEMPLATE_ID);

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

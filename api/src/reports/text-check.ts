import type { ContentCheck } from "@civic/shared";
import { eq } from "drizzle-orm";
import { reports } from "../db/schema";
import type { AppDeps } from "../deps";
import { checkText } from "../platform/content-check";

/**
 * Checks a report's text (platform/content-check.ts) and records the verdict in reports.text_check; a
 * report whose text is not 'pass' stays held for a moderator. Returns the recorded verdict; never throws.
 */
export async function checkReportText(
  deps: Pick<AppDeps, "db" | "wechat" | "log" | "config">,
  input: { reportId: string; text: string; openid: string | null },
): Promise<ContentCheck> {
  const verdict = await checkText(deps, { subject: { reportId: input.reportId }, text: input.text, openid: input.openid });
  try {
    await deps.db.update(reports).set({ textCheck: verdict }).where(eq(reports.id, input.reportId));
  } catch (err) {
    deps.log.error("text check verdict not saved", { reportId: input.reportId, error: String(err) });
  }
  return verdict;
}

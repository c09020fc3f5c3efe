import type { ReportDetail } from "@civic/shared";
import { useState } from "react";
import type { ApiResult } from "../../../services/request";
import { conflictMessage, fieldIssues, heldMessage } from "../api";

/*
 * Runs one action on the case and sorts its outcome: success hands the new case to `onDone`; a 409
 * (another moderator acted first, or the case moved on) to `onConflict` with what it is now, which reloads; a 422 comes back
 * as field messages for the open form; anything else as one message.
 */
export type ActionOutcome = { ok: true } | { ok: false; conflict: boolean; message: string; fields: Record<string, string> };
export type RunAction = (name: string, call: () => Promise<ApiResult<ReportDetail>>) => Promise<ActionOutcome>;

export function useCaseAction(handlers: { onDone: (name: string, report: ReportDetail) => void; onConflict: (message: string) => void }) {
  const [busy, setBusy] = useState<string | null>(null);

  const run: RunAction = async (name, call) => {
    setBusy(name);
    const result = await call();
    setBusy(null);
    if (result.ok) {
      handlers.onDone(name, result.data);
      return { ok: true };
    }
    // Content still held is not a lost race: say what to review, keep the form, reload nothing.
    const held = result.status === 409 ? heldMessage(result) : null;
    if (held) return { ok: false, conflict: false, message: held, fields: {} };
    if (result.status === 409) {
      const message = conflictMessage(result);
      handlers.onConflict(message);
      return { ok: false, conflict: true, message, fields: {} };
    }
    return { ok: false, conflict: false, message: result.message, fields: fieldIssues(result) };
  };

  return { busy, run };
}

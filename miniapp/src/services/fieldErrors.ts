import type { FieldIssue } from "@civic/shared";
import type { ApiFailure } from "./request";

/* Used by the admin console and the bureau's pickups pages: a form shows the server's 422 under each input. */

/** A 422's problems by field (the first segment of the path): what a form shows under each input. */
export function fieldErrors(failure: ApiFailure): Record<string, string> {
  if (failure.code !== "validation_failed" || !Array.isArray(failure.details)) return {};
  const out: Record<string, string> = {};
  for (const issue of failure.details as Partial<FieldIssue>[]) {
    if (typeof issue?.path !== "string" || typeof issue.message !== "string") continue;
    const field = issue.path.split(".")[0] || "(form)";
    out[field] ??= issue.message;
  }
  return out;
}

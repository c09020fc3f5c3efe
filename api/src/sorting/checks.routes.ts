import { CheckBatchRequest, CheckBatchResponse } from "@civic/shared";
import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* A 小蜜蜂 volunteer's offline checks, synced in batches. */

export const syncChecks = createRoute({
  method: "post",
  path: "/api/v1/volunteer/checks/batch",
  tags: ["sorting", "volunteer"],
  summary:
    "Sync up to 100 checks recorded offline (ids made on the phone). Each check is its own atomic group and gets its own result: accepted (points awarded to the household, possibly 0 under the day's caps), duplicate (the first answer of the same id: a batch synced twice counts once) or conflict (code_invalid, code_expired — the resident's code must have been valid when the check was recorded —, unknown_room, self_check, too_old, in_future, bad_photo). Correct bags earn points; repeated errors bring the household a friendly notice, never a deduction. Volunteers only.",
  security: bearerAuth,
  middleware: [requireRole("volunteer")],
  request: { body: jsonBody(CheckBatchRequest) },
  responses: { 200: jsonContent(CheckBatchResponse, "One result per check, in order"), ...errorResponses(401, 403, 415, 422) },
});

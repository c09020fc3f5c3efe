import { cityClock } from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin } from "../auth/auth.middleware";
import { conflict } from "../platform/errors";
import { newId } from "../platform/ids";
import { type AppRouteHandler, bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";
import { awardStatement, balanceOf, settle } from "../points/ledger";

/*
 * Demo and test hosts only (registered with dev-login, DEV_LOGIN=1): an admin credits points to an account
 * as a weigh-in entry (source `weigh:dev-<uuid>`, no caps), so the rewards can be tried and contract-tested
 * before real earnings exist. Never registered in production.
 */

const DevGrant = z.strictObject({ accountId: z.string().min(1).max(64), points: z.int().min(1).max(100_000) });

export const devGrantPoints = createRoute({
  method: "post",
  path: "/api/v1/dev/points/grant",
  tags: ["dev"],
  summary: "Demo only (with dev-login): an admin credits points to an account (a weigh-in entry without caps)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { body: jsonBody(DevGrant) },
  responses: { 201: jsonContent(z.object({ balance: z.int() }), "Credited"), ...errorResponses(401, 403, 409, 415, 422) },
});

export const devGrantPointsHandler: AppRouteHandler<typeof devGrantPoints> = async (c) => {
  const deps = c.get("deps");
  const { accountId, points } = c.req.valid("json");
  const now = deps.clock();
  const id = newId();
  const sourceKey = `weigh:dev-${id}`;
  try {
    await deps.atomic([
      awardStatement(deps.db, {
        id,
        accountId,
        kind: "weigh_in",
        sourceKey,
        amount: points,
        cap: { kind: "weigh_in", perAccountDay: null, perActorDay: null },
        rule: "demo grant",
        actorId: null,
        day: cityClock(now, deps.config.cityZone).date,
        at: now.toISOString(),
        reason: "演示积分",
      }),
    ]);
  } catch {
    throw conflict("no such account", { reason: "unknown_account" });
  }
  if ((await settle(deps.db, sourceKey, id)).status !== "created") throw conflict("not credited", { reason: "refused" });
  return c.json({ balance: await balanceOf(deps.db, accountId) }, 201);
};

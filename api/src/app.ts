import { swaggerUI } from "@hono/swagger-ui";
import { registerAuth } from "./auth";
import { identify } from "./auth/auth.middleware";
import type { AppDeps } from "./deps";
import { registerFinders } from "./finders";
import { registerGuide } from "./guide";
import { registerMarkets } from "./markets";
import { registerMe } from "./me";
import { registerOpen311 } from "./open311";
import { registerParking } from "./parking";
import { registerPickups } from "./pickups";
import { errorBody, respondWithError } from "./platform/errors";
import { jsonWritesOnly, maxBody, requestContext } from "./platform/middleware";
import { registerInbox } from "./platform/notifications/inbox.routes";
import { createRouter } from "./platform/router";
import { registerUploads, UPLOADS_PATH, uploadBodyLimit, uploadWritesOnly } from "./platform/uploads/uploads.routes";
import { registerWechatCallbacks } from "./platform/uploads/wechat-callback.routes";
import { registerPoints } from "./points";
import { registerReports } from "./reports";
import { registerRewards } from "./rewards";
import { registerSorting } from "./sorting";
import { registerCommunities } from "./sorting/communities.index";

export type { AppDeps } from "./deps";

const LARGE_BODY_PATHS = new Set(["/api/v1/admin/toilets/import", "/api/v1/feeds/parking"]);
const smallBody = maxBody(256 * 1024);
const largeBody = maxBody(10 * 1024 * 1024);

/** The one Hono app; each host builds the deps and hands them in. */
export function createApp(deps: AppDeps) {
  const app = createRouter();

  // Two middlewares for every API call: each one more is another async step of Hono's compose on every
  // request, which shows on the nearby search's figures (docs/benchmarks.md).
  app.use("*", requestContext(deps));
  app.use("/api/*", (c, next) => {
    const identified = () => identify(c, next) as Promise<void>;
    // Reads carry no body; skipping the body checks also spares the Node adapter a full Request.
    if (c.req.method === "GET" || c.req.method === "HEAD") return identified();
    // Photo uploads carry multipart or a raw image instead of JSON, up to 10 MB (checked by magic bytes later).
    if (c.req.method === "POST" && c.req.path === UPLOADS_PATH) {
      return uploadBodyLimit(c, () => uploadWritesOnly(c, identified) as Promise<void>);
    }
    const limit = LARGE_BODY_PATHS.has(c.req.path) ? largeBody : smallBody;
    return limit(c, () => jsonWritesOnly(c, identified) as Promise<void>);
  });

  app.get("/healthz", (c) => c.json({ ok: true }));
  registerAuth(app, { devLogin: deps.config.devLogin });
  registerFinders(app);
  registerUploads(app);
  registerInbox(app);
  registerWechatCallbacks(app);
  registerReports(app);
  registerOpen311(app);
  registerMe(app);
  registerPickups(app);
  registerCommunities(app);
  registerSorting(app);
  registerMarkets(app);
  registerPoints(app);
  registerRewards(app, { devLogin: deps.config.devLogin });
  registerGuide(app);
  registerParking(app);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "Session token from /api/v1/auth/wechat (or dev-login in demos)",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "城管服务 Civic API",
      version: "1.0.0",
      description: "The urban-management bureau's public-service API. Errors: {error:{code,message,details?}}.",
    },
  });
  app.get("/docs", swaggerUI({ url: "/openapi.json", baseUrl: deps.config.docsAssetsBase, title: "城管服务 Civic API" }));

  app.notFound((c) => c.json(errorBody("not_found", `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((err, c) => respondWithError(c, err));
  return app;
}

export type CivicApp = ReturnType<typeof createApp>;

import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../platform/context";
import { open311BadRequest, open311Body, respondWithOpen311Error } from "./errors";
import { listRequests, postRequest, requestById } from "./requests.handlers";
import { discovery, serviceDefinition, services } from "./services.handlers";

/*
 * GeoReport v2 under /open311/v2, JSON only (`.json` suffix as in the spec; `.xml` is a 400). Plain Hono
 * routes outside /api: the API's JSON-body middleware does not apply, so the body cap is set here, and
 * every failure (this app's onError, the cap, unknown paths) answers in the spec's error array.
 */
const MAX_BODY_BYTES = 64 * 1024;

export function georeportApp() {
  const app = new Hono<AppEnv>();
  app.onError((err, c) => respondWithOpen311Error(c, err));
  app.use("*", async (c, next) => {
    if (/\.xml$/i.test(c.req.path)) throw open311BadRequest("this endpoint offers JSON only: ask for .json instead of .xml");
    await next();
  });
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(open311Body(413, `the body is larger than ${MAX_BODY_BYTES / 1024} KB`), 413),
    }),
  );
  app.get("/v2/discovery.json", discovery);
  app.get("/v2/services.json", services);
  app.get("/v2/services/:file{[^/]+\\.json}", serviceDefinition);
  app.get("/v2/requests.json", listRequests);
  app.post("/v2/requests.json", postRequest);
  app.get("/v2/requests/:file{[^/]+\\.json}", requestById);
  app.all("*", (c) => c.json(open311Body(404, `no Open311 resource at ${c.req.method} ${c.req.path}`), 404));
  return app;
}

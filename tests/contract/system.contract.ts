import { describe, expect, it } from "vitest";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";

export function registerSystemContract(getHarness: GetHarness) {
  describe("system: health, docs and the one error envelope", () => {
    it("answers /healthz with a request id", async () => {
      const res = await call(getHarness(), "GET", "/healthz");
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ ok: true });
      expect(res.headers.get("x-request-id")).toMatch(/^[\w.-]{8,64}$/);
    });

    it("echoes a sane caller request id and replaces a bad one", async () => {
      const good = await call(getHarness(), "GET", "/healthz", { headers: { "x-request-id": "trace-12345678" } });
      expect(good.headers.get("x-request-id")).toBe("trace-12345678");
      const bad = await call(getHarness(), "GET", "/healthz", { headers: { "x-request-id": "<script>" } });
      expect(bad.headers.get("x-request-id")).not.toBe("<script>");
    });

    it("publishes a valid OpenAPI 3.1 document listing the routes, and Swagger UI", async () => {
      const res = await call(getHarness(), "GET", "/openapi.json");
      expect(res.status).toBe(200);
      expect(res.json.openapi).toBe("3.1.0");
      const paths = Object.keys(res.json.paths);
      for (const p of [
        "/api/v1/auth/wechat",
        "/api/v1/me",
        "/api/v1/toilets/nearby",
        "/api/v1/toilets/{id}",
        "/api/v1/admin/toilets/import",
      ]) {
        expect(paths).toContain(p);
      }
      expect(res.json.components.schemas.ToiletSummary).toBeDefined();
      expect(res.json.components.schemas.ErrorEnvelope).toBeDefined();
      const docs = await getHarness().request("/docs");
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain("swagger");
    });

    it("answers an unknown route with a 404 envelope", async () => {
      const res = await call(getHarness(), "GET", "/api/v1/nope");
      expect(res.status).toBe(404);
      expectEnvelope(res, "not_found");
    });

    it("rejects malformed JSON with 400, a non-JSON body with 415, unknown fields with 422", async () => {
      const h = getHarness();
      const malformed = await call(h, "POST", "/api/v1/auth/dev-login", { body: '{"openid":' });
      expect(malformed.status).toBe(400);
      expectEnvelope(malformed, "bad_request");
      const text = await call(h, "POST", "/api/v1/auth/dev-login", { body: "openid=x", headers: { "content-type": "text/plain" } });
      expect(text.status).toBe(415);
      expectEnvelope(text, "unsupported_media_type");
      const unknown = await call(h, "POST", "/api/v1/auth/dev-login", { body: { openid: "u1", admin: true } });
      expect(unknown.status).toBe(422);
      expectEnvelope(unknown, "validation_failed");
      const wrongType = await call(h, "POST", "/api/v1/auth/dev-login", { body: { openid: 42 } });
      expect(wrongType.status).toBe(422);
      expect(wrongType.json.error.details[0].path).toBe("openid");
    });

    it("rejects an oversize body with 413 and changes nothing", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "big-admin", "admin");
      const res = await call(h, "POST", "/api/v1/admin/toilets", {
        token: admin.token,
        body: { name: "x".repeat(300 * 1024) },
      });
      expect(res.status).toBe(413);
      expectEnvelope(res, "payload_too_large");
    });
  });
}

import { NearbyToiletsResponse } from "@civic/shared";
import { describe, expect, it, vi } from "vitest";
import { apiRequest, apiRequestNoContent, buildUrl } from "../../miniapp/src/services/request";
import { getSession, saveSession } from "../../miniapp/src/services/session";
import { apiError, nearbyBody, ok, sessionFor, stubApi, TOILETS } from "./fixtures";
import Taro from "./shims/taro";

const nearby = () => apiRequest(NearbyToiletsResponse, { path: "/api/v1/toilets/nearby", query: { lat: 31.3, lng: 120.6 } });

describe("the request wrapper", () => {
  it("returns the parsed data of a successful answer", async () => {
    stubApi(() => ok(nearbyBody(TOILETS)));
    const result = await nearby();
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(result.ok && result.data.toilets.map((t) => t.name)).toEqual(TOILETS.map((t) => t.name));
  });

  it("turns a network failure into a 'network' result instead of throwing", async () => {
    stubApi(() => "network-error");
    const result = await nearby();
    expect(result).toMatchObject({ ok: false, kind: "network", message: "网络连接失败，请检查网络后重试" });
  });

  it("reads the error envelope: code, the server's message, and a Chinese message for the user", async () => {
    stubApi(() => apiError(404, "not_found", "no such toilet"));
    const result = await nearby();
    expect(result).toMatchObject({
      ok: false,
      kind: "http",
      status: 404,
      code: "not_found",
      serverMessage: "no such toilet",
      message: "没有找到相关内容",
    });
  });

  it("keeps validation details from a 422", async () => {
    stubApi(() => ({
      statusCode: 422,
      data: { error: { code: "validation_failed", message: "bad", details: [{ path: "note", message: "too long" }] } },
    }));
    const result = await nearby();
    expect(result).toMatchObject({ ok: false, code: "validation_failed", details: [{ path: "note", message: "too long" }] });
  });

  it("copes with an error that is not an envelope (a proxy's HTML page)", async () => {
    stubApi(() => ({ statusCode: 502, data: "<html>Bad Gateway</html>" }));
    const result = await nearby();
    expect(result).toMatchObject({ ok: false, kind: "http", status: 502, message: "服务暂时不可用（HTTP 502），请稍后再试" });
    expect(result.ok ? null : result.code).toBeUndefined();
  });

  it("rejects a 200 whose body does not match the shared schema", async () => {
    stubApi(() => ok({ toilets: "not a list" }));
    const result = await nearby();
    expect(result).toMatchObject({ ok: false, kind: "http", status: 200, code: "invalid_response" });
  });

  it("parses a JSON body that arrives as text", async () => {
    stubApi(() => ok(JSON.stringify(nearbyBody([]))));
    expect(await nearby()).toMatchObject({ ok: true, data: { toilets: [] } });
  });

  it("attaches the session's bearer token, and sends JSON bodies with their content type", async () => {
    saveSession(sessionFor(["resident"]));
    const sent = stubApi(() => ({ statusCode: 204, data: "" }));
    await apiRequestNoContent({ method: "POST", path: "/api/v1/things", body: { a: 1 } });
    expect(sent[0]?.header.Authorization).toBe("Bearer token-resident");
    expect(sent[0]?.header["Content-Type"]).toBe("application/json");
    expect(sent[0]?.body).toEqual({ a: 1 });
  });

  it("sends no Authorization header when nobody is signed in", async () => {
    const sent = stubApi(() => ok(nearbyBody([])));
    await nearby();
    expect(sent[0]?.header.Authorization).toBeUndefined();
  });

  it("on a 401 clears the session and opens the login page once, however many requests fail", async () => {
    saveSession(sessionFor(["resident"]));
    stubApi(() => apiError(401, "unauthorized", "session expired"));
    const navigate = vi.spyOn(Taro, "navigateTo");
    const results = await Promise.all([nearby(), nearby(), nearby()]);
    expect(results.every((r) => !r.ok && r.status === 401)).toBe(true);
    expect(getSession()).toBeNull();
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith({ url: "/pages/login/index" });
  });

  it("a 401 with on401 'stay' clears the session without leaving the page", async () => {
    saveSession(sessionFor(["resident"]));
    stubApi(() => apiError(401, "unauthorized"));
    const navigate = vi.spyOn(Taro, "navigateTo");
    await apiRequestNoContent({ method: "POST", path: "/api/v1/auth/logout", on401: "stay" });
    expect(getSession()).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it("builds query strings without the filters that are off", () => {
    expect(buildUrl("/api/v1/toilets/nearby", { lat: "31.3", accessible: true, free: false, kind: undefined, limit: 20 })).toBe(
      "/api/v1/toilets/nearby?lat=31.3&accessible=true&limit=20",
    );
  });
});

import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

describe("/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document by the official schema", async () => {
    const { harness } = createNodeHarness(wechat, { nearbyInMemory: true });
    const doc = await (await harness.request("/openapi.json")).json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("declares every error as the one envelope (Open311's own array under /open311) and every admin route as bearer-protected", async () => {
    const { harness } = createNodeHarness(wechat, { nearbyInMemory: true });
    const doc = (await (await harness.request("/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<string, { security?: unknown[]; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>
      >;
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400)
            expect(response.content?.["application/json"]?.schema.$ref, `${method} ${path} ${status}`).toBe(
              path.startsWith("/open311/") ? "#/components/schemas/Open311Errors" : "#/components/schemas/ErrorEnvelope",
            );
        }
        if (path.startsWith("/api/v1/admin/")) expect(op.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
      }
    }
  });

  it("documents query parameters as what they accept: required numbers, defaults, flag values", async () => {
    const { harness } = createNodeHarness(wechat, { nearbyInMemory: true });
    type Param = { name: string; required: boolean; schema: Record<string, unknown> };
    const doc = (await (await harness.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { parameters?: Param[] }>>;
    };
    const params = Object.fromEntries((doc.paths["/api/v1/toilets/nearby"]?.get?.parameters ?? []).map((p) => [p.name, p]));
    expect(params.lat).toMatchObject({ required: true, schema: { type: "number", minimum: -85, maximum: 85 } });
    expect(params.lng).toMatchObject({ required: true, schema: { type: "number", minimum: -180, maximum: 180 } });
    expect(params.radius).toMatchObject({ required: false, schema: { type: "integer", minimum: 50, maximum: 5000, default: 1000 } });
    for (const flag of ["openNow", "free", "accessible", "babyCare", "thirdToilet"]) {
      expect(params[flag], flag).toMatchObject({ required: false, schema: { type: "string", enum: ["true", "false", "1", "0"] } });
    }
  });
});

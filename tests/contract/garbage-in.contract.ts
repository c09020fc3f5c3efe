import { describe, expect, it } from "vitest";
import { type ContractHarness, call, type GetHarness, loginAs } from "./harness";
import { createCategories, fileReport } from "./report-fixtures";

/*
 * Bad input never gets a 500: every write route in the OpenAPI document, called as an admin (past every
 * role check) with real ids where the path wants one, gets malformed JSON, bodies of the wrong shape and
 * absurd path parameters, and must answer each with a 4xx — in the envelope under /api, in the spec's
 * error array under /open311.
 */
const BODIES: [string, string][] = [
  ["malformed JSON", "{"],
  ["a number", "42"],
  ["an array", "[1, 2]"],
  ["null", "null"],
  ["wrong types", JSON.stringify({ description: 7, reason: [], rating: "five", photoIds: "x", location: "here", into: {}, name: null })],
  ["huge strings", JSON.stringify({ description: "长".repeat(5000), note: "x".repeat(5000), reason: "y".repeat(5000) })],
];

async function ids(h: ContractHarness) {
  await createCategories(h);
  const owner = await loginAs(h, "garbage-owner");
  const report = await fileReport(h, owner.token);
  return { id: report.id, photoId: report.photos[0].id, code: "street_light", role: "volunteer", userId: owner.user.id, month: "2020-01" };
}

export function registerGarbageInContract(getHarness: GetHarness) {
  describe("garbage in", () => {
    it("every write route answers malformed and wrongly shaped bodies with a 4xx, never a 500", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "garbage-admin", "admin");
      const real = await ids(h);
      const doc = (await call(h, "GET", "/openapi.json")).json as { paths: Record<string, Record<string, unknown>> };
      const failures: string[] = [];
      let sent = 0;
      for (const [template, ops] of Object.entries(doc.paths)) {
        for (const method of Object.keys(ops)) {
          if (method === "get") continue;
          const paths = [
            template.replace(/\{(\w+)\}/g, (_, name: string) => String(real[name as keyof typeof real] ?? real.id)),
            template.replace(/\{(\w+)\}/g, () => "%00%ff..%2F"),
          ];
          for (const path of paths) {
            for (const [label, body] of BODIES) {
              const open311 = path.startsWith("/open311/");
              const res = await call(h, method.toUpperCase(), path, {
                token: admin.token,
                body,
                headers: { "content-type": open311 ? "application/x-www-form-urlencoded" : "application/json" },
              });
              sent++;
              const ok = res.status >= 400 && res.status < 500;
              const shaped = open311
                ? Array.isArray(res.json) && typeof res.json[0]?.description === "string"
                : typeof res.json?.error?.message === "string";
              // A few routes take no body and may well succeed: only a 5xx or a malformed error is a failure.
              if (res.status >= 500 || (!ok && res.status >= 300) || (ok && !shaped))
                failures.push(`${method} ${path} (${label}): ${res.status} ${JSON.stringify(res.json).slice(0, 120)}`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
      // Every write route was reached (32 of them, 12 calls each).
      expect(sent).toBeGreaterThan(300);
    }, 60_000);
  });
}

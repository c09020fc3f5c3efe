import { type CategoryInput, coarsen, gcj02ToWgs84, wgs84ToGcj02 } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { type ContractHarness, call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import { createCategories, staffActs } from "./report-fixtures";

/* An Open311 GeoReport v2 client: discovery, services, filing with an api_key, reading status; admins' keys. */

const BASE = "/open311/v2";
/** WGS-84, as an Open311 client sends it (near Guanqian Street); deliberately not a coarse cell's centre. */
const POINT = { lat: 31.306123, long: 120.614871 };

const BULKY: CategoryInput = {
  code: "bulky_dumping",
  name: "大件垃圾乱堆放",
  group: "city_appearance",
  department: "环卫处",
  slaHours: 24,
  keywords: ["大件", "家具"],
  attributes: [
    {
      code: "items",
      label: "物品",
      datatype: "multivaluelist",
      values: [
        { key: "sofa", name: "沙发" },
        { key: "bed", name: "床" },
        { key: "fridge", name: "冰箱" },
      ],
    },
    { code: "count", label: "件数", datatype: "number", hint: "大约几件" },
  ],
};

async function setUp(h: ContractHarness) {
  const admin = await loginAs(h, "o311-admin", "admin");
  await createCategories(h, admin.token);
  const bulky = await call(h, "POST", "/api/v1/admin/report-categories", { token: admin.token, body: BULKY });
  if (bulky.status !== 201) throw new Error(`create category failed: ${bulky.status} ${JSON.stringify(bulky.json)}`);
  const key = await call(h, "POST", "/api/v1/admin/open311/keys", { token: admin.token, body: { name: "市民热线系统" } });
  if (key.status !== 201) throw new Error(`create key failed: ${key.status} ${JSON.stringify(key.json)}`);
  const mod = await loginAs(h, "o311-mod", "moderator");
  return { admin, mod, apiKey: key.json.apiKey as string, keyId: key.json.id as string };
}

/** A street-light request's form fields, with personal fields the service must not keep. */
function lightFields(apiKey: string, over: Record<string, string> = {}): [string, string][] {
  const base: Record<string, string> = {
    api_key: apiKey,
    service_code: "street_light",
    lat: String(POINT.lat),
    long: String(POINT.long),
    description: "十字路口的路灯整晚不亮",
    "attribute[fault]": "off",
    "attribute[pole_number]": "SZ-0427",
    email: "citizen@example.cn",
    first_name: "小明",
    last_name: "王",
    phone: "13800001234",
    device_id: "device-1",
    ...over,
  };
  return Object.entries(base).filter(([, v]) => v !== "");
}

async function post311(h: ContractHarness, fields: [string, string][], headers: Record<string, string> = {}) {
  return call(h, "POST", `${BASE}/requests.json`, {
    body: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });
}

async function file311(h: ContractHarness, fields: [string, string][]): Promise<string> {
  const res = await post311(h, fields);
  if (res.status !== 201) throw new Error(`Open311 POST failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json[0].service_request_id;
}

function expectOpen311Error(res: { status: number; json: unknown }, status: number, mentions?: string) {
  expect(res.status).toBe(status);
  expect(res.json).toEqual([{ code: status, description: expect.any(String) }]);
  if (mentions) expect((res.json as { description: string }[])[0]?.description).toContain(mentions);
}

const ids = (res: { json: { service_request_id: string }[] }) => res.json.map((r) => r.service_request_id);

export function registerOpen311Contract(getHarness: GetHarness) {
  describe("Open311 GeoReport v2", () => {
    it("a client discovers the endpoint, lists services and reads a service definition in the spec's field names", async () => {
      const h = getHarness();
      await setUp(h);
      const discovery = await call(h, "GET", `${BASE}/discovery.json`);
      expect(discovery.status).toBe(200);
      expect(discovery.json).toMatchObject({ changeset: expect.any(String), contact: expect.any(String), key_service: expect.any(String) });
      expect(discovery.json.endpoints).toEqual([
        {
          specification: "http://wiki.open311.org/GeoReport_v2",
          url: expect.stringMatching(/\/open311\/v2$/),
          changeset: discovery.json.changeset,
          type: "production",
          formats: ["application/json"],
        },
      ]);

      const services = await call(h, "GET", `${BASE}/services.json?jurisdiction_id=suzhou.gov.cn`);
      expect(services.status).toBe(200);
      const light = services.json.find((s: { service_code: string }) => s.service_code === "street_light");
      expect(light).toEqual({
        service_code: "street_light",
        service_name: "路灯不亮",
        description: "",
        metadata: true,
        type: "realtime",
        keywords: "路灯",
        group: "公用设施",
      });
      const bulky = services.json.find((s: { service_code: string }) => s.service_code === "bulky_dumping");
      expect(bulky).toMatchObject({ keywords: "大件,家具", group: "市容环境", metadata: true });
      const posters = services.json.find((s: { service_code: string }) => s.service_code === "illegal_posters");
      expect(posters).toMatchObject({ metadata: false, group: "宣传广告" });

      const definition = await call(h, "GET", `${BASE}/services/street_light.json`);
      expect(definition.status).toBe(200);
      expect(definition.json).toEqual({
        service_code: "street_light",
        attributes: [
          {
            variable: true,
            code: "pole_number",
            datatype: "string",
            required: false,
            datatype_description: null,
            order: 1,
            description: "灯杆编号",
            values: [],
          },
          {
            variable: true,
            code: "fault",
            datatype: "singlevaluelist",
            required: true,
            datatype_description: null,
            order: 2,
            description: "故障情况",
            values: [
              { key: "off", name: "不亮" },
              { key: "flicker", name: "闪烁" },
            ],
          },
        ],
      });
      const bulkyDefinition = await call(h, "GET", `${BASE}/services/bulky_dumping.json`);
      expect(bulkyDefinition.json.attributes[1]).toMatchObject({ code: "count", datatype: "number", datatype_description: "大约几件" });

      expectOpen311Error(await call(h, "GET", `${BASE}/services/no_such_service.json`), 404);
      expectOpen311Error(await call(h, "GET", `${BASE}/services.xml`), 400, "JSON");
      expectOpen311Error(await call(h, "GET", `${BASE}/services/street_light.xml`), 400);
      expectOpen311Error(await call(h, "GET", `${BASE}/requests.xml`), 400);
      expectOpen311Error(await call(h, "GET", `${BASE}/nothing.json`), 404);
    });

    it("an admin issues, lists and revokes keys: the key is shown once, others are refused, a revoked key gets 403", async () => {
      const h = getHarness();
      const { admin, apiKey, keyId } = await setUp(h);
      expect(apiKey.length).toBeGreaterThanOrEqual(40);
      const resident = await loginAs(h, "o311-resident");
      const refused = await call(h, "POST", "/api/v1/admin/open311/keys", { token: resident.token, body: { name: "x" } });
      expect(refused.status).toBe(403);
      expectEnvelope(refused, "forbidden");
      expect((await call(h, "POST", "/api/v1/admin/open311/keys", { body: { name: "x" } })).status).toBe(401);
      const invalid = await call(h, "POST", "/api/v1/admin/open311/keys", { token: admin.token, body: { name: "" } });
      expect(invalid.status).toBe(422);

      const list = await call(h, "GET", "/api/v1/admin/open311/keys", { token: admin.token });
      expect(list.status).toBe(200);
      expect(list.json.keys).toEqual([
        { id: keyId, name: "市民热线系统", prefix: expect.any(String), createdAt: expect.any(String), revokedAt: null },
      ]);
      expect(JSON.stringify(list.json)).not.toContain(apiKey);
      expect((await call(h, "GET", "/api/v1/admin/open311/keys", { token: resident.token })).status).toBe(403);

      expect((await post311(h, lightFields(apiKey))).status).toBe(201);
      const revoked = await call(h, "POST", `/api/v1/admin/open311/keys/${keyId}/revoke`, { token: admin.token });
      expect(revoked.status).toBe(200);
      expect(revoked.json).toMatchObject({ id: keyId, revokedAt: expect.any(String) });
      const again = await call(h, "POST", `/api/v1/admin/open311/keys/${keyId}/revoke`, { token: admin.token });
      expect(again.status).toBe(409);
      expectEnvelope(again, "conflict");
      expect(
        (await call(h, "POST", "/api/v1/admin/open311/keys/0190f0f0-0000-7000-8000-000000000000/revoke", { token: admin.token })).status,
      ).toBe(404);

      expectOpen311Error(await post311(h, lightFields(apiKey)), 403, "api_key");
      expectOpen311Error(await call(h, "GET", `${BASE}/requests.json?api_key=${encodeURIComponent(apiKey)}`), 403);
      const audit = await call(h, "GET", `/api/v1/admin/audit?targetType=open311_key&targetId=${keyId}`, { token: admin.token });
      expect(audit.json.entries.map((e: { action: string }) => e.action).sort()).toEqual(["open311_key.create", "open311_key.revoke"]);
    });

    it("a client files a request; its key sees it at once with the exact point, the public only once accepted and coarsened", async () => {
      const h = getHarness();
      h.setNow("2026-11-02T00:00:00.000Z");
      const { apiKey, mod } = await setUp(h);
      expectOpen311Error(await post311(h, lightFields("")), 403, "api_key");
      expectOpen311Error(await post311(h, lightFields("not-a-key")), 403);

      const created = await post311(h, lightFields(apiKey));
      expect(created.status).toBe(201);
      expect(created.json).toEqual([{ service_request_id: expect.any(String), service_notice: expect.any(String), account_id: null }]);
      const id = created.json[0].service_request_id as string;
      const withKey = `?api_key=${encodeURIComponent(apiKey)}`;

      const own = await call(h, "GET", `${BASE}/requests/${id}.json${withKey}`);
      expect(own.status).toBe(200);
      expect(own.json).toHaveLength(1);
      const mine = own.json[0];
      expect(mine).toMatchObject({
        service_request_id: id,
        status: "open",
        status_notes: "待受理",
        service_name: "路灯不亮",
        service_code: "street_light",
        description: "十字路口的路灯整晚不亮",
        agency_responsible: "路灯管理所",
        requested_datetime: "2026-11-02T00:00:00.000Z",
        updated_datetime: "2026-11-02T00:00:00.000Z",
        expected_datetime: "2026-11-04T00:00:00.000Z",
        address: expect.stringContaining("WGS-84"),
        address_id: null,
        zipcode: null,
        media_url: null,
      });
      expect(Math.abs(mine.lat - POINT.lat)).toBeLessThan(1e-5);
      expect(Math.abs(mine.long - POINT.long)).toBeLessThan(1e-5);
      // The generated address names the ~100 m cell, never the exact point.
      expect(mine.address).not.toContain(String(POINT.lat));
      expect(ids(await call(h, "GET", `${BASE}/requests.json${withKey}`))).toContain(id);

      // Not yet accepted: invisible without the key.
      expectOpen311Error(await call(h, "GET", `${BASE}/requests/${id}.json`), 404);
      expect(ids(await call(h, "GET", `${BASE}/requests.json`))).not.toContain(id);
      expectOpen311Error(await call(h, "GET", `${BASE}/requests/${id}.json?api_key=wrong`), 403);

      // Stored as GCJ-02, filed by no user, without the client's personal fields.
      const staffView = await call(h, "GET", `/api/v1/moderation/reports/${id}`, { token: mod.token });
      expect(staffView.json).toMatchObject({ source: "open311", reporter: null, attributes: { fault: "off", pole_number: "SZ-0427" } });
      const gcj = wgs84ToGcj02({ lat: POINT.lat, lng: POINT.long });
      expect(Math.abs(staffView.json.location.lat - gcj.lat)).toBeLessThan(1e-7);
      expect(Math.abs(staffView.json.location.lng - gcj.lng)).toBeLessThan(1e-7);
      for (const personal of ["citizen@example.cn", "13800001234", "小明", "device-1"])
        expect(JSON.stringify(staffView.json)).not.toContain(personal);

      // Text from a client is checked by no one but a moderator: 复核通过 before 立案.
      expect(staffView.json).toMatchObject({ held: true, textHeld: true });
      await staffActs(h, mod.token, id, [
        ["text/pass", {}],
        ["accept", {}],
      ]);
      const pub = await call(h, "GET", `${BASE}/requests/${id}.json`);
      expect(pub.status).toBe(200);
      expect(pub.json[0]).toMatchObject({ service_request_id: id, status: "open", status_notes: "已立案" });
      const coarse = gcj02ToWgs84(coarsen(gcj));
      expect(Math.abs(pub.json[0].lat - coarse.lat)).toBeLessThan(1e-6);
      expect(Math.abs(pub.json[0].long - coarse.lng)).toBeLessThan(1e-6);
      expect(Math.abs(pub.json[0].lat - POINT.lat) + Math.abs(pub.json[0].long - POINT.long)).toBeGreaterThan(1e-5);
      expect(JSON.stringify(pub.json)).not.toContain("open311_key");
      // Others get the district, not the address the client typed.
      expect(pub.json[0].address).toBe(staffView.json.district);
      expect(ids(await call(h, "GET", `${BASE}/requests.json`))).toContain(id);

      h.setNow("2026-11-03T00:00:00.000Z");
      await staffActs(h, mod.token, id, [
        ["dispatch", { department: "路灯管理所", note: "请尽快修复" }],
        ["resolve", { reply: "已更换灯泡" }],
        ["close", { note: "片区已核查，内部留档", reply: "现场核查已亮" }],
      ]);
      const closed = await call(h, "GET", `${BASE}/requests/${id}.json`);
      expect(closed.json[0]).toMatchObject({
        status: "closed",
        status_notes: "已结案：已更换灯泡",
        updated_datetime: "2026-11-03T00:00:00.000Z",
      });
      const closedOwn = await call(h, "GET", `${BASE}/requests/${id}.json${withKey}`);
      // The key that filed it reads the bureau's latest reply, never an internal note.
      expect(closedOwn.json[0]).toMatchObject({ status: "closed", status_notes: "已结案：现场核查已亮" });
      expect(JSON.stringify(closedOwn.json)).not.toContain("内部留档");

      // A rejected request is closed for its key and never public.
      const second = await file311(h, lightFields(apiKey, { "attribute[fault]": "flicker", address_string: "观前街与人民路口" }));
      await staffActs(h, mod.token, second, [["reject", { reason: "invalid" }]]);
      const rejected = await call(h, "GET", `${BASE}/requests/${second}.json${withKey}`);
      expect(rejected.json[0]).toMatchObject({ status: "closed", status_notes: "不予立案：信息无效", address: "观前街与人民路口" });
      expectOpen311Error(await call(h, "GET", `${BASE}/requests/${second}.json`), 404);
      expectOpen311Error(await call(h, "GET", `${BASE}/requests/0190f0f0-0000-7000-8000-000000000000.json`), 404);
    });

    it("refuses bad input in the spec's error array and never a 500; takes list attributes, multipart and Idempotency-Key", async () => {
      const h = getHarness();
      const { apiKey, mod } = await setUp(h);
      expectOpen311Error(await post311(h, lightFields(apiKey, { lat: "north" })), 400, "lat");
      expectOpen311Error(await post311(h, lightFields(apiKey, { lat: "95" })), 400, "lat");
      expectOpen311Error(await post311(h, lightFields(apiKey, { long: "" })), 400, "lat and long");
      expectOpen311Error(await post311(h, lightFields(apiKey, { lat: "", long: "", address_string: "观前街" })), 400, "address_string");
      expectOpen311Error(await post311(h, lightFields(apiKey, { "attribute[fault]": "" })), 400, "attribute[fault]");
      expectOpen311Error(await post311(h, lightFields(apiKey, { "attribute[fault]": "exploded" })), 400, "attribute[fault]");
      expectOpen311Error(await post311(h, lightFields(apiKey, { "attribute[colour]": "red" })), 400, "attribute[colour]");
      expectOpen311Error(await post311(h, lightFields(apiKey, { service_code: "no_such_service" })), 400, "service_code");
      expectOpen311Error(await post311(h, lightFields(apiKey, { service_code: "" })), 400, "service_code");
      expectOpen311Error(await post311(h, lightFields(apiKey, { description: "长".repeat(1001) })), 400, "description");
      const json = await call(h, "POST", `${BASE}/requests.json`, { body: { api_key: apiKey, service_code: "street_light" } });
      expectOpen311Error(json, 400, "x-www-form-urlencoded");
      expectOpen311Error(await post311(h, lightFields(apiKey, { description: "长".repeat(70_000) })), 413);
      expectOpen311Error(await post311(h, lightFields(apiKey), { "idempotency-key": "short" }), 400, "Idempotency-Key");

      const bulky = await post311(h, [
        ["api_key", apiKey],
        ["service_code", "bulky_dumping"],
        ["lat", String(POINT.lat)],
        ["long", String(POINT.long)],
        ["attribute[items][]", "sofa"],
        ["attribute[items][]", "bed"],
        ["attribute[count]", "3"],
      ]);
      expect(bulky.status).toBe(201);
      const bulkyView = await call(h, "GET", `/api/v1/moderation/reports/${bulky.json[0].service_request_id}`, { token: mod.token });
      expect(bulkyView.json).toMatchObject({ description: "大件垃圾乱堆放", attributes: { items: ["sofa", "bed"], count: 3 } });
      const badItems = await post311(h, [
        ["api_key", apiKey],
        ["service_code", "bulky_dumping"],
        ["lat", String(POINT.lat)],
        ["long", String(POINT.long)],
        ["attribute[items][]", "piano"],
      ]);
      expectOpen311Error(badItems, 400, "attribute[items]");
      expectOpen311Error(
        await post311(h, [
          ["api_key", apiKey],
          ["service_code", "bulky_dumping"],
          ["lat", String(POINT.lat)],
          ["long", String(POINT.long)],
          ["attribute[count]", "many"],
        ]),
        400,
        "attribute[count]",
      );

      const form = new FormData();
      for (const [k, v] of lightFields(apiKey)) form.append(k, v);
      const multipart = await h.request(`${BASE}/requests.json`, { method: "POST", body: form });
      expect(multipart.status).toBe(201);

      const headers = { "idempotency-key": "hotline-case-000123" };
      const first = await post311(h, lightFields(apiKey), headers);
      expect(first.status).toBe(201);
      const retry = await post311(h, lightFields(apiKey), headers);
      expect(retry.status).toBe(200);
      expect(retry.json[0].service_request_id).toBe(first.json[0].service_request_id);
      expectOpen311Error(await post311(h, lightFields(apiKey, { description: "另一件事" }), headers), 400, "Idempotency-Key");
    });

    it("limits each api_key to 300 requests an hour with a 429 in the array format and Retry-After", async () => {
      const h = getHarness();
      h.setNow("2026-11-02T00:10:00.000Z");
      const { apiKey } = await setUp(h);
      // Refused for a missing service_code, but counted: the limit comes before any other check.
      for (let i = 0; i < 300; i += 50) {
        const batch = await Promise.all(Array.from({ length: 50 }, () => post311(h, [["api_key", apiKey]])));
        expect(batch.map((r) => r.status)).toEqual(Array(50).fill(400));
      }
      const limited = await post311(h, lightFields(apiKey));
      expectOpen311Error(limited, 429);
      expect(Number(limited.headers.get("retry-after"))).toBe(50 * 60);
      h.setNow("2026-11-02T01:00:00.000Z");
      expect((await post311(h, lightFields(apiKey))).status).toBe(201);
    });

    it("filters requests by service_request_id, service_code, status and date window", async () => {
      const h = getHarness();
      h.setNow("2026-03-01T00:00:00.000Z");
      const { apiKey, mod } = await setUp(h);
      const a = await file311(h, lightFields(apiKey));
      await staffActs(h, mod.token, a, [
        ["text/pass", {}],
        ["accept", {}],
      ]);
      h.setNow("2026-03-10T00:00:00.000Z");
      const b = await file311(
        h,
        lightFields(apiKey, { service_code: "illegal_posters", "attribute[fault]": "", "attribute[pole_number]": "" }),
      );
      await staffActs(h, mod.token, b, [["reject", { reason: "not_responsible" }]]);
      h.setNow("2026-03-20T00:00:00.000Z");
      const c = await file311(h, lightFields(apiKey));
      const list = (query: string, key = true) =>
        call(h, "GET", `${BASE}/requests.json?${key ? `api_key=${encodeURIComponent(apiKey)}&` : ""}${query}`);

      expect(ids(await list(""))).toEqual([c, b, a]);
      expect(ids(await list("", false))).toEqual([a]);
      expect(ids(await list("service_code=street_light"))).toEqual([c, a]);
      expect(ids(await list("service_code=street_light,illegal_posters"))).toEqual([c, b, a]);
      expect(ids(await list("status=closed"))).toEqual([b]);
      expect(ids(await list("status=open"))).toEqual([c, a]);
      expect(ids(await list("status=open,closed"))).toEqual([c, b, a]);
      expect(ids(await list("start_date=2026-03-05T08:00:00%2B08:00&end_date=2026-03-15T00:00:00Z"))).toEqual([b]);
      expect(ids(await list(`service_request_id=${a},${c}&status=closed`))).toEqual([c, a]);
      expect(ids(await list(`service_request_id=${b},${c}`, false))).toEqual([]);

      expectOpen311Error(await list("status=pending"), 400, "status");
      expectOpen311Error(await list("start_date=yesterday"), 400, "start_date");
      expectOpen311Error(await list("start_date=2026-03-05"), 400, "start_date");
      expectOpen311Error(await list("start_date=2025-01-01T00:00:00Z&end_date=2026-03-01T00:00:00Z"), 400, "90 days");
      expectOpen311Error(await list("start_date=2026-03-10T00:00:00Z&end_date=2026-03-01T00:00:00Z"), 400);
      expectOpen311Error(await list("service_request_id=%27%3B drop"), 400);

      // The default window is the last 90 days.
      h.setNow("2026-07-01T00:00:00.000Z");
      expect(ids(await list(""))).toEqual([]);
      expect(ids(await list("start_date=2026-02-15T00:00:00Z"))).toEqual([c, b, a]);
    });
  });
}

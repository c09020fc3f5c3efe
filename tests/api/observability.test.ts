import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningServer, startNodeServer } from "@civic/api/hosts/node/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToilets, GUANQIAN, toilet } from "../contract/fixtures";
import { type ContractHarness, call, loginAs } from "../contract/harness";
import { createCategories, fileReport } from "../contract/report-fixtures";

/* Operators' view of a real Node host: the access log and GET /metrics. */

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";
const PHONE = "13912345678";
const OPENID = "o-observability-resident-openid";
const ADDRESS = "姑苏区观前街88号";

const overHttp = (url: string) =>
  ({ request: (path: string, init?: RequestInit) => fetch(`${url}${path}`, init) }) as unknown as ContractHarness;

async function scrape(url: string, token = METRICS_TOKEN) {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

function counter(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("what operators see", () => {
  const lines: string[] = [];
  let server: RunningServer;
  let h: ContractHarness;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "civic-ops-"));
    server = await startNodeServer({
      databasePath: join(dir, "civic.sqlite"),
      env: { DEV_LOGIN: "1", LOG_LEVEL: "info" },
      metricsToken: METRICS_TOKEN,
      dispatchIntervalMs: 0,
      logWrite: (line) => lines.push(line),
    });
    h = overHttp(server.url);
  });
  afterAll(() => server.close());

  it("every request leaves one info line with method, route pattern, status, duration and request id, and never a token, openid, phone or address", async () => {
    const resident = await loginAs(h, OPENID);
    await createCategories(h);
    const report = await fileReport(h, resident.token, { description: `墙上小广告，联系电话 ${PHONE}`, address: ADDRESS });
    const detail = await call(h, "GET", `/api/v1/reports/${report.id}?token=${resident.token}&phone=${PHONE}`, {
      token: resident.token,
      headers: { "x-request-id": "req-observability-1" },
    });
    expect(detail.status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));

    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.msg === "request");
    const read = entries.find((e) => e.requestId === "req-observability-1");
    expect(read).toMatchObject({ level: "info", method: "GET", route: "/api/v1/reports/:id", status: 200 });
    expect(typeof read?.ms).toBe("number");
    expect(Object.keys(read ?? {}).sort()).toEqual(["level", "method", "ms", "msg", "requestId", "route", "status", "time"]);
    const filed = entries.find((e) => e.method === "POST" && e.route === "/api/v1/reports");
    expect(filed).toMatchObject({ status: 201 });
    expect(entries.find((e) => e.route === "/api/v1/auth/dev-login")).toMatchObject({ status: 200 });

    const everything = lines.join("\n");
    for (const secret of [resident.token, OPENID, PHONE, ADDRESS, report.id, "?"]) expect(everything).not.toContain(secret);
  });

  it("a refusal by the gate names the endpoint it guarded, and an unknown path is 'unmatched'", async () => {
    await fetch(`${server.url}/api/v1/me`, { headers: { "x-request-id": "req-observability-401" } });
    await fetch(`${server.url}/api/v1/no/such/thing/abc123`, { headers: { "x-request-id": "req-observability-404" } });
    await new Promise((r) => setTimeout(r, 20));
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.find((e) => e.requestId === "req-observability-401")).toMatchObject({ route: "/api/v1/me", status: 401 });
    expect(entries.find((e) => e.requestId === "req-observability-404")).toMatchObject({ route: "unmatched", status: 404 });
  });

  it("/metrics needs the Bearer token: none or a wrong one is a 401 in the envelope", async () => {
    const none = await fetch(`${server.url}/metrics`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    const wrong = await scrape(server.url, `${METRICS_TOKEN}x`);
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.text).error.code).toBe("unauthorized");
  });

  it("counters move after requests: requests by route and status, the latency histogram, rate-limit refusals, outbox backlog", async () => {
    const before = await scrape(server.url);
    expect(before.status).toBe(200);
    expect(before.type).toContain("text/plain; version=0.0.4");
    const series = 'civic_http_requests_total{method="GET",route="/api/v1/toilets/nearby",status="200"}';
    const histogram = 'civic_http_request_duration_seconds_count{route="/api/v1/toilets/nearby"}';
    const refusals = 'civic_rate_limit_refusals_total{bucket="toilet-feedback"}';

    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/api/v1/toilets/nearby?lat=${GUANQIAN.lat}&lng=${GUANQIAN.lng}`);
      expect(res.status).toBe(200);
    }
    const [toiletId] = await createToilets(h, [toilet({ name: "指标公厕", ...GUANQIAN })]);
    const resident = await loginAs(h, "o-metrics-feedback");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await call(h, "POST", `/api/v1/toilets/${toiletId}/feedback`, { token: resident.token, body: { kind: "closed" } });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);

    const after = await scrape(server.url);
    expect(counter(after.text, series) - counter(before.text, series)).toBe(3);
    expect(counter(after.text, histogram) - counter(before.text, histogram)).toBe(3);
    expect(counter(after.text, 'civic_http_request_duration_seconds_bucket{route="/api/v1/toilets/nearby",le="+Inf"}')).toBe(
      counter(after.text, histogram),
    );
    expect(counter(after.text, refusals) - counter(before.text, refusals)).toBe(1);
    // The report filed above notified nobody yet (dispatch is off): its outbox row is the backlog.
    expect(after.text).toMatch(/^civic_outbox_messages\{state="pending"\} \d+$/m);
    expect(after.text).toMatch(/^civic_outbox_messages\{state="failed"\} 0$/m);
    // SMS is not configured on this server (the demo default): /metrics says so.
    expect(after.text).toMatch(/^civic_sms_configured 0$/m);
    expect(after.text).toMatch(/^civic_sms_messages\{state="pending"\} 0$/m);
    expect(after.text).toMatch(/^civic_scheduled_timers\{timer="scheduler"\} 0$/m);
    expect(counter(after.text, "civic_database_bytes")).toBeGreaterThan(0);
    expect(after.text).not.toContain(resident.token);
  });

  it("without METRICS_TOKEN there is no /metrics at all (404)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "civic-ops-"));
    const plain = await startNodeServer({ databasePath: join(dir, "civic.sqlite"), env: { DEV_LOGIN: "1", LOG_LEVEL: "silent" } });
    try {
      const res = await fetch(`${plain.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(res.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

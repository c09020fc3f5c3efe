import { createMetrics, recordJobRun } from "@civic/api/platform/metrics";
import { bucketKind } from "@civic/api/platform/rate-limit";
import { describe, expect, it } from "vitest";

describe("the metrics registry", () => {
  it("renders a cumulative latency histogram whose +Inf bucket equals the count, in seconds", () => {
    const m = createMetrics();
    for (const ms of [0.4, 3, 3, 40, 20_000]) m.observeRequest("GET", "/api/v1/toilets/nearby", 200, ms);
    const text = m.render();
    const series = (le: string) => text.match(new RegExp(`route="/api/v1/toilets/nearby",le="${le.replace("+", "\\+")}"\\} (\\d+)`))?.[1];
    expect(series("0.001")).toBe("1");
    expect(series("0.005")).toBe("3");
    expect(series("0.05")).toBe("4");
    expect(series("10")).toBe("4");
    expect(series("+Inf")).toBe("5");
    expect(text).toContain('civic_http_request_duration_seconds_count{route="/api/v1/toilets/nearby"} 5');
    expect(text).toContain('civic_http_requests_total{method="GET",route="/api/v1/toilets/nearby",status="200"} 5');
    expect(text).toContain("# TYPE civic_http_request_duration_seconds histogram");
  });

  it("counts job runs by outcome, for runScheduled to call", () => {
    const m = createMetrics();
    recordJobRun(m, "dispatch-outbox", true);
    m.recordJobRun("dispatch-outbox", true);
    m.recordJobRun("purge-rate-limits", false);
    recordJobRun(undefined, "ignored-without-a-registry", true);
    const text = m.render();
    expect(text).toContain('civic_scheduled_job_runs_total{job="dispatch-outbox",outcome="ok"} 2');
    expect(text).toContain('civic_scheduled_job_runs_total{job="purge-rate-limits",outcome="failed"} 1');
    expect(m.summary()).toMatchObject({ jobRuns: { "dispatch-outbox ok": 2, "purge-rate-limits failed": 1 } });
  });

  it("escapes label values so an odd route cannot break the exposition format", () => {
    const m = createMetrics();
    m.observeRequest("GET", 'a"b\\c', 200, 1);
    expect(m.render()).toContain('route="a\\"b\\\\c"');
  });
});

describe("rate-limit refusals are counted by kind, never by who", () => {
  it("drops user ids and addresses, IPv6 included", () => {
    expect(bucketKind("toilet-feedback:0192f0c4-7a1b-7c3d-9e8f-0123456789ab")).toBe("toilet-feedback");
    expect(bucketKind("report:ip:203.0.113.9")).toBe("report:ip");
    expect(bucketKind("upload:user:0192f0c4-7a1b-7c3d-9e8f-0123456789ab")).toBe("upload:user");
    expect(bucketKind("upload:ip:2001:db8::1")).toBe("upload:ip");
    expect(bucketKind("login:abcd::1")).toBe("login");
    expect(bucketKind("login:fe80::1")).toBe("login");
  });
});

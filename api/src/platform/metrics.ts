/**
 * In-process counters for operators: requests by route pattern and status, a latency histogram per route,
 * rate-limit refusals, scheduled-job runs and the host's timers. The Node host serves them as Prometheus
 * text at /metrics; a Worker isolate logs summary() from its cron (counters there are per isolate).
 * Recording is a Map lookup and a few additions: it runs on every request, so nothing here allocates
 * more than a key string.
 */

/** Latency bucket bounds in ms (rendered in seconds, the Prometheus unit). */
const BUCKETS_MS = [1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/** A value measured at scrape time (outbox backlog, database size); rendered as a gauge. */
export interface Sample {
  name: string;
  help: string;
  labels?: Record<string, string>;
  value: number;
}

export interface Metrics {
  observeRequest(method: string, route: string, status: number, ms: number): void;
  /** One refused request; `bucket` is the limit's kind (e.g. `report:ip`), never the caller's id or address. */
  rateLimited(bucket: string): void;
  /** One run of a scheduled job (called from runScheduled for each job it runs). */
  recordJobRun(name: string, ok: boolean): void;
  /** Whether a host timer (housekeeping, dispatch) is currently armed. */
  setTimer(name: string, armed: boolean): void;
  /** Prometheus text exposition (format 0.0.4), with `samples` taken at scrape time appended. */
  render(samples?: readonly Sample[]): string;
  /** A compact object for one log line (the Workers cron): totals since this isolate started. */
  summary(): Record<string, unknown>;
}

const escapeLabel = (v: string) => v.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
const labelText = (labels: Record<string, string>) =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(",")}}`;

function countMap() {
  const map = new Map<string, number>();
  return { map, add: (key: string) => map.set(key, (map.get(key) ?? 0) + 1) };
}

export function createMetrics(): Metrics {
  // Keyed "METHOD route status": one string per request, split again only at scrape time.
  const requests = countMap();
  const latency = new Map<string, Histogram>();
  const refusals = countMap();
  const jobs = countMap();
  const timers = new Map<string, number>();
  const started = Date.now();

  const histogramOf = (route: string) => {
    let h = latency.get(route);
    if (!h) {
      h = { counts: BUCKETS_MS.map(() => 0), sum: 0, count: 0 };
      latency.set(route, h);
    }
    return h;
  };

  return {
    observeRequest(method, route, status, ms) {
      requests.add(`${method} ${route} ${status}`);
      const h = histogramOf(route);
      h.sum += ms;
      h.count++;
      for (let i = 0; i < BUCKETS_MS.length; i++) {
        if (ms <= (BUCKETS_MS[i] as number)) {
          (h.counts[i] as number)++;
          break;
        }
      }
    },
    rateLimited: (bucket) => refusals.add(bucket),
    recordJobRun: (name, ok) => jobs.add(`${name} ${ok ? "ok" : "failed"}`),
    setTimer: (name, armed) => timers.set(name, armed ? 1 : 0),

    render(samples = []) {
      const out: string[] = [];
      const family = (name: string, type: string, help: string) => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);

      family("civic_http_requests_total", "counter", "Requests answered, by method, route pattern and status.");
      for (const [key, n] of requests.map) {
        const [method = "", route = "", status = ""] = splitKey(key, 3);
        out.push(`civic_http_requests_total${labelText({ method, route, status })} ${n}`);
      }
      family("civic_http_request_duration_seconds", "histogram", "Time from a request's arrival to its answer, by route pattern.");
      for (const [route, h] of latency) {
        let cumulative = 0;
        BUCKETS_MS.forEach((le, i) => {
          cumulative += h.counts[i] as number;
          out.push(`civic_http_request_duration_seconds_bucket${labelText({ route, le: String(le / 1000) })} ${cumulative}`);
        });
        out.push(`civic_http_request_duration_seconds_bucket${labelText({ route, le: "+Inf" })} ${h.count}`);
        out.push(`civic_http_request_duration_seconds_sum${labelText({ route })} ${h.sum / 1000}`);
        out.push(`civic_http_request_duration_seconds_count${labelText({ route })} ${h.count}`);
      }
      family("civic_rate_limit_refusals_total", "counter", "Requests refused by a rate limit, by the limit's kind.");
      for (const [bucket, n] of refusals.map) out.push(`civic_rate_limit_refusals_total${labelText({ bucket })} ${n}`);
      family("civic_scheduled_job_runs_total", "counter", "Scheduled job runs, by job and outcome.");
      for (const [key, n] of jobs.map) {
        const [job = "", outcome = ""] = splitKey(key, 2);
        out.push(`civic_scheduled_job_runs_total${labelText({ job, outcome })} ${n}`);
      }
      family("civic_scheduled_timers", "gauge", "Host timers currently armed (1) or stopped (0).");
      for (const [timer, v] of timers) out.push(`civic_scheduled_timers${labelText({ timer })} ${v}`);
      family("civic_process_start_time_seconds", "gauge", "When these counters started (Unix seconds).");
      out.push(`civic_process_start_time_seconds ${Math.floor(started / 1000)}`);

      const seen = new Set<string>();
      for (const s of samples) {
        if (!seen.has(s.name)) {
          seen.add(s.name);
          family(s.name, "gauge", s.help);
        }
        out.push(`${s.name}${s.labels ? labelText(s.labels) : ""} ${s.value}`);
      }
      return `${out.join("\n")}\n`;
    },

    summary() {
      const byStatus: Record<string, number> = {};
      let total = 0;
      for (const [key, n] of requests.map) {
        const klass = `${key.slice(key.lastIndexOf(" ") + 1, -2)}xx`;
        byStatus[klass] = (byStatus[klass] ?? 0) + n;
        total += n;
      }
      let slowest = 0;
      for (const h of latency.values()) slowest = Math.max(slowest, h.count > 0 ? h.sum / h.count : 0);
      return {
        sinceSeconds: Math.round((Date.now() - started) / 1000),
        requests: total,
        byStatus,
        slowestRouteMeanMs: Math.round(slowest * 10) / 10,
        rateLimited: Object.fromEntries(refusals.map),
        jobRuns: Object.fromEntries(jobs.map),
      };
    },
  };
}

/** Splits "a b c" into n parts where only the last may contain spaces (route patterns never do). */
function splitKey(key: string, n: number): string[] {
  const parts = key.split(" ");
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(" ")];
}

/** For runScheduled: records a job run when the host has a registry (tests may build deps without one). */
export function recordJobRun(metrics: Metrics | undefined, name: string, ok: boolean): void {
  metrics?.recordJobRun(name, ok);
}

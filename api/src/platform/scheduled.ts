import type { AppDeps } from "../deps";
import { purgeIdempotencyKeys } from "./idempotency";
import type { Logger } from "./logger";
import { recordJobRun } from "./metrics";
import { dispatchOutbox } from "./notifications/dispatcher";
import { purgeExpiredRateLimits } from "./rate-limit";
import { dispatchSms } from "./sms/dispatcher";

/*
 * The scheduled-jobs mechanism: a job is {name, everyMs, run}; runJobs runs the due ones. The list of every
 * job (the platform's own below, and each domain's) is api/src/scheduled.ts, whose runScheduled both hosts
 * call: the Node timer (hosts/node/server.ts, every DISPATCH_INTERVAL_MS) and the Workers Cron Trigger
 * (hosts/worker/index.ts, every minute).
 *
 * `everyMs` is the least time between two runs of a job within one process (0: every tick). The last runs
 * live in memory, so a fresh process or Workers isolate runs every job on its first tick: a job must be
 * harmless when run more often than its interval (and when two run at once on Workers).
 */

export type JobDeps = AppDeps;

export interface ScheduledJob {
  name: string;
  everyMs: number;
  /** Does the work; answers figures to count (rows purged, messages sent, ...). */
  run: (deps: JobDeps, now: Date) => Promise<Record<string, number>>;
}

/** The platform's own housekeeping jobs. */
export const PLATFORM_JOBS: readonly ScheduledJob[] = [
  {
    name: "purge-rate-limits",
    everyMs: 3_600_000,
    run: async (deps, now) => ({ purged: await purgeExpiredRateLimits(deps.db, now) }),
  },
  {
    name: "purge-idempotency-keys",
    everyMs: 3_600_000,
    run: async (deps, now) => ({ purged: await purgeIdempotencyKeys(deps.db, now) }),
  },
  {
    // Each tick sends what is due; a row another run claimed is skipped (see dispatchOutbox).
    name: "dispatch-outbox",
    everyMs: 0,
    run: async (deps) => ({ ...(await dispatchOutbox(deps)) }),
  },
  {
    // Text messages (sms_outbox); unconfigured, rows stay pending (figure notConfigured).
    name: "dispatch-sms",
    everyMs: 0,
    run: async (deps) => ({ ...(await dispatchSms(deps)) }),
  },
];

export interface JobResult {
  name: string;
  ok: boolean;
  /** False when the job was not due this tick (then ok is true and figures empty). */
  ran: boolean;
  figures: Record<string, number>;
  error?: string;
  ms: number;
}

/** When each job last ran in this process (job name → epoch ms); one per host process or isolate. */
export type ScheduleState = Map<string, number>;

/**
 * Runs every due job, one after another; a failing job is reported and the others still run.
 * Returns one result per job, in the order given.
 */
export async function runJobs(
  deps: JobDeps,
  now: Date,
  jobs: readonly ScheduledJob[],
  opts: { state?: ScheduleState } = {},
): Promise<JobResult[]> {
  const state = opts.state ?? new Map<string, number>();
  const results: JobResult[] = [];
  for (const job of jobs) {
    const last = state.get(job.name);
    if (last !== undefined && now.getTime() - last < job.everyMs) {
      results.push({ name: job.name, ok: true, ran: false, figures: {}, ms: 0 });
      continue;
    }
    state.set(job.name, now.getTime());
    const started = Date.now();
    try {
      const figures = await job.run(deps, now);
      results.push({ name: job.name, ok: true, ran: true, figures, ms: Date.now() - started });
      recordJobRun(deps.metrics, job.name, true);
    } catch (err) {
      results.push({ name: job.name, ok: false, ran: true, figures: {}, error: String(err), ms: Date.now() - started });
      recordJobRun(deps.metrics, job.name, false);
    }
  }
  return results;
}

/** One log line per failed job, and one per job that did something (quiet ticks stay quiet). */
export function logScheduled(log: Logger, results: readonly JobResult[], extra: Record<string, unknown> = {}): void {
  for (const r of results) {
    if (!r.ok) log.error("scheduled job failed", { ...extra, job: r.name, error: r.error, ms: r.ms });
    else if (Object.values(r.figures).some((n) => n > 0)) log.info("scheduled job", { ...extra, job: r.name, ...r.figures, ms: r.ms });
  }
}

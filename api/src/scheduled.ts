import { PULL_EVERY_MINUTES } from "@civic/shared";
import type { AppDeps } from "./deps";
import { unlinkExpiredReporters } from "./me/retention";
import { pruneParkingHistory } from "./parking/observations.repo";
import { pullParkingFeeds } from "./parking/pull-feeds";
import { sendPickupReminders } from "./pickups/reminders";
import { type JobResult, PLATFORM_JOBS, runJobs, type ScheduledJob, type ScheduleState } from "./platform/scheduled";
import { expirePoints } from "./points/expiry";
import { creditPickupRecycled } from "./points/pickup-credit";

/**
 * Every scheduled job in one place: the platform's housekeeping and each domain's jobs. Both hosts call
 * runScheduled (the Node timer and the Workers cron); a new domain adds its job here and nothing else.
 */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  ...PLATFORM_JOBS,
  {
    // PIPL retention: reporters of cases closed more than RETENTION_DAYS ago are unlinked.
    name: "unlink-expired-reporters",
    everyMs: 3_600_000,
    run: async (deps, now) => ({ unlinked: await unlinkExpiredReporters(deps, now) }),
  },
  {
    // 3 days and 1 day before a pickup, from 09:00 city time; each (booking, kind) once (pickups/reminders.ts).
    name: "pickup-reminders",
    everyMs: 600_000,
    run: (deps, now) => sendPickupReminders(deps, now),
  },
  {
    // Recyclable kg of completed pickups → points, once per (booking, class) (points/pickup-credit.ts).
    name: "points-pickup-credit",
    everyMs: 600_000,
    run: (deps) => creditPickupRecycled(deps),
  },
  {
    // Earned points older than POINTS_EXPIRY_MONTHS expire, once per account and cutoff date (points/expiry.ts).
    name: "points-expiry",
    everyMs: 3_600_000,
    run: (deps) => expirePoints(deps),
  },
  {
    // Pull sources' ParkAPI JSON fetched and applied like a push (parking/pull-feeds.ts).
    name: "parking-pull",
    everyMs: PULL_EVERY_MINUTES * 60_000,
    run: (deps, now) => pullParkingFeeds(deps, now),
  },
  {
    // Parking observations past 48 h (the chart shows 24) and feed signatures past the replay window.
    name: "prune-parking-history",
    everyMs: 600_000,
    run: (deps, now) => pruneParkingHistory(deps.db, now),
  },
];

/** Runs every due job (see platform/scheduled.ts); `jobs` lets a test put a failing job in front. */
export function runScheduled(
  deps: AppDeps,
  now: Date,
  opts: { state?: ScheduleState; jobs?: readonly ScheduledJob[] } = {},
): Promise<JobResult[]> {
  return runJobs(deps, now, opts.jobs ?? SCHEDULED_JOBS, { state: opts.state });
}

import { FEED_MAX_ROWS, freshnessLimitMinutes, isFresh, PULL_MAX_BYTES, PULL_TIMEOUT_MS, parsePullFeed } from "@civic/shared";
import type { AppDeps } from "../deps";
import { applyBatch, judgeRows } from "./feed-ingest";
import { type OperatorRow, operatorsRepo } from "./operators.repo";

/*
 * The pull job (scheduled.ts, every PULL_EVERY_MINUTES): the bureau fetches each enabled pull source's
 * ParkAPI JSON and feeds its rows through the same checks and the same atomic apply as a push
 * (feed-ingest.ts). A source that cannot be fetched or read is marked failing with the reason in words;
 * its lots keep their last numbers only until the 30-minute pull limit, then read as unknown.
 */

export type PullOutcome = {
  sources: number;
  failed: number;
  applied: number;
  rejected: number;
};

type PullDeps = Pick<AppDeps, "db" | "atomic" | "config" | "log">;

class PullFailure extends Error {}

/** The source's document, within the size and time limits, as parsed JSON. */
async function fetchDocument(url: string, allowHttp: boolean): Promise<unknown> {
  if (!/^https:\/\//i.test(url) && !(allowHttp && /^http:\/\//i.test(url))) throw new PullFailure("pull URLs must be https");
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json" }, redirect: "manual", signal: AbortSignal.timeout(PULL_TIMEOUT_MS) });
  } catch (err) {
    throw new PullFailure(err instanceof Error && err.name === "TimeoutError" ? "timed out" : "unreachable");
  }
  // Redirects are not followed (Workers' fetch cannot refuse them itself): a 3xx is a failure like a 5xx.
  if (!res.ok) {
    await res.body?.cancel();
    throw new PullFailure(`HTTP ${res.status}`);
  }
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > PULL_MAX_BYTES) {
    await res.body?.cancel();
    throw new PullFailure(`larger than ${PULL_MAX_BYTES} bytes`);
  }
  const text = await res.text();
  if (text.length > PULL_MAX_BYTES) throw new PullFailure(`larger than ${PULL_MAX_BYTES} bytes`);
  try {
    return JSON.parse(text);
  } catch {
    throw new PullFailure("not JSON");
  }
}

/** Fetches and applies one source; answers its rows' outcome, and what is wrong with a source that answers stale data. */
async function pullOne(deps: PullDeps, source: OperatorRow, now: Date): Promise<{ applied: number; rejected: number; problem?: string }> {
  const doc = await fetchDocument(source.pullUrl ?? "", deps.config.devLogin);
  const parsed = parsePullFeed(doc);
  if (!parsed.ok) throw new PullFailure(parsed.error);
  const at = now.toISOString();
  const rows = parsed.feed.rows;
  // A snapshot counts as a report only while its newest number is fresh: a source frozen at an old
  // last_updated is failing, even though it answers.
  const newest = rows.reduce((m, r) => Math.max(m, Date.parse(r.observedAt)), Number.NEGATIVE_INFINITY);
  const reported = isFresh(Number.isFinite(newest) ? new Date(newest).toISOString() : null, now, freshnessLimitMinutes(source));
  let applied = 0;
  let rejected = 0;
  for (let i = 0; i < rows.length; i += FEED_MAX_ROWS) {
    const judged = await judgeRows(deps.db, source.id, rows.slice(i, i + FEED_MAX_ROWS), now);
    const result = await applyBatch(deps, source.id, judged, at, { reported });
    applied += result.applied;
    rejected += result.rejected.length;
  }
  if (reported) return { applied, rejected };
  return { applied, rejected, problem: rows.length === 0 ? "no lot has a live number" : "no new numbers: the feed is not updating" };
}

export async function pullParkingFeeds(deps: PullDeps, now: Date): Promise<PullOutcome> {
  const repo = operatorsRepo(deps.db);
  const sources = await repo.pullSources();
  const out: PullOutcome = { sources: sources.length, failed: 0, applied: 0, rejected: 0 };
  for (const source of sources) {
    try {
      const r = await pullOne(deps, source, now);
      out.applied += r.applied;
      out.rejected += r.rejected;
      if (r.problem) throw new PullFailure(r.problem);
    } catch (err) {
      if (!(err instanceof PullFailure)) throw err;
      out.failed++;
      deps.log.warn("parking.pull_failed", { operatorId: source.id, reason: err.message });
      await repo.recordPullFailure(source.id, err.message, now.toISOString());
    }
  }
  return out;
}

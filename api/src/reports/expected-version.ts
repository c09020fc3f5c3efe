import type { Context } from "hono";
import type { AppEnv } from "../platform/context";
import { ApiError, badRequest, notFound } from "../platform/errors";
import { type ReportRow, reportsRepo } from "./reports.repo";
import { commitStep, type StepInput } from "./transitions";
import { reportDetail } from "./views";

/*
 * Staff actions are decided on what the moderator saw: each carries that version in `If-Match` (the staff
 * detail's `version`, also sent as its ETag). Without it an accept and a reject decided on the same screen
 * would both apply, one after the other. Missing: 428. Stale: 409 with the current report in details.
 */

/** `If-Match: 7`, `"7"` or `W/"7"`; one version only (a list or `*` would defeat the point). */
const IF_MATCH = /^(?:W\/)?"?(\d{1,9})"?$/;

export function expectedVersion(c: Context<AppEnv>): number {
  const raw = c.req.header("if-match")?.trim();
  if (!raw) {
    throw new ApiError(428, "precondition_required", "send the report's version you acted on in If-Match (the staff detail's version)");
  }
  const m = IF_MATCH.exec(raw);
  if (!m) throw badRequest('If-Match must be the report\'s version, e.g. If-Match: "3"');
  return Number(m[1]);
}

/** The ETag a staff detail answer carries: its version, so a client can echo it in If-Match. */
export const versionTag = (version: number) => `"${version}"`;

/** 409 for a decision taken on an old version; details carry the report as it is now. */
export async function staleVersion(c: Context<AppEnv>, current: ReportRow, expected: number): Promise<ApiError> {
  const report = await reportDetail(c.get("deps"), current, "staff", c.get("user"));
  return new ApiError(
    409,
    "conflict",
    `the report has changed since you opened it (version ${expected}, now ${current.version}); reload it`,
    { reason: "stale_version", expectedVersion: expected, version: current.version, status: current.status, report },
    { ETag: versionTag(current.version) },
  );
}

/**
 * The report as the moderator saw it: loaded, and refused with the current state (409) when it has moved
 * on since. The step is then committed under that same version (commitStep's guard), so a change landing
 * between this check and the write is refused the same way.
 */
export async function loadAsSeen(c: Context<AppEnv>, id: string): Promise<ReportRow> {
  const expected = expectedVersion(c);
  const report = await reportsRepo(c.get("deps").db).byId(id);
  if (!report) throw notFound("report");
  if (report.version !== expected) throw await staleVersion(c, report, expected);
  return report;
}

/** commitStep, turning a lost race into the same 409 with the current state as a stale If-Match. */
export async function commitAsSeen(c: Context<AppEnv>, step: StepInput): Promise<void> {
  try {
    await commitStep(c.get("deps"), step);
  } catch (err) {
    const now = await reportsRepo(c.get("deps").db).byId(step.report.id);
    if (err instanceof ApiError && err.status === 409 && now && now.version !== step.report.version) {
      throw await staleVersion(c, now, step.report.version);
    }
    throw err;
  }
}

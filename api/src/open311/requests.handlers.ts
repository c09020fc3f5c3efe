import type { Context } from "hono";
import type { AppDeps } from "../deps";
import type { AppEnv } from "../platform/context";
import { idempotencyRequest, idempotent } from "../platform/idempotency";
import { enforceRateLimit } from "../platform/rate-limit";
import { signedPhotoUrl } from "../platform/uploads/photo-urls";
import { categoriesRepo, toCategory } from "../reports/categories.repo";
import { type ReportRow, reportsRepo } from "../reports/reports.repo";
import { callerOf, createReport, type Submitter } from "../reports/reports.service";
import { open311BadRequest, open311Forbidden, open311NotFound } from "./errors";
import { georeportRepo, slices } from "./georeport.repo";
import { open311KeysRepo } from "./keys.repo";
import { newReportOf, readSubmission } from "./request-form";
import { requestFilterOf } from "./requests.query";
import { type ServiceRequest, serviceNotice, serviceRequestOf } from "./serializers";

/** Per api_key: a busy integration files a few hundred an hour; a runaway loop stops here. */
const POSTS_PER_KEY_PER_HOUR = 300;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,64}$/;

async function keyOf(deps: AppDeps, apiKey: string | undefined, required: boolean) {
  if (!apiKey) {
    if (required) throw open311Forbidden("api_key is required to submit a request");
    return null;
  }
  const key = await open311KeysRepo(deps.db).byApiKey(apiKey);
  if (!key) throw open311Forbidden("api_key is not valid (unknown or revoked)");
  return key;
}

export async function postRequest(c: Context<AppEnv>) {
  const deps = c.get("deps");
  const submission = await readSubmission(c.req);
  const key = await keyOf(deps, submission.fields.get("api_key") || c.req.query("api_key") || undefined, true);
  if (!key) throw open311Forbidden("api_key is required to submit a request");
  await enforceRateLimit(deps.db, {
    bucket: `open311:key:${key.id}`,
    limit: POSTS_PER_KEY_PER_HOUR,
    windowSeconds: 3600,
    now: deps.clock(),
  });
  const idempotencyKey = c.req.header("idempotency-key");
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw open311BadRequest("Idempotency-Key must be 8 to 64 letters, digits or _.:-");
  }
  const serviceCode = submission.fields.get("service_code")?.trim();
  if (!serviceCode) throw open311BadRequest("service_code is required");
  const row = await categoriesRepo(deps.db).byCode(serviceCode);
  if (!row?.active)
    throw open311BadRequest(
      `service_code ${JSON.stringify(serviceCode.slice(0, 60))} is not a service of this endpoint (see services.json)`,
    );
  const category = toCategory(row);
  const submitter: Submitter = { kind: "open311", keyId: key.id };
  const input = newReportOf(submission, category);
  const answerOf = (report: ReportRow) => [{ service_request_id: report.id, service_notice: serviceNotice(report), account_id: null }];
  const answer = await idempotent(deps, await idempotencyRequest("open311.request", callerOf(submitter), idempotencyKey, input), {
    run: async (claim) => {
      const report = await createReport(deps, submitter, input, claim);
      return report && { status: 201, body: answerOf(report) };
    },
    replay: async (id) => {
      const report = await reportsRepo(deps.db).byId(id);
      return report ? { status: 200, body: answerOf(report) } : null;
    },
  });
  return c.json(answer.body, answer.status === 201 ? 201 : 200);
}

async function serviceRequests(
  deps: AppDeps,
  rows: Awaited<ReturnType<ReturnType<typeof georeportRepo>["requests"]>>,
  keyId: string | null,
): Promise<ServiceRequest[]> {
  const ownIds = keyId ? rows.filter((r) => r.report.open311KeyId === keyId).map((r) => r.report.id) : [];
  const notes = await georeportRepo(deps.db).latestNotes(ownIds);
  const media = new Map<string, string>();
  const { publicBaseUrl } = deps.config.media;
  // media_url must be absolute to be any use to another system: without PUBLIC_BASE_URL there is none.
  if (publicBaseUrl) {
    const now = deps.clock();
    for (const ids of slices(rows.map((r) => r.report.id))) {
      const photos = await reportsRepo(deps.db).publicPhotoIds(ids);
      for (const [reportId, uploads] of photos) {
        if (uploads[0]) media.set(reportId, await signedPhotoUrl(deps.config.media, uploads[0], now, true));
      }
    }
  }
  return rows.map((r) => {
    const own = keyId !== null && r.report.open311KeyId === keyId;
    return serviceRequestOf({
      ...r,
      own,
      ownNote: own ? (notes.get(r.report.id) ?? null) : null,
      mediaUrl: media.get(r.report.id) ?? null,
    });
  });
}

export async function listRequests(c: Context<AppEnv>) {
  const deps = c.get("deps");
  const query = new URL(c.req.url).searchParams;
  const key = await keyOf(deps, query.get("api_key") || undefined, false);
  const filter = requestFilterOf(query, key?.id ?? null, deps.clock());
  const rows = await georeportRepo(deps.db).requests(filter);
  return c.json(await serviceRequests(deps, rows, key?.id ?? null), 200);
}

export async function requestById(c: Context<AppEnv>) {
  const deps = c.get("deps");
  const id = (c.req.param("file") ?? "").replace(/\.json$/, "");
  const key = await keyOf(deps, c.req.query("api_key") || undefined, false);
  const rows = /^[A-Za-z0-9_-]{1,64}$/.test(id)
    ? await georeportRepo(deps.db).requests({ ids: [id], keyId: key?.id ?? null, limit: 1 })
    : [];
  if (rows.length === 0) throw open311NotFound(`service_request_id ${JSON.stringify(id.slice(0, 70))} not found`);
  return c.json(await serviceRequests(deps, rows, key?.id ?? null), 200);
}

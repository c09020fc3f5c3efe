import type { CategoryInput, CreateReportRequest } from "@civic/shared";
import { signedMediaCheckPush } from "../fakes/wechat-controls";
import { sampleJpeg } from "../support/images";
import { GUANQIAN, offset } from "./fixtures";
import { type ContractHarness, call, loginAs } from "./harness";

/* Shared set-up for the report suites: categories through the admin API, photos through the upload route. */

export const SPOT = offset(GUANQIAN, 120, -80);

export const TEST_CATEGORIES: CategoryInput[] = [
  {
    code: "street_light",
    name: "路灯不亮",
    group: "public_facilities",
    department: "路灯管理所",
    slaHours: 48,
    keywords: ["路灯"],
    attributes: [
      { code: "pole_number", label: "灯杆编号", datatype: "string" },
      {
        code: "fault",
        label: "故障情况",
        datatype: "singlevaluelist",
        required: true,
        values: [
          { key: "off", name: "不亮" },
          { key: "flicker", name: "闪烁" },
        ],
      },
    ],
  },
  { code: "illegal_posters", name: "牛皮癣小广告", group: "advertising", department: "市容管理科", slaHours: 24 },
  { code: "shared_bike", name: "共享单车乱停放", group: "traffic_facilities", department: "非机动车管理科", slaHours: 12 },
];

export async function createCategories(h: ContractHarness, adminToken?: string) {
  const token = adminToken ?? (await loginAs(h, "category-admin", "admin")).token;
  for (const c of TEST_CATEGORIES) {
    const res = await call(h, "POST", "/api/v1/admin/report-categories", { token, body: c });
    if (res.status !== 201) throw new Error(`create category failed: ${res.status} ${JSON.stringify(res.json)}`);
  }
}

/** Uploads a photo as multipart/form-data (what wx.uploadFile sends); returns the upload id. */
export async function uploadPhoto(h: ContractHarness, token: string, bytes: Uint8Array = sampleJpeg()): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([bytes as BlobPart], { type: "image/jpeg" }), "photo.jpg");
  const res = await h.request("/api/v1/uploads", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

export function reportBody(photoIds: string[], over: Partial<CreateReportRequest> = {}): CreateReportRequest {
  return {
    category: "illegal_posters",
    description: "电线杆上贴满了小广告",
    photoIds,
    location: SPOT,
    locationSource: "gps",
    address: "姑苏区观前街88号",
    ...over,
  };
}

/** WeChat's signed push answering the image check of `uploadId` (the fake names the photo in its media URL). */
export async function answerMediaCheck(h: ContractHarness, uploadId: string, suggest: "pass" | "review" | "risky" | "error" = "pass") {
  // A host may start the check after answering the upload (workerd's waitUntil): wait for it a little.
  let check: { trace_id: string } | undefined;
  for (let i = 0; i < 100 && !check; i++) {
    check = (await h.wechat.controls.mediaChecks()).find((c) => c.media_url.includes(uploadId));
    if (!check) await new Promise((r) => setTimeout(r, 20));
  }
  if (!check) throw new Error(`no media check for upload ${uploadId}`);
  const push = await signedMediaCheckPush({ trace_id: check.trace_id, suggest });
  const res = await h.request(`/wechat/media-check?${push.query}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(push.body),
  });
  if (res.status !== 200) throw new Error(`media-check push failed: ${res.status}`);
}

/**
 * Files a report as `token` with one fresh photo whose image check WeChat has answered "pass" (so, with
 * text that passes, nothing is held); returns the created ReportDetail. `fileHeldReport` leaves it pending.
 */
export async function fileReport(
  h: ContractHarness,
  token: string,
  over: Partial<CreateReportRequest> = {},
  headers: Record<string, string> = {},
) {
  const report = await fileHeldReport(h, token, over, headers);
  // Best effort: if the host never got the check out (a lost connection under load), the report stays held
  // and a test that accepts it fails with a 409 saying so.
  for (const p of report.photos as { id: string }[]) await answerMediaCheck(h, p.id).catch(() => undefined);
  return report;
}

/** Files a report whose photo's image check has not answered yet: held for a moderator (review.ts). */
export async function fileHeldReport(
  h: ContractHarness,
  token: string,
  over: Partial<CreateReportRequest> = {},
  headers: Record<string, string> = {},
) {
  const photo = await uploadPhoto(h, token);
  const res = await call(h, "POST", "/api/v1/reports", { token, body: reportBody([photo], over), headers });
  if (res.status !== 201) throw new Error(`file report failed: ${res.status} ${JSON.stringify(res.json)}`);
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
  return res.json as any;
}

/**
 * The If-Match header a moderator's screen sends: the version the staff detail shows now (empty when the
 * caller may not read it, so a resident's call is still turned away by role first).
 */
export async function seenVersion(h: ContractHarness, token: string, id: string): Promise<Record<string, string>> {
  const res = await call(h, "GET", `/api/v1/moderation/reports/${id}`, { token });
  return res.status === 200 ? { "if-match": `"${res.json.version}"` } : {};
}

/** One staff action on the report as it is now (the version a fresh screen would show). */
export async function staffAct(h: ContractHarness, token: string, id: string, action: string, body?: unknown) {
  const headers = await seenVersion(h, token, id);
  return call(h, "POST", `/api/v1/moderation/reports/${id}/${action}`, { token, headers, ...(body === undefined ? {} : { body }) });
}

/** Moves a report through staff actions in order, failing loudly on the first refusal. */
export async function staffActs(h: ContractHarness, token: string, id: string, steps: [string, unknown][]) {
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
  let last: any = null;
  for (const [action, body] of steps) {
    const res = await staffAct(h, token, id, action, body);
    if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.json)}`);
    last = res.json;
  }
  return last;
}

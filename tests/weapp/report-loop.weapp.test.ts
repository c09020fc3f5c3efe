import { HISTORY_ACTION_LABELS, RateRequest, REPORT_STATUS_LABELS, ReopenRequest, type ReportDetail } from "@civic/shared";
import { afterEach, describe, expect, it } from "vitest";
import { bootWeapp, findWithClasses, navigateUrls, textsOf } from "./boot";
import type { WxRequest } from "./harness/fake-wx";
import type { MiniProgram } from "./harness/mini-runtime";
import { classesOf, findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";
import {
  apiBaseOf,
  CASE_ACCEPTED,
  CASE_ID,
  CASE_SUBMITTED,
  CATEGORIES,
  INBOX,
  json,
  KPIS,
  MODERATOR_SESSION,
  MY_REPORTS,
  OVERDUE_ID,
  QUEUE,
  RATED_DETAIL,
  REOPENED_DETAIL,
  RESIDENT_SESSION,
  RESOLVED_DETAIL,
  RESOLVED_ID,
  requestsTo,
  routes,
  SUBMITTED_ID,
} from "./report-fixtures";

/*
 * The report closed loop in the built weapp (Issue 3): the resident's 我的上报, a report's detail with its
 * timeline and sign-off (rate, reopen), the inbox, and the bureau's moderation subpackage (queue, a case and
 * its actions, KPIs). Each page runs under the fake wx against a stubbed API and is rendered by wcc.
 */

const has = (cls: string) => (t: WxmlElement) => findByClass(t, cls).length > 0 && t;
const text = (tree: WxmlElement, cls: string) => textOf(findOneByClass(tree, cls)).trim();
const pathOf = (r: WxRequest) => new URL(r.url).pathname;
const queryOf = (r: WxRequest) => Object.fromEntries(new URL(r.url).searchParams);
const imageSrcs = (root: WxmlElement) =>
  findByClass(root, "report-photo").flatMap((el) =>
    el.tag === "wx-image" ? [String(el.attr.src)] : findByClass(el, "report-photo__image").map((img) => String(img.attr.src)),
  );

let current: MiniProgram | null = null;
async function boot(...args: Parameters<typeof bootWeapp>) {
  current = await bootWeapp(...args);
  return current;
}
afterEach(() => {
  // No runtime errors and no wx API the fake lacks, in every test.
  const mp = current;
  current = null;
  expect(mp?.errors ?? []).toEqual([]);
  expect([...(mp?.fake.missing ?? [])]).toEqual([]);
});

describe("weapp: 我的上报 and a report's detail", () => {
  it("lists my reports with status badges and opens a report's detail on tap", async () => {
    const mp = await boot({
      onRequest: routes({
        "GET /api/v1/reports/mine": json(200, MY_REPORTS),
        [`GET /api/v1/reports/${RESOLVED_ID}`]: json(200, RESOLVED_DETAIL),
      }),
      storage: { "civic.session": RESIDENT_SESSION },
    });
    const page = await mp.openPage("pages/reports/mine");
    const tree = await page.waitFor((t) => findByClass(t, "report-item").length === 2 && t, "the two reports");

    const mine = requestsTo(mp.fake.requests, "/api/v1/reports/mine");
    expect(mine).toHaveLength(1);
    expect(mine[0]?.method).toBe("GET");
    expect(mine[0]?.header.Authorization).toBe("Bearer fake-session-token");

    // data-* attributes stay in Taro's runtime DOM (only data-sid reaches WXML): items are told apart by text.
    const items = findByClass(tree, "report-item");
    expect(items.map((el) => text(el, "report-description"))).toEqual(MY_REPORTS.reports.map((r) => r.description));
    const [first, second] = items as [WxmlElement, WxmlElement];
    expect(findByClass(first, "status-badge--submitted").map((el) => textOf(el))).toEqual([REPORT_STATUS_LABELS.submitted]);
    expect(findByClass(second, "status-badge--resolved").map((el) => textOf(el))).toEqual([REPORT_STATUS_LABELS.resolved]);
    expect(findByClass(first, "report-relation--reporter")).toHaveLength(1);
    expect(findByClass(second, "report-relation--follower")).toHaveLength(1);
    expect(textsOf(tree, "report-category")).toEqual(["乱贴小广告", "占道经营"]);
    // Each case is named by its number; these fixtures predate numbers, so by a short id.
    expect(textsOf(tree, "report-time").map((t) => t.split(" · ")[0])).toEqual(["2026-11-26 10:00", "2026-11-20 09:30"]);
    // The thumbnail's relative signed path is put on the API origin (an <image> cannot send the token).
    const base = apiBaseOf(mine[0] as WxRequest);
    expect(base).toMatch(/^https?:\/\/[^/]+$/);
    expect(findByClass(first, "report-thumb").map((el) => el.attr.src)).toEqual([`${base}${MY_REPORTS.reports[0]?.thumbnailUrl}`]);
    expect(findByClass(second, "report-thumb")).toHaveLength(0);

    page.tap(second);
    await page.waitFor(() => navigateUrls(mp).length > 0, "navigateTo");
    expect(navigateUrls(mp)).toEqual([`/pages/reports/detail?id=${RESOLVED_ID}`]);
    // WeChat opens that url: the detail page loads the tapped report.
    const detail = await mp.openUrl(navigateUrls(mp)[0] as string);
    await detail.waitFor((t) => findByClass(t, "report-detail").length > 0 && t, "the opened report");
    expect(requestsTo(mp.fake.requests, `/api/v1/reports/${RESOLVED_ID}`).map((r) => r.method)).toEqual(["GET"]);
    detail.unload();

    page.tap(findOneByClass(page.render(), "new-report-button"));
    await page.waitFor(() => navigateUrls(mp).length > 1, "navigateTo the wizard");
    expect(navigateUrls(mp)[1]).toBe("/packages/reports/new/index");
  });

  it("asks a signed-out visitor to log in instead of loading", async () => {
    const mp = await boot({ onRequest: routes({}) });
    const page = await mp.openPage("pages/reports/mine");
    await page.waitFor(has("state-needs-login"), "the login prompt");
    expect(requestsTo(mp.fake.requests, "/api/v1/reports/mine")).toHaveLength(0);
  });

  it("shows a resolved report's timeline in order, the bureau's answer with photos, and takes the rating", async () => {
    let detail: ReportDetail = RESOLVED_DETAIL;
    const mp = await boot({
      onRequest: routes({
        [`GET /api/v1/reports/${RESOLVED_ID}`]: () => json(200, detail),
        [`POST /api/v1/reports/${RESOLVED_ID}/rate`]: () => {
          detail = RATED_DETAIL;
          return json(200, detail);
        },
      }),
      storage: { "civic.session": RESIDENT_SESSION },
    });
    const page = await mp.openUrl(`/pages/reports/detail?id=${RESOLVED_ID}`);
    let tree = await page.waitFor(has("report-detail"), "the report");

    const get = requestsTo(mp.fake.requests, `/api/v1/reports/${RESOLVED_ID}`);
    expect(get.map((r) => r.method)).toEqual(["GET"]);
    const base = apiBaseOf(get[0] as WxRequest);

    // The status and facts.
    expect(findWithClasses(tree, "status-badge", "status-badge--resolved").map((el) => textOf(el))).toEqual(["已处理"]);
    expect(text(tree, "report-address")).toContain("临顿路 55 号");
    expect(text(tree, "report-department")).toContain("街面秩序科");

    // The timeline, sorted by seq, with the labels, the status each step led to and the bureau's notes.
    const entries = findByClass(findOneByClass(tree, "report-timeline"), "timeline-entry");
    expect(entries.map((el) => classesOf(el).find((c) => c.startsWith("timeline-entry--")))).toEqual([
      "timeline-entry--submit",
      "timeline-entry--accept",
      "timeline-entry--dispatch",
      "timeline-entry--resolve",
    ]);
    expect(textsOf(tree, "timeline-action")).toEqual([
      HISTORY_ACTION_LABELS.submit,
      HISTORY_ACTION_LABELS.accept,
      HISTORY_ACTION_LABELS.dispatch,
      HISTORY_ACTION_LABELS.resolve,
    ]);
    const metas = textsOf(tree, "timeline-meta");
    expect(metas[0]).toContain("2026-11-20 09:30");
    expect(metas[0]).toContain("市民");
    expect(metas[3]).toContain("城管部门");
    expect(metas[3]).toContain("已处理");
    expect(textsOf(tree, "timeline-note")).toEqual(["已派遣街面秩序科", "摊贩已劝离"]);

    // The bureau's answer: the note and the after-photo; the report's visible photo; the hidden one nowhere.
    expect(text(tree, "resolution-note")).toBe("摊贩已劝离，现场已清理");
    expect(imageSrcs(findOneByClass(tree, "resolution-photos"))).toEqual([`${base}/api/v1/photos/ph-3/content?exp=1&sig=d`]);
    expect(imageSrcs(findOneByClass(tree, "report-photos"))).toEqual([`${base}/api/v1/photos/ph-1/content?exp=1&sig=b`]);
    expect(JSON.stringify(tree)).not.toContain("ph-2");
    page.tap(findOneByClass(findOneByClass(tree, "resolution-photos"), "report-photo"));
    await page.waitFor(() => mp.fake.callsOf("previewImage").length > 0, "previewImage");
    expect(mp.fake.callsOf("previewImage")[0]).toMatchObject({ current: `${base}/api/v1/photos/ph-3/content?exp=1&sig=d` });

    // Sign-off: rating first needs a star.
    expect(findByClass(tree, "rate-panel")).toHaveLength(1);
    expect(findByClass(tree, "report-rating")).toHaveLength(0);
    page.tap(findOneByClass(tree, "rate-submit"));
    tree = await page.waitFor(has("rate-error"), "the missing-star message");
    expect(requestsTo(mp.fake.requests, `/api/v1/reports/${RESOLVED_ID}/rate`)).toHaveLength(0);

    page.tap(findOneByClass(tree, "rate-star-4"));
    tree = await page.waitFor((t) => findByClass(t, "is-on").length === 4 && t, "four stars on");
    expect(findWithClasses(tree, "rate-star", "is-on").map((el) => classesOf(el).find((c) => /^rate-star-\d$/.test(c)))).toEqual([
      "rate-star-1",
      "rate-star-2",
      "rate-star-3",
      "rate-star-4",
    ]);
    page.trigger(findOneByClass(tree, "rate-comment"), "input", { value: "  处理得很快 " });
    await page.waitFor((t) => findOneByClass(t, "rate-comment").attr.value === "  处理得很快 " && t, "the typed comment");
    page.tap(findOneByClass(page.render(), "rate-submit"));

    tree = await page.waitFor(has("report-rating"), "my rating");
    const rate = requestsTo(mp.fake.requests, `/api/v1/reports/${RESOLVED_ID}/rate`);
    expect(rate).toHaveLength(1);
    expect(rate[0]?.method).toBe("POST");
    expect(rate[0]?.data).toEqual({ rating: 4, comment: "处理得很快" });
    expect(RateRequest.safeParse(rate[0]?.data).success).toBe(true);
    expect(text(tree, "report-rating")).toContain("★★★★ 处理得很快");
    expect(text(tree, "report-rating")).not.toContain("★★★★★");
    expect(findByClass(tree, "rate-panel")).toHaveLength(0);
    expect(findByClass(tree, "timeline-entry--rate")).toHaveLength(1);
    expect(mp.fake.callsOf("showToast")).toEqual([expect.objectContaining({ title: "已提交" })]);
  });

  it("reopens a resolved report with a reason", async () => {
    let detail: ReportDetail = RESOLVED_DETAIL;
    const mp = await boot({
      onRequest: routes({
        [`GET /api/v1/reports/${RESOLVED_ID}`]: () => json(200, detail),
        [`POST /api/v1/reports/${RESOLVED_ID}/reopen`]: () => {
          detail = REOPENED_DETAIL;
          return json(200, detail);
        },
      }),
      storage: { "civic.session": RESIDENT_SESSION },
    });
    const page = await mp.openUrl(`/pages/reports/detail?id=${RESOLVED_ID}`);
    let tree = await page.waitFor(has("reopen-panel"), "the reopen panel");
    expect(text(tree, "reopen-until")).toContain("2026-12-02 16:00");
    expect(findByClass(tree, "reopen-reason")).toHaveLength(0);

    page.tap(findOneByClass(tree, "reopen-button"));
    tree = await page.waitFor(has("reopen-reason"), "the reason field");
    page.trigger(findOneByClass(tree, "reopen-reason"), "input", { value: "脏" });
    await page.waitFor((t) => findOneByClass(t, "reopen-reason").attr.value === "脏" && t, "the short reason");
    page.tap(findOneByClass(page.render(), "reopen-submit"));
    tree = await page.waitFor(has("reopen-error"), "the too-short message");
    expect(requestsTo(mp.fake.requests, `/api/v1/reports/${RESOLVED_ID}/reopen`)).toHaveLength(0);

    page.trigger(findOneByClass(tree, "reopen-reason"), "input", { value: "第二天又来摆摊了" });
    await page.waitFor((t) => findOneByClass(t, "reopen-reason").attr.value === "第二天又来摆摊了" && t, "the reason");
    page.tap(findOneByClass(page.render(), "reopen-submit"));
    tree = await page.waitFor(has("status-badge--reopened"), "the reopened status");

    const reopen = requestsTo(mp.fake.requests, `/api/v1/reports/${RESOLVED_ID}/reopen`);
    expect(reopen.map((r) => r.method)).toEqual(["POST"]);
    expect(ReopenRequest.parse(reopen[0]?.data)).toEqual({ reason: "第二天又来摆摊了" });
    expect(reopen[0]?.data).toEqual({ reason: "第二天又来摆摊了" });
    expect(text(tree, "status-badge")).toBe(REPORT_STATUS_LABELS.reopened);
    expect(findByClass(tree, "reopen-panel")).toHaveLength(0);
    expect(findByClass(tree, "rate-panel")).toHaveLength(0);
    expect(textsOf(tree, "timeline-action").at(-1)).toBe(HISTORY_ACTION_LABELS.reopen);
  });
});

describe("weapp: 消息 (inbox)", () => {
  it("marks unread messages, and a tap marks one read and opens its report", async () => {
    const mp = await boot({
      onRequest: routes({
        "GET /api/v1/inbox": json(200, INBOX),
        "POST /api/v1/inbox/msg-unread-1/read": { statusCode: 204, data: "" },
      }),
      storage: { "civic.session": RESIDENT_SESSION },
    });
    const page = await mp.openPage("pages/inbox/index");
    let tree = await page.waitFor((t) => findByClass(t, "inbox-item").length === 2 && t, "the messages");

    expect(requestsTo(mp.fake.requests, "/api/v1/inbox").map((r) => r.method)).toEqual(["GET"]);
    const [unread, read] = findByClass(tree, "inbox-item") as [WxmlElement, WxmlElement];
    expect(text(unread, "inbox-title")).toBe(INBOX.messages[0]?.title);
    expect(classesOf(unread)).toContain("is-unread");
    expect(findByClass(unread, "unread-dot")).toHaveLength(1);
    expect(classesOf(read)).toContain("is-read");
    expect(findByClass(read, "unread-dot")).toHaveLength(0);
    expect(textsOf(tree, "inbox-title")).toEqual(["您反映的问题已处理", "上报已收到"]);
    expect(textsOf(tree, "inbox-body")[0]).toBe("占道经营：摊贩已劝离，现场已清理");
    expect(textsOf(tree, "inbox-time")).toEqual(["2026-11-25 16:00", "2026-11-26 10:00"]);
    expect(text(tree, "page-subtitle")).toBe("1 条未读");

    page.tap(unread);
    tree = await page.waitFor((t) => findByClass(t, "is-unread").length === 0 && t, "the message marked read");
    const markRead = mp.fake.requests.filter((r) => pathOf(r).endsWith("/read"));
    expect(markRead.map((r) => `${r.method} ${pathOf(r)}`)).toEqual(["POST /api/v1/inbox/msg-unread-1/read"]);
    expect(findByClass(tree, "unread-dot")).toHaveLength(0);
    expect(findByClass(tree, "page-subtitle")).toHaveLength(0);
    expect(navigateUrls(mp)).toEqual([`/pages/reports/detail?id=${RESOLVED_ID}`]);

    // A message already read only opens its report.
    page.tap(findByClass(tree, "inbox-item")[1] as WxmlElement);
    await page.waitFor(() => navigateUrls(mp).length === 2, "the second navigateTo");
    expect(navigateUrls(mp)[1]).toBe(`/pages/reports/detail?id=${SUBMITTED_ID}`);
    expect(mp.fake.requests.filter((r) => pathOf(r).endsWith("/read"))).toHaveLength(1);
  });
});

describe("weapp: moderation subpackage (moderator)", () => {
  const staff = { storage: { "civic.session": MODERATOR_SESSION } };

  it("lists the queue with held/overdue badges, filters it, and opens a case", async () => {
    const mp = await boot({
      ...staff,
      onRequest: routes({
        "GET /api/v1/moderation/reports": (_req, url) =>
          url.searchParams.get("overdue") === "true"
            ? json(200, { total: 1, reports: QUEUE.reports.filter((r) => r.overdue) })
            : json(200, QUEUE),
        "GET /api/v1/report-categories": json(200, CATEGORIES),
      }),
    });
    const page = await mp.openPage("packages/moderation/queue/index");
    let tree = await page.waitFor((t) => findByClass(t, "queue-item").length === 2 && t, "the queue");

    const queueRequests = () => requestsTo(mp.fake.requests, "/api/v1/moderation/reports");
    expect(queueRequests().map((r) => r.method)).toEqual(["GET"]);
    expect(queueQuery(queueRequests()[0])).toEqual({ limit: "20", offset: "0" });
    expect(queueRequests()[0]?.header.Authorization).toBe("Bearer fake-moderator-token");

    expect(findByClass(tree, "moderation-queue-page")).toHaveLength(1);
    expect(text(tree, "queue-total")).toBe("共 2 件");
    const [held, overdue] = findByClass(tree, "queue-item") as [WxmlElement, WxmlElement];
    expect(text(held, "queue-description")).toBe(QUEUE.reports[0]?.description);
    expect(classesOf(held)).toContain("queue-item--held");
    expect(classesOf(held)).not.toContain("queue-item--overdue");
    expect(textsOf(held, "badge-held")).toEqual(["待人工复核"]);
    expect(findByClass(held, "badge-overdue")).toHaveLength(0);
    expect(textsOf(held, "case-status--submitted")).toEqual(["待受理"]);
    expect(textsOf(held, "queue-followers")).toEqual(["2人同样反映"]);
    expect(text(overdue, "queue-description")).toBe(QUEUE.reports[1]?.description);
    expect(classesOf(overdue)).toContain("queue-item--overdue");
    expect(textsOf(overdue, "badge-overdue")).toEqual(["已超期"]);
    expect(findByClass(overdue, "badge-held")).toHaveLength(0);
    expect(textsOf(overdue, "case-status--dispatched")).toEqual(["处置中"]);
    expect(text(overdue, "queue-sla")).toBe("时限 2026-11-22 11:00");
    expect(findByClass(tree, "queue-end")).toHaveLength(1);

    // The filter panel is folded to one line; a tap opens it.
    expect(findByClass(tree, "queue-filter-overdue")).toHaveLength(0);
    page.tap(findOneByClass(tree, "queue-filters__summary"));
    tree = await page.waitFor((t) => findByClass(t, "queue-filter-overdue").length === 1 && t, "the unfolded filters");
    expect(findWithClasses(tree, "status-chip-all", "is-active")).toHaveLength(1);
    // 超期 filter: the query carries overdue=true and the chip turns active.
    page.tap(findOneByClass(tree, "queue-filter-overdue"));
    tree = await page.waitFor((t) => findByClass(t, "queue-item").length === 1 && t, "the overdue cases only");
    expect(queueQuery(queueRequests().at(-1))).toEqual({ overdue: "true", limit: "20", offset: "0" });
    expect(classesOf(findOneByClass(tree, "queue-filter-overdue"))).toContain("is-active");
    expect(text(tree, "queue-total")).toBe("共 1 件");

    // A status chip adds the status.
    page.tap(findOneByClass(tree, "status-chip-dispatched"));
    tree = await page.waitFor(() => queueRequests().length === 3 && page.render(), "the status query");
    expect(queueQuery(queueRequests().at(-1))).toEqual({ status: "dispatched", overdue: "true", limit: "20", offset: "0" });
    tree = await page.waitFor(
      (t) => classesOf(findOneByClass(t, "status-chip-dispatched")).includes("is-active") && findByClass(t, "queue-item").length === 1 && t,
      "the dispatched, overdue cases",
    );
    expect(findWithClasses(tree, "status-chip-all", "is-active")).toHaveLength(0);

    page.tap(findOneByClass(tree, "queue-item"));
    await page.waitFor(() => navigateUrls(mp).length > 0, "navigateTo the case");
    expect(navigateUrls(mp)).toEqual([`/packages/moderation/report/index?id=${OVERDUE_ID}`]);
  });

  it("tells a resident the moderation pages are for staff, without asking the API", async () => {
    const mp = await boot({ storage: { "civic.session": RESIDENT_SESSION }, onRequest: routes({}) });
    const page = await mp.openPage("packages/moderation/queue/index");
    const tree = await page.waitFor(has("state-error"), "the staff-only error");
    expect(text(tree, "error-message")).toBe("此页面仅限城管局工作人员（管理员）使用");
    expect(findByClass(tree, "retry-button")).toHaveLength(0);
    expect(requestsTo(mp.fake.requests, "/api/v1/moderation/reports")).toHaveLength(0);
  });

  it("offers only the actions a submitted case allows, and 立案 posts accept and shows 已立案", async () => {
    let detail: ReportDetail = CASE_SUBMITTED;
    const mp = await boot({
      ...staff,
      onRequest: routes({
        [`GET /api/v1/moderation/reports/${CASE_ID}`]: () => json(200, detail),
        [`POST /api/v1/moderation/reports/${CASE_ID}/accept`]: () => {
          detail = CASE_ACCEPTED;
          return json(200, detail);
        },
        "GET /api/v1/report-categories": json(200, CATEGORIES),
      }),
    });
    const page = await mp.openUrl(`/packages/moderation/report/index?id=${CASE_ID}`);
    let tree = await page.waitFor(has("action-panel"), "the case and its actions");

    expect(requestsTo(mp.fake.requests, `/api/v1/moderation/reports/${CASE_ID}`).map((r) => r.method)).toEqual(["GET"]);
    expect(findWithClasses(tree, "report-status", "status-submitted").map((el) => textOf(el))).toEqual(["待受理"]);
    expect(textsOf(tree, "badge-held")).toEqual(["待人工复核"]);
    expect(text(tree, "case-id")).toBe(`案件编号 #${CASE_ID.slice(-8)}`);
    expect(text(tree, "report-original")).toBe(CASE_SUBMITTED.originalDescription);
    expect(findByClass(tree, "text-check--review")).toHaveLength(1);
    expect(text(tree, "report-reporter")).toContain("苏州市民");
    expect(findByClass(tree, "photo-check--pass")).toHaveLength(1);

    expect(actionNames(tree)).toEqual(["accept", "reject", "merge", "redact"]);
    for (const forbidden of ["action-close", "action-resolve", "action-dispatch", "action-reopen"]) {
      expect(findByClass(tree, forbidden), forbidden).toHaveLength(0);
    }

    page.tap(findOneByClass(tree, "action-accept"));
    tree = await page.waitFor(has("action-form-accept"), "the accept panel");
    expect(text(tree, "action-confirm")).toBe("确认立案");
    page.trigger(findOneByClass(tree, "action-note"), "input", { value: "现场核实属实" });
    await page.waitFor((t) => findOneByClass(t, "action-note").attr.value === "现场核实属实" && t, "the typed note");
    page.tap(findOneByClass(page.render(), "action-confirm"));

    tree = await page.waitFor(has("action-done"), "the done notice");
    const accept = requestsTo(mp.fake.requests, `/api/v1/moderation/reports/${CASE_ID}/accept`);
    expect(accept.map((r) => r.method)).toEqual(["POST"]);
    expect(accept[0]?.data).toEqual({ note: "现场核实属实" });
    // Decided on the version shown on screen.
    expect(accept[0]?.header["If-Match"]).toBe(`"${CASE_SUBMITTED.version}"`);
    expect(text(tree, "action-done")).toBe("已立案");
    expect(findWithClasses(tree, "report-status", "status-accepted").map((el) => textOf(el))).toEqual(["已立案"]);
    expect(findByClass(tree, "action-form")).toHaveLength(0);
    expect(actionNames(tree)).toEqual(["dispatch", "reject", "merge", "redact"]);
    expect(textsOf(tree, "timeline-action")).toEqual([HISTORY_ACTION_LABELS.submit, HISTORY_ACTION_LABELS.accept]);
    expect(textsOf(tree, "timeline-actor")[1]).toContain("待受理 → 已立案");
    // The page reads the case again after the action.
    await page.waitFor(() => requestsTo(mp.fake.requests, `/api/v1/moderation/reports/${CASE_ID}`).length === 2, "the refetch");
  });

  it("shows who was first and what the case is now, and reloads, when another moderator acted first (409)", async () => {
    let detail: ReportDetail = CASE_SUBMITTED;
    const mp = await boot({
      ...staff,
      onRequest: routes({
        [`GET /api/v1/moderation/reports/${CASE_ID}`]: () => json(200, detail),
        [`POST /api/v1/moderation/reports/${CASE_ID}/accept`]: () => {
          detail = CASE_ACCEPTED; // somebody else accepted it meanwhile
          return json(409, {
            error: {
              code: "conflict",
              message: "the report has changed since you opened it; reload it",
              details: {
                reason: "stale_version",
                expectedVersion: CASE_SUBMITTED.version,
                version: CASE_ACCEPTED.version,
                status: "accepted",
              },
            },
          });
        },
        "GET /api/v1/report-categories": json(200, CATEGORIES),
      }),
    });
    const page = await mp.openUrl(`/packages/moderation/report/index?id=${CASE_ID}`);
    let tree = await page.waitFor(has("action-accept"), "the accept button");
    page.tap(findOneByClass(tree, "action-accept"));
    tree = await page.waitFor(has("action-confirm"), "the accept panel");
    page.tap(findOneByClass(tree, "action-confirm"));

    tree = await page.waitFor(has("conflict-message"), "the conflict message");
    expect(text(tree, "conflict-message")).toBe("该案件已被他人处理（已立案），已为您刷新");
    expect(findByClass(tree, "action-done")).toHaveLength(0);
    const accept = requestsTo(mp.fake.requests, `/api/v1/moderation/reports/${CASE_ID}/accept`);
    expect(accept.map((r) => r.method)).toEqual(["POST"]);
    expect(accept[0]?.data).toEqual({});
    expect(accept[0]?.header["If-Match"]).toBe(`"${CASE_SUBMITTED.version}"`);
    tree = await page.waitFor(has("status-accepted"), "the reloaded case");
    expect(requestsTo(mp.fake.requests, `/api/v1/moderation/reports/${CASE_ID}`).map((r) => r.method)).toEqual(["GET", "GET"]);
    expect(findByClass(tree, "action-form")).toHaveLength(0);
    expect(actionNames(tree)).toEqual(["dispatch", "reject", "merge", "redact"]);
    expect(mp.fake.callsOf("showToast")).toEqual([expect.objectContaining({ title: "该案件已被他人处理（已立案），已为您刷新" })]);
  });

  it("renders the KPI tiles as percentages and the daily chart", async () => {
    const mp = await boot({
      ...staff,
      onRequest: routes({
        "GET /api/v1/moderation/kpis": (_req, url) =>
          url.searchParams.get("groupBy") === "district"
            ? json(200, {
                ...KPIS,
                groupBy: "district",
                groups: [{ key: "姑苏区", label: "姑苏区", figures: KPIS.overall }],
              })
            : json(200, KPIS),
      }),
    });
    const page = await mp.openPage("packages/moderation/kpis/index");
    let tree = await page.waitFor(has("kpi-tile"), "the KPI tiles");

    const kpis = requestsTo(mp.fake.requests, "/api/v1/moderation/kpis");
    expect(kpis.map((r) => r.method)).toEqual(["GET"]);
    const q = queryOf(kpis[0] as WxRequest);
    expect(q.groupBy).toBe("none");
    expect(q.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(q.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((Date.parse(q.to as string) - Date.parse(q.from as string)) / 86_400_000).toBe(29);
    expect(text(tree, "kpi-period")).toBe(`${q.from} 至 ${q.to}`);

    const tile = (cls: string) => text(findOneByClass(tree, cls), "kpi-value");
    expect(tile("kpi-cases")).toBe("8");
    expect(tile("kpi-closure-rate")).toBe("75%");
    expect(tile("kpi-on-time-rate")).toBe("66.7%");
    expect(tile("kpi-median-hours")).toBe("20.5 小时");
    expect(tile("kpi-satisfaction-rate")).toBe("—");
    expect(tile("kpi-reopen-rate")).toBe("14.3%");
    expect(text(findOneByClass(tree, "kpi-closure-rate"), "kpi-count")).toBe("6 / 8 件");

    const bars = findByClass(findOneByClass(tree, "kpi-chart-daily"), "daily-bar");
    expect(bars.map((b) => text(b, "daily-bar__date"))).toEqual(["11-24", "11-25", "11-26"]);
    expect(text(findOneByClass(tree, "kpi-chart-daily"), "chart-note")).toBe("最高 4 件/天");
    const heights = (cls: string) => bars.map((b) => String(findOneByClass(b, cls).attr.style ?? ""));
    expect(heights("daily-bar__cases").map((s) => styleValue(s))).toEqual(["100%", "50%", "0%"]);
    expect(heights("daily-bar__closed").map((s) => styleValue(s))).toEqual(["25%", "50%", "0%"]);
    expect(findByClass(tree, "kpi-chart-groups")).toHaveLength(0);

    page.tap(findOneByClass(tree, "kpi-group-district"));
    tree = await page.waitFor(has("kpi-group-row"), "the district rows");
    expect(queryOf(requestsTo(mp.fake.requests, "/api/v1/moderation/kpis").at(-1) as WxRequest).groupBy).toBe("district");
    const row = findOneByClass(tree, "kpi-group-row");
    expect(text(row, "kpi-group-label")).toBe("姑苏区");
    expect(text(findOneByClass(row, "group-rate--closureRate"), "group-rate__value")).toBe("75%");
    expect(styleValue(String(findOneByClass(findOneByClass(row, "group-rate--closureRate"), "group-rate__bar").attr.style), "width")).toBe(
      "75%",
    );
  });
});

function queueQuery(req: WxRequest | undefined) {
  if (!req) throw new Error("no queue request");
  return queryOf(req);
}

function actionNames(tree: WxmlElement): string[] {
  return findByClass(tree, "action-button").map((el) => {
    const name = classesOf(el).find((c) => c.startsWith("action-") && c !== "action-button");
    return String(name).slice("action-".length);
  });
}

/** The value of one CSS property in an inline style ("height: 50%;" → "50%"). */
function styleValue(style: string, prop = "height"): string {
  const m = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([^;]+)`).exec(style);
  return m?.[1]?.trim() ?? `(no ${prop} in "${style}")`;
}

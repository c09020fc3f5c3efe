import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AuditPage, CategoryList, ToiletImportPreview, User } from "@civic/shared";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PhoneBrowser } from "../support/chromium";
import { type CivicServer, startCivicServer } from "../support/civic-server";
import { launchDesktopBrowser } from "../support/desktop-browser";
import { miniappDist } from "../support/paths";
import { freshTempDir } from "../support/temp-dirs";
import { appActions, isApi } from "./app-actions";
import { answerTo, screenshot, watchForProblems } from "./story";

/*
 * The admin console in the H5 build at desktop width (1280×800), in real Chromium against the real Node
 * API with the Suzhou demo data: an admin grants a role and reads it in the user's audit trail, changes a
 * category's SLA, imports a CSV whose bad row is shown (nothing written) and then the fixed file, issues
 * an Open311 key that is shown once and revokes it, and filters the audit log.
 */

const HEADER = "name,address,district,street,lat,lng,kind,hours,free,accessible,thirdToilet,babyCare,stalls,sourceRef";
const GOOD_ROW = "E2E山塘街公厕,姑苏区山塘街100号,姑苏区,虎丘街道,31.3180,120.6010,municipal,24h,true,true,false,false,6,e2e-1";
const BAD_ROW = ",姑苏区山塘街200号,姑苏区,虎丘街道,31.3185,120.6000,municipal,06:00-22:00,true,false,false,false,4,e2e-2";
const FIXED_ROW = "E2E七里山塘公厕,姑苏区山塘街200号,姑苏区,虎丘街道,31.3185,120.6000,municipal,06:00-22:00,true,false,false,false,4,e2e-2";

let server: CivicServer;
let browser: PhoneBrowser;
let page: Page;
let problems: string[];
let residentId: string;
let adminToken: string;
const files = freshTempDir("e2e-admin-files");

const { shown, textOf, openFresh, loginAs } = appActions(() => page);
/** The API as the admin, to check what the pages claim (the session token the app stored). */
const api = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${adminToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};

/** Taro's H5 confirmation dialog: press 确定. */
const confirmModal = () => shown(".taro-model__confirm").click();

beforeAll(async () => {
  server = await startCivicServer({ staticDir: miniappDist("h5") });
  browser = await launchDesktopBrowser({ baseURL: server.url });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
  problems = watchForProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  files.remove();
  if (problems?.length) console.log(`problems seen in the page:\n${problems.join("\n")}`);
});

describe("E2E (H5 in Chromium, desktop width): the admin console", () => {
  it("an admin opens the console from 我的 and sees its menu in two columns", async () => {
    residentId = (await loginAs("resident")).user.id;
    adminToken = (await loginAs("admin")).token;
    await shown(".admin-entry").click();
    await shown(".admin-home .admin-menu__item").first().waitFor();
    expect(await shown(".admin-menu__item").count()).toBe(24);
    const [a, b] = await Promise.all([shown(".admin-menu-users").boundingBox(), shown(".admin-menu-categories").boundingBox()]);
    expect(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x + 300).toBe(true);
    const container = await shown(".admin-home").boundingBox();
    // Sub-pixel layout: some Chromium builds report 1200.00006 for a 1200px max-width.
    expect(container?.width).toBeLessThanOrEqual(1200.5);
    await screenshot(page, "admin-01-home");
  });

  it("grants a role and reads it in the user's audit trail", async () => {
    await shown(".admin-menu-users").click();
    await shown(".admin-users .admin-search").waitFor();
    await shown(".admin-users .admin-search input").first().fill("demo-resident");
    await answerTo(
      page,
      (u) => u.pathname === "/api/v1/admin/users" && u.searchParams.get("q") === "demo-resident",
      () => shown(".user-search-button").click(),
    );
    await shown(`.user-row[data-user-id="${residentId}"]`).click();
    await shown(".trail-empty").waitFor();
    await shown(".grant-role-collector").click();
    await shown(".grant-note input, input.grant-note").first().fill("姑苏区回收队");
    const granted = await answerTo<User>(
      page,
      isApi(`/api/v1/admin/users/${residentId}/roles`),
      () => shown(".grant-button").click(),
      "POST",
    );
    expect(granted.body.roles).toContain("collector");
    await shown(".user-panel .audit-action-role-grant").waitFor();
    expect(await textOf(".user-panel .audit-entry__detail")).toContain("姑苏区回收队");
    await screenshot(page, "admin-02-user-trail");
  });

  it("changes a category's SLA", async () => {
    await openFresh("/packages/admin/categories/index");
    await shown(".category-illegal_posters").click();
    await shown(".category-slaHours input, input.category-slaHours").first().fill("36");
    await answerTo(page, isApi("/api/v1/admin/report-categories/illegal_posters"), () => shown(".category-save").click(), "PATCH");
    await expect.poll(() => textOf(".category-illegal_posters .category-row__sla")).toBe("36");
    const all = await api<CategoryList>("/api/v1/report-categories?all=1");
    expect(all.categories.find((c) => c.code === "illegal_posters")?.slaHours).toBe(36);
    await screenshot(page, "admin-03-category-sla");
  });

  it("imports a CSV: the bad row's errors are shown and nothing is written; the fixed file imports", async () => {
    await openFresh("/packages/admin/toilet-import/index");
    const content = shown(".import-content textarea, textarea.import-content").first();
    await content.fill([HEADER, GOOD_ROW, BAD_ROW].join("\n"));
    const bad = await answerTo<ToiletImportPreview>(page, isApi("/api/v1/admin/toilets/import/preview"), () =>
      shown(".import-check").click(),
    );
    expect(bad.body.ok).toBe(false);
    await shown(".import-error-row-3").first().waitFor();
    expect(await shown(".import-error-row-3 .import-error__field").allInnerTexts()).toEqual(["name"]);
    expect(await shown(".import-run").getAttribute("disabled")).not.toBeNull();
    expect((await api<{ toilets: unknown[] }>("/api/v1/admin/toilets?q=E2E")).toilets).toHaveLength(0);
    await screenshot(page, "admin-04-import-errors");

    // The fixed file comes through the browser's file chooser, as an admin at a desk would load it.
    const fixedFile = join(files.path, "toilets-fixed.csv");
    writeFileSync(fixedFile, [HEADER, GOOD_ROW, FIXED_ROW].join("\n"));
    const chooser = page.waitForEvent("filechooser");
    await shown(".import-file").click();
    await (await chooser).setFiles(fixedFile);
    await expect.poll(() => content.inputValue()).toContain("E2E七里山塘公厕");
    await answerTo(page, isApi("/api/v1/admin/toilets/import/preview"), () => shown(".import-check").click());
    await shown(".import-row-create").first().waitFor();
    await answerTo(page, isApi("/api/v1/admin/toilets/import"), () => shown(".import-run").click(), "POST");
    expect(await textOf(".import-result")).toContain("新增 2");
    expect((await api<{ toilets: { name: string }[] }>("/api/v1/admin/toilets?q=E2E")).toilets.map((t) => t.name).sort()).toEqual([
      "E2E七里山塘公厕",
      "E2E山塘街公厕",
    ]);
    await screenshot(page, "admin-05-import-done");
  });

  it("issues an Open311 key shown once, then only its prefix, and revokes it", async () => {
    await openFresh("/packages/admin/open311-keys/index");
    await shown(".key-name input, input.key-name").first().fill("12345 热线系统");
    const issued = await answerTo<{ apiKey: string; id: string }>(
      page,
      isApi("/api/v1/admin/open311/keys"),
      () => shown(".key-issue-button").click(),
      "POST",
    );
    expect(await textOf(".key-once__value")).toBe(issued.body.apiKey);
    await screenshot(page, "admin-06-key-once");
    await openFresh("/packages/admin/open311-keys/index");
    await shown(`.key-row[data-key-id="${issued.body.id}"]`).waitFor();
    expect(await textOf(`.key-row[data-key-id="${issued.body.id}"] .key-row__prefix`)).toBe(`${issued.body.apiKey.slice(0, 6)}…`);
    expect(await page.content()).not.toContain(issued.body.apiKey);
    await shown(`.key-row[data-key-id="${issued.body.id}"] .key-revoke`).click();
    await answerTo(page, isApi(`/api/v1/admin/open311/keys/${issued.body.id}/revoke`), confirmModal, "POST");
    await shown(`.key-row.is-revoked[data-key-id="${issued.body.id}"]`).waitFor();
  });

  it("filters the audit log by action and by the user acted on", async () => {
    await openFresh("/packages/admin/audit/index");
    await shown(".audit-entry").first().waitFor();
    await shown(".action-open311-key-revoke").click();
    const byAction = await answerTo<AuditPage>(
      page,
      (u) => isApi("/api/v1/admin/audit")(u) && u.searchParams.get("action") === "open311_key.revoke",
      () => shown(".audit-apply").click(),
    );
    expect(byAction.body.entries).toHaveLength(1);
    await expect.poll(() => shown(".audit-entry").count()).toBe(1);
    await shown(".action-all").click();
    await shown(".target-user").click();
    await shown(".audit-targetId input, input.audit-targetId").first().fill(residentId);
    const trail = await answerTo<AuditPage>(
      page,
      (u) => isApi("/api/v1/admin/audit")(u) && u.searchParams.get("targetId") === residentId,
      () => shown(".audit-apply").click(),
    );
    expect(trail.body.entries.map((e) => e.action)).toEqual(["role.grant"]);
    await expect.poll(() => textOf(".audit-entry__action")).toBe("授予角色");
    await screenshot(page, "admin-07-audit-filtered");
    expect(problems).toEqual([]);
  });
});

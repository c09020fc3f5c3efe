import { feedRequestHeaders, type NearbyParkingResponse } from "@civic/shared";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhoneBrowser, type PhoneBrowser } from "../support/chromium";
import { type CivicServer, startCivicServer } from "../support/civic-server";
import { miniappDist } from "../support/paths";
import { appActions } from "./app-actions";
import { screenshot, watchForProblems } from "./story";

/*
 * 附近 in the H5 build, in real Chromium, against the real Node API seeded with the Suzhou demo (toilets,
 * parking lots, night markets) at 19:30: the resident chooses 姑苏区 and sees, on one map and one
 * list nearest first, toilets, a lot whose operator has just reported its free spaces (with their age), and
 * the vending point open tonight with its time left, drawn as its zone; switching layers asks only for those.
 */

/**
 * The story's clock (server and phone): the next 19:30 in Suzhou (11:30 UTC) after the real time, so it is
 * later than the demo data seeded at the real time and the lot's new report is its newest.
 */
const nextEvening = () => {
  const at = new Date();
  at.setUTCHours(11, 30, 0, 0);
  if (at.getTime() <= Date.now()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
};
const NOW = nextEvening();
const shiftMs = NOW.getTime() - Date.now();
const storyNow = () => new Date(Date.now() + shiftMs);
const GUANQIAN = { lat: 31.3017, lng: 120.62 };

let server: CivicServer;
let browser: PhoneBrowser;
let page: Page;
let problems: string[];
const { shown, textIn, openFresh } = appActions(() => page);

async function api<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
  const res = await fetch(new URL(path, server.url), { ...init, headers });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** The demo operator's lot at 观前街 reports 23 free spaces, observed a minute ago, through the signed feed. */
async function guanqianReports(): Promise<string> {
  const admin = await api<{ token: string }>("/api/v1/auth/dev-login", {
    method: "POST",
    body: JSON.stringify({ openid: "e2e-nearby-admin", role: "admin" }),
  });
  const near = await api<NearbyParkingResponse>(`/api/v1/parking/nearby?lat=${GUANQIAN.lat}&lng=${GUANQIAN.lng}&radius=1000`);
  const lot = near.lots.find((l) => l.name === "观前街地下停车场");
  if (!lot) throw new Error("the demo has no 观前街地下停车场 near Guanqian");
  const detail = await api<{ source: { operatorId: string } | null }>(`/api/v1/parking/lots/${lot.id}`);
  if (!detail.source) throw new Error("the demo lot has no operator");
  const key = await api<{ keyId: string; secret: string }>(`/api/v1/admin/parking/operators/${detail.source.operatorId}/keys`, {
    method: "POST",
    token: admin.token,
  });
  const body = JSON.stringify({
    rows: [{ lotId: lot.id, free: 23, status: "open", observedAt: new Date(NOW.getTime() - 60_000).toISOString() }],
  });
  const result = await api<{ applied: number }>("/api/v1/feeds/parking", {
    method: "POST",
    body,
    headers: await feedRequestHeaders(key.keyId, key.secret, body, NOW),
  });
  expect(result.applied).toBe(1);
  return lot.id;
}

beforeAll(async () => {
  server = await startCivicServer({ staticDir: miniappDist("h5"), clock: storyNow });
  browser = await launchPhoneBrowser({ baseURL: server.url });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await browser.context.clock.install({ time: storyNow() });
  page.setDefaultTimeout(15_000);
  problems = watchForProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (problems?.length) console.log(`problems seen in the page:\n${problems.join("\n")}`);
});

describe("E2E (H5 in Chromium): 附近, one map of everything near me", () => {
  let lotId = "";

  it("shows toilets, a lot's fresh free spaces with their age and tonight's vending point, nearest first", async () => {
    lotId = await guanqianReports();
    await openFresh("/pages/nearby/index");
    await shown(".district-gusu").click();
    await shown(".nearby-row").first().waitFor();
    const rows = shown(".nearby-row");
    const lot = rows.filter({ hasText: "观前街地下停车场" });
    expect(await textIn(lot.locator(".nearby-row__line"))).toBe("剩余 23 个 · 1 分钟前");
    const market = rows.filter({ hasText: "观前街北便民疏导点" });
    expect(await textIn(market.locator(".nearby-row__line"))).toMatch(/收摊/);
    expect(await textIn(rows.filter({ hasText: "观前街北便民疏导点" }).locator(".nearby-row__layer"))).toBe("夜市");
    const metres = await rows.locator(".nearby-row__distance").allInnerTexts();
    const asMetres = metres.map((t) => (t.endsWith("公里") ? Number.parseFloat(t) * 1000 : Number.parseFloat(t)));
    expect(asMetres).toEqual([...asMetres].sort((a, b) => a - b));
    expect(await rows.filter({ hasText: "厕" }).count()).toBeGreaterThan(0);
    // The zone is drawn on the map, not only pinned.
    await shown(".nearby-map .map-shape, .nearby-map path.leaflet-interactive").first().waitFor();
    await screenshot(page, "nearby-01-layers");
  });

  it("turning 停车 off asks no more for parking; a lot's row opens its page", async () => {
    await shown(".layer-chip").filter({ hasText: "停车" }).click();
    await expect.poll(() => shown(".nearby-row").filter({ hasText: "观前街地下停车场" }).count()).toBe(0);
    await shown(".layer-chip").filter({ hasText: "停车" }).click();
    await shown(".nearby-row").filter({ hasText: "观前街地下停车场" }).click();
    await expect.poll(() => page.url()).toContain(`/packages/parking/lot/index?id=${lotId}`);
  });
});

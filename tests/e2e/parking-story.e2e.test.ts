import { DEFAULT_CITY_NAMES, districtChoices, feedRequestHeaders, type IssuedFeedKey, type NearbyParkingResponse } from "@civic/shared";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhoneBrowser, type PhoneBrowser } from "../support/chromium";
import { type CivicServer, startCivicServer } from "../support/civic-server";
import { miniappDist } from "../support/paths";
import { appActions, isApi } from "./app-actions";
import { answerTo, screenshot, watchForProblems } from "./story";

/*
 * Issue 11, parking end to end in the H5 build, in real Chromium, against the real Node API (temporary
 * database with the demo data). The bureau (through its admin API) adds an operator with a 10-minute
 * freshness limit, a lot at the 姑苏区 centre and a feed key; the operator pushes a signed batch (free 42).
 * A resident opens 找停车, picks 姑苏区 and finds the lot with "剩余 42 个 · 3 分钟前" and its page. Then the
 * feed stops: the clock (server and phone) moves past the operator's limit, the resident reloads, and the
 * lot says 余位未知 with the age of its last report, never the old number.
 */

let server: CivicServer;
let browser: PhoneBrowser;
let page: Page;
let problems: string[];
let shiftMs = 0;
const storyNow = () => new Date(Date.now() + shiftMs);

const { shown, textOf, openFresh } = appActions(() => page);
const GUSU = districtChoices(DEFAULT_CITY_NAMES).find((d) => d.slug === "gusu")!;
const FRESHNESS_MINUTES = 10;
let adminToken: string;
let lotId: string;

async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const raw = body === undefined ? undefined : JSON.stringify(body);
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(adminToken ? { authorization: `Bearer ${adminToken}` } : {}), ...headers },
    body: raw,
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The operator's side: a signed batch, as its own system would send it. */
async function pushFeed(key: IssuedFeedKey, rows: unknown[]) {
  const raw = JSON.stringify({ rows });
  const headers = await feedRequestHeaders(key.keyId, key.secret, raw, storyNow());
  const res = await fetch(`${server.url}/api/v1/feeds/parking`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: raw,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { applied: number };
}

/** 找停车 at the 姑苏区 centre; answers the nearby search the page made. */
async function findParkingInGusu(): Promise<NearbyParkingResponse> {
  await openFresh("/packages/parking/finder/index");
  const nearby = await answerTo<NearbyParkingResponse>(page, isApi("/api/v1/parking/nearby"), () => shown(".district-gusu").click());
  await shown(`.lot-item[data-id="${lotId}"]`).waitFor();
  return nearby.body;
}

beforeAll(async () => {
  server = await startCivicServer({ staticDir: miniappDist("h5"), clock: storyNow });
  browser = await launchPhoneBrowser({ baseURL: server.url });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
  await browser.context.clock.install({ time: storyNow() });
  problems = watchForProblems(page);
  console.log(`E2E against ${server.url}`);

  adminToken = (await api<{ token: string }>("POST", "/api/v1/auth/dev-login", { openid: "e2e-parking-admin", role: "admin" })).token;
  const op = await api<{ id: string }>("POST", "/api/v1/admin/parking/operators", {
    name: "姑苏测试停车",
    kind: "push",
    freshnessMinutes: FRESHNESS_MINUTES,
    licence: "CC BY 4.0",
  });
  const lot = await api<{ id: string }>("POST", "/api/v1/admin/parking/lots", {
    name: "姑苏区政府地下停车场",
    type: "underground",
    address: "苏州市姑苏区三香路 1 号",
    district: GUSU.name,
    lat: GUSU.lat,
    lng: GUSU.lng,
    capacity: { total: 100, disabled: 2, charging: 6, shared: 0 },
    fees: { text: "5 元/小时", rate: { freeMinutes: 15, firstHourYuan: 5, perHourYuan: 5, dailyCapYuan: 40 } },
    hours: { kind: "always" },
    operatorId: op.id,
  });
  lotId = lot.id;
  const key = await api<IssuedFeedKey>("POST", `/api/v1/admin/parking/operators/${op.id}/keys`);
  const observedAt = new Date(storyNow().getTime() - 3 * 60_000).toISOString();
  expect((await pushFeed(key, [{ lotId, free: 42, total: 100, status: "open", observedAt }])).applied).toBe(1);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (problems?.length) console.log(`problems seen in the page:\n${problems.join("\n")}`);
});

describe("E2E (H5 in Chromium): 找停车 — a lot with free spaces and their age, then the feed stops and the number turns unknown", () => {
  it("a resident finds the lot with free spaces and sees how old the number is", async () => {
    const nearby = await findParkingInGusu();
    const mine = nearby.lots.find((l) => l.id === lotId);
    expect(mine?.live).toMatchObject({ free: 42, fresh: true, band: "many" });
    const item = `.lot-item[data-id="${lotId}"]`;
    expect(await textOf(`${item} .lot-name`)).toBe("姑苏区政府地下停车场");
    expect(await textOf(`${item} .lot-live`)).toMatch(/^剩余 42 个 · [34] 分钟前$/);
    await screenshot(page, "parking-01-finder");

    await shown(".filter-has-free").click();
    await shown(`${item}`).waitFor();
    await answerTo(page, isApi(`/api/v1/parking/lots/${lotId}`), () => shown(item).click());
    await shown(".parking-lot-page .lot-detail").waitFor();
    expect(await textOf(".parking-lot-page .lot-live")).toMatch(/^剩余 42 个 · [34] 分钟前$/);
    expect(await textOf(".parking-lot-page .lot-capacity")).toContain("共 100 个");
    expect(await shown(".parking-lot-page .occupancy-bar").count()).toBe(24);
    await screenshot(page, "parking-02-lot");
  });

  it("the feed stops: past the operator's limit the lot shows 余位未知, never the old number", async () => {
    shiftMs = (FRESHNESS_MINUTES + 5) * 60_000;
    await browser.context.clock.setSystemTime(storyNow());
    const nearby = await findParkingInGusu();
    expect(nearby.lots.find((l) => l.id === lotId)?.live).toMatchObject({ free: null, fresh: false, band: "unknown" });
    const live = await textOf(`.lot-item[data-id="${lotId}"] .lot-live`);
    expect(live).toMatch(/^余位未知 · 最后上报 1[78] 分钟前$/);
    expect(live).not.toContain("42");
    await screenshot(page, "parking-03-unknown");
  });
});

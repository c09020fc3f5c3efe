import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page, Response } from "playwright-core";
import { testOutputDir } from "../support/paths";

/* Small helpers for driving the H5 app the way a resident would. */

export const screenshotDir = join(testOutputDir, "e2e");

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await settled(page);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
  return path;
}

/**
 * Waits for the API answer matching `match` (and `method`, when given) while `action` runs, and returns its
 * status, its JSON (null for an empty body, e.g. 204) and the JSON the page sent (null when none).
 */
export async function answerTo<T>(
  page: Page,
  match: (url: URL) => boolean,
  action: () => Promise<unknown>,
  method?: string,
): Promise<{ url: URL; status: number; body: T; sent: unknown }> {
  const waiting = page.waitForResponse((r: Response) => {
    const m = r.request().method();
    return m !== "OPTIONS" && (method === undefined || m === method) && match(new URL(r.url()));
  });
  // If the action throws, the wait must not end later as an unhandled rejection.
  waiting.catch(() => {});
  await action();
  const response = await waiting;
  if (!response.ok()) throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
  // A 204 has no body to fetch (Chromium answers "No data found for resource" when asked for one).
  const text = response.status() === 204 ? "" : await response.text();
  let sent: unknown = null;
  try {
    sent = response.request().postDataJSON();
  } catch {
    sent = null; // not JSON (e.g. a multipart upload)
  }
  return { url: new URL(response.url()), status: response.status(), body: (text ? JSON.parse(text) : null) as T, sent };
}

/* The browser asks for /favicon.ico on its own; the app has none and does not need one. */
const ignoredUrl = (url: string) => new URL(url).pathname === "/favicon.ico";

/** Everything the page reported as broken: uncaught errors, console errors and failed or 4xx/5xx requests. */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // "Failed to load resource" repeats a response already recorded below, with its url.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !ignoredUrl(r.url())) problems.push(`http ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  page.on("requestfailed", (r) => {
    if (!ignoredUrl(r.url())) problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ""}`);
  });
  return problems;
}

/**
 * Waits until no CSS animation or transition runs (Taro's H5 slides pages in), so screenshots are whole.
 * Gives up quietly after a few seconds, since an endless animation (a spinner) must not fail a story.
 */
export async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, { polling: 50, timeout: 3000 })
    .catch(() => {});
}

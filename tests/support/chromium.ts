import { existsSync } from "node:fs";
import { type BrowserContext, chromium } from "playwright-core";
import { freshTempDir } from "./temp-dirs";

/*
 * Debian's Chromium driven by playwright-core (never a downloaded browser), launched the way STACK.md says:
 * a persistent context on a fresh profile directory, which is removed again on close.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Guanqian Street area, Suzhou (GCJ-02, what our API and WeChat use). */
export const SUZHOU_GUANQIAN = { latitude: 31.3017, longitude: 120.62 };

export interface PhoneBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchPhoneBrowser(
  opts: { baseURL?: string; geolocation?: { latitude: number; longitude: number } } = {},
): Promise<PhoneBrowser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-noto-cjk)`);
  const profile = freshTempDir("chromium");
  const context = await chromium.launchPersistentContext(profile.path, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    baseURL: opts.baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    geolocation: opts.geolocation ?? SUZHOU_GUANQIAN,
    permissions: ["geolocation"],
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      profile.remove();
    },
  };
}

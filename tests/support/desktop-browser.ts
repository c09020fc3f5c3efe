import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH, type PhoneBrowser } from "./chromium";
import { freshTempDir } from "./temp-dirs";

/** Chromium as bureau staff use the H5 app at a desk: a 1280×800 window, mouse, no touch; same flags as the phone. */
export async function launchDesktopBrowser(opts: { baseURL?: string } = {}): Promise<PhoneBrowser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-noto-cjk)`);
  const profile = freshTempDir("chromium-desktop");
  const context = await chromium.launchPersistentContext(profile.path, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    baseURL: opts.baseURL,
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      profile.remove();
    },
  };
}

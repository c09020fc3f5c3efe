import type { Role, User } from "@civic/shared";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { answerTo } from "./story";

/** Matches one API path in answerTo. */
export const isApi = (path: string) => (u: URL) => u.pathname === path;

/**
 * What a person does in the H5 app, shared by the stories: only what is on screen counts (Taro's H5 router
 * keeps the pages below the current one in the DOM, hidden), fresh loads of a page, and handing the device
 * to another actor through 我的 and the demo role picker. `page` is read when called (stories open it in beforeAll).
 */
export function appActions(page: () => Page) {
  const shown = (selector: string): Locator => page().locator(selector).filter({ visible: true });
  const textIn = async (locator: Locator) => ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
  let visits = 0;

  // API calls still on their way: leaving a page while one is in flight aborts it, which the stories count
  // as a problem (watchForProblems), so a fresh load first lets the current page finish talking.
  const inFlight = new Set<unknown>();
  let watched: Page | undefined;
  const watchApiCalls = () => {
    const p = page();
    if (watched === p) return;
    watched = p;
    const isApiCall = (url: string) => new URL(url).pathname.startsWith("/api/");
    p.on("request", (r) => isApiCall(r.url()) && inFlight.add(r));
    p.on("requestfinished", (r) => inFlight.delete(r));
    p.on("requestfailed", (r) => inFlight.delete(r));
  };

  /** A fresh load of the app at a page (the query makes it a real load, not a hash change). */
  async function openFresh(path: string): Promise<void> {
    watchApiCalls();
    await expect.poll(() => inFlight.size, { timeout: 10_000 }).toBe(0);
    visits++;
    await page().goto(`/?visit=${visits}#${path}`);
  }

  /** 我的 → 退出登录 (if someone is signed in) → demo role picker → 登录; answers the dev-login's session. */
  async function loginAs(role: Role): Promise<{ token: string; user: User }> {
    await openFresh("/pages/me/index");
    await shown(".me-page .logout-button, .me-page .login-prompt").first().waitFor();
    if (await shown(".me-page .logout-button").count()) {
      await answerTo(page(), isApi("/api/v1/auth/logout"), () => shown(".logout-button").click(), "POST");
    }
    await shown(".me-page .login-prompt").click();
    await shown(".role-picker").waitFor();
    await shown(`.role-${role}`).click();
    await expect.poll(() => shown(`.role-${role}`).getAttribute("class")).toContain("is-active");
    const login = await answerTo<{ token: string; user: User }>(page(), isApi("/api/v1/auth/dev-login"), () =>
      shown(".login-submit").click(),
    );
    expect(login.body.user.roles).toContain(role);
    // 我的 then reads /me; leaving before it answers would abort that request.
    await shown(`.me-page .profile .user-role-${role}`).waitFor();
    return login.body;
  }

  return {
    shown,
    textIn,
    textOf: (selector: string) => textIn(shown(selector).first()),
    texts: async (selector: string) => (await shown(selector).allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim()),
    openFresh,
    loginAs,
  };
}

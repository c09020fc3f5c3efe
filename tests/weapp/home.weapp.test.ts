import { describe, expect, it } from "vitest";
import { bootWeapp, navigateUrls, textsOf } from "./boot";
import { RESIDENT } from "./fixtures";
import { findByClass, findOneByClass, textOf } from "./harness/wxml";

describe("weapp: home and login", () => {
  it("shows the service grid where every service opens, 停车 and 夜市摊位 included", async () => {
    const mp = await bootWeapp();
    const page = await mp.openPage("pages/index/index");
    const tree = await page.waitFor((t) => findByClass(t, "service-tile").length > 0 && t, "the service grid");

    const names = textsOf(tree, "service-tile__name");
    expect(names).toContain("找厕所");
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual(expect.arrayContaining(["停车", "夜市摊位"]));
    // Every service works: none says it is coming.
    expect(findByClass(tree, "coming-soon")).toHaveLength(0);

    page.tap(findOneByClass(tree, "service-toilets"));
    page.tap(findOneByClass(tree, "service-parking"));
    page.tap(findOneByClass(tree, "service-night-market"));
    await page.waitFor(() => navigateUrls(mp).length >= 3, "navigateTo");
    expect(navigateUrls(mp)).toEqual(["/pages/toilets/index", "/packages/parking/finder/index", "/packages/night-markets/list/index"]);
    expect(mp.errors).toEqual([]);
  });

  it("logs in with wx.login's code through /auth/wechat and keeps the session in storage", async () => {
    const mp = await bootWeapp();
    const page = await mp.openPage("pages/login/index");
    const tree = await page.waitFor((t) => findByClass(t, "login-submit").length > 0 && t, "the login button");
    expect(textOf(findOneByClass(tree, "login-submit"))).toContain("微信");
    expect(findByClass(tree, "role-picker")).toHaveLength(0);

    page.tap(findOneByClass(tree, "login-submit"));
    await page.waitFor(() => mp.fake.storage.size > 0, "the stored session");

    const login = mp.fake.requests.find((r) => r.url.endsWith("/api/v1/auth/wechat"));
    expect(login?.method).toBe("POST");
    expect(login?.data).toEqual({ code: "fake-code-1" });
    expect(JSON.stringify([...mp.fake.storage.values()])).toContain(RESIDENT.id);
    expect(mp.errors).toEqual([]);
  });
});

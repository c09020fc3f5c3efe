import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { miniappDist } from "../support/paths";
import { mainPackageBytes } from "./package-size";

const dist = miniappDist("weapp");
const appJson = () => JSON.parse(readFileSync(join(dist, "app.json"), "utf8")) as Record<string, unknown>;

const PAGES = [
  "pages/index/index",
  "pages/toilets/index",
  "pages/toilets/detail",
  "pages/login/index",
  "pages/me/index",
  "pages/nearby/index",
];
const MAIN_PACKAGE_LIMIT = 600 * 1024;

interface SubPackage {
  root: string;
  pages: string[];
}

describe("the built weapp's app.json", () => {
  it("lists every resident page in the main package", () => {
    const pages = appJson().pages as string[];
    for (const page of PAGES) expect(pages).toContain(page);
  });

  it("has a tab bar with 首页, 附近 and 我的", () => {
    const tabBar = appJson().tabBar as { list: { pagePath: string; text: string }[] };
    expect(tabBar?.list?.map((t) => t.text)).toEqual(expect.arrayContaining(["首页", "附近", "我的"]));
    const tabPages = tabBar.list.map((t) => t.pagePath);
    expect(tabPages).toEqual(expect.arrayContaining(["pages/index/index", "pages/nearby/index", "pages/me/index"]));
  });

  it("puts the admin pages into the packages/admin subpackage", () => {
    const json = appJson();
    const subs = (json.subPackages ?? json.subpackages) as SubPackage[] | undefined;
    const admin = subs?.find((s) => s.root.replace(/\/$/, "") === "packages/admin");
    expect(admin, "packages/admin subpackage").toBeDefined();
    expect(admin?.pages.length).toBeGreaterThan(0);
  });

  it("puts the bureau's pickups pages into the packages/pickups-admin subpackage", () => {
    const json = appJson();
    const subs = (json.subPackages ?? json.subpackages) as SubPackage[] | undefined;
    const pickups = subs?.find((s) => s.root.replace(/\/$/, "") === "packages/pickups-admin");
    expect(pickups?.pages).toEqual(["items/index", "slots/index", "blackouts/index", "collectors/index", "overview/index"]);
    expect(json.pages as string[]).not.toEqual(expect.arrayContaining([expect.stringContaining("pickups-admin")]));
  });

  it("puts parking into its subpackages: the resident's finder and lot, the bureau's pages", () => {
    const json = appJson();
    const subs = (json.subPackages ?? json.subpackages) as SubPackage[] | undefined;
    const pagesOf = (root: string) => subs?.find((s) => s.root.replace(/\/$/, "") === root)?.pages;
    expect(pagesOf("packages/parking")).toEqual(["finder/index", "lot/index"]);
    expect(pagesOf("packages/parking-admin")).toEqual(["sources/index", "operators/index", "lots/index", "lots/edit"]);
    expect(json.pages as string[]).not.toEqual(expect.arrayContaining([expect.stringContaining("parking")]));
  });

  it("puts the report wizard into packages/reports and preloads it from 首页", () => {
    const json = appJson();
    const subs = (json.subPackages ?? json.subpackages) as SubPackage[] | undefined;
    expect(subs?.find((s) => s.root.replace(/\/$/, "") === "packages/reports")?.pages).toEqual(["new/index"]);
    expect(json.preloadRule).toEqual({ "pages/index/index": { network: "all", packages: ["packages/reports"] } });
  });

  it("declares getLocation in requiredPrivateInfos (privacy rules for location)", () => {
    expect(appJson().requiredPrivateInfos).toContain("getLocation");
  });

  it("keeps the main package under 600 KB", () => {
    const json = appJson();
    const subs = ((json.subPackages ?? json.subpackages) as SubPackage[] | undefined) ?? [];
    const { bytes, files } = mainPackageBytes(
      dist,
      subs.map((s) => s.root),
    );
    console.log(`weapp main package: ${(bytes / 1024).toFixed(1)} KB in ${files} files (limit ${MAIN_PACKAGE_LIMIT / 1024} KB)`);
    expect(bytes).toBeLessThan(MAIN_PACKAGE_LIMIT);
  });
});

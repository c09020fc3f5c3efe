import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, parseAppConfig } from "@civic/api/config";
import { readNodeConfig } from "@civic/api/hosts/node/config";
import { startNodeServer } from "@civic/api/hosts/node/server";
import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { DEMO_TOILET_COUNT, seedDemoIfEmpty } from "@civic/api/seed/demo";
import { SUZHOU_AREAS } from "@civic/api/seed/suzhou";
import { distanceMetres, resolvePlace, SUZHOU_CITY } from "@civic/shared";
import { describe, expect, it } from "vitest";

const tempDir = () => mkdtempSync(join(tmpdir(), "civic-node-"));

describe("the Node host", () => {
  it("migrates a new SQLite file, seeds the Suzhou demo once, and keeps data across restarts", async () => {
    const dir = tempDir();
    const databasePath = join(dir, "db", "civic.sqlite");
    const first = await startNodeServer({ databasePath, env: { DEV_LOGIN: "1", LOG_LEVEL: "silent" }, seed: seedDemoIfEmpty });
    try {
      const res = await fetch(`${first.url}/api/v1/toilets/nearby?lat=31.3085&lng=120.6195&radius=2000&limit=50`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { toilets: unknown[] };
      expect(body.toilets.length).toBeGreaterThan(10);
    } finally {
      await first.close();
    }
    const second = await startNodeServer({ databasePath, env: { DEV_LOGIN: "1", LOG_LEVEL: "silent" }, seed: seedDemoIfEmpty });
    await second.close();
    const { sqlite } = openSqlite(databasePath);
    const rows = sqlite.prepare("select lat, lng, district, street from toilets").all() as {
      lat: number;
      lng: number;
      district: string;
      street: string;
    }[];
    sqlite.close();
    expect(rows).toHaveLength(DEMO_TOILET_COUNT);
    expect(DEMO_TOILET_COUNT).toBeGreaterThanOrEqual(2000);
    let resolved = 0;
    for (const r of rows) {
      // Named from the configured city's one list, and where its boundaries hold the point, the same place.
      const district = SUZHOU_CITY.districts.find((d) => d.name === r.district);
      expect(district, r.district).toBeDefined();
      expect(
        SUZHOU_CITY.streets.some((s) => s.name === r.street && s.districtCode === district?.code),
        r.street,
      ).toBe(true);
      const place = resolvePlace(SUZHOU_CITY, r);
      if (place) {
        resolved++;
        expect([place.district.name, place.street?.name]).toEqual([r.district, r.street]);
      }
      const area = SUZHOU_AREAS.find((a) => a.district === r.district);
      if (area) expect(distanceMetres(r, area.centre)).toBeLessThanOrEqual(area.spreadKm * 1000 + 1);
    }
    expect(resolved / rows.length).toBeGreaterThan(0.95);
  });

  it("serves the H5 app at / and Swagger UI with its own assets, while unknown API paths stay JSON 404s", async () => {
    const dir = tempDir();
    const staticDir = join(dir, "h5");
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>城管服务</title>");
    const server = await startNodeServer({ databasePath: join(dir, "db.sqlite"), staticDir, env: { DEV_LOGIN: "1", LOG_LEVEL: "silent" } });
    try {
      const page = await fetch(`${server.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("城管服务");
      const docs = await (await fetch(`${server.url}/docs`)).text();
      expect(docs).toContain("/docs/assets/swagger-ui-dist/swagger-ui-bundle.js");
      const bundle = await fetch(`${server.url}/docs/assets/swagger-ui-dist/swagger-ui-bundle.js`);
      expect(bundle.status).toBe(200);
      expect((await bundle.text()).length).toBeGreaterThan(100_000);
      const api = await fetch(`${server.url}/api/v1/nothing-here`);
      expect(api.status).toBe(404);
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe("not_found");
    } finally {
      await server.close();
    }
  });

  it("refuses dev-login unless DEV_LOGIN=1", async () => {
    const dir = tempDir();
    const server = await startNodeServer({
      databasePath: join(dir, "db.sqlite"),
      env: {
        WECHAT_APPID: "wx-real",
        WECHAT_SECRET: "s3cret",
        MEDIA_URL_SECRET: "a-real-media-secret-123",
        POINTS_CODE_SECRET: "a-real-points-secret-12",
        FEED_KEY_SECRET: "a-real-feed-key-secret-456",
        LOG_LEVEL: "silent",
      },
    });
    try {
      const res = await fetch(`${server.url}/api/v1/auth/dev-login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ openid: "sneaky", role: "admin" }),
      });
      expect(res.status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("stops start-up with a message naming each bad or missing setting", () => {
    expect(() => parseAppConfig({ DEV_LOGIN: "1", CITY_ZONE: "Mars/Olympus" })).toThrow(/CITY_ZONE/);
    expect(() => parseAppConfig({})).toThrow(/WECHAT_APPID, WECHAT_SECRET/);
    expect(() => parseAppConfig({ DEV_LOGIN: "1", WECHAT_API_BASE: "not a url" })).toThrow(ConfigError);
    expect(() => readNodeConfig({ DEV_LOGIN: "1", PORT: "99999" })).toThrow(/PORT/);
    const ok = readNodeConfig({ DEV_LOGIN: "1" });
    expect(ok).toMatchObject({ port: 3000, host: "127.0.0.1", seedDemo: true });
    expect(ok.databasePath).toMatch(/data\/civic\.sqlite$/);
  });
});

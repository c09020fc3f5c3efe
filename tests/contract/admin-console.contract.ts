import { describe, expect, it } from "vitest";
import { createToilets, GUANQIAN, nearbyPath, toilet } from "./fixtures";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";

type Entry = { action: string; actorId: string | null; targetId: string; at: string };

const CSV_HEADER = "name,address,district,street,lat,lng,kind,hours,free,accessible,thirdToilet,babyCare,stalls,sourceRef";
const csvRow = (name: string, ref: string) =>
  `${name},姑苏区观前街1号,姑苏区,平江街道,${GUANQIAN.lat},${GUANQIAN.lng},municipal,24h,true,true,false,false,6,${ref}`;

/* The admin console's API: the audit log browser, the catalogue search, the import's dry run, key prefixes. */
export function registerAdminConsoleContract(getHarness: GetHarness) {
  describe("admin console: the audit log", () => {
    it("an admin filters the log by actor, action, target and city dates, newest first", async () => {
      const h = getHarness();
      h.setNow("2026-11-02T03:00:00.000Z");
      const admin = await loginAs(h, "audit-admin", "admin");
      const other = await loginAs(h, "audit-other-admin", "admin");
      const bob = await loginAs(h, "audit-bob");
      await call(h, "POST", `/api/v1/admin/users/${bob.user.id}/roles`, { token: admin.token, body: { role: "collector" } });
      // 2026-11-03 23:30 in Suzhou is still the 3rd there, though already the 3rd 15:30 UTC.
      h.setNow("2026-11-03T15:30:00.000Z");
      await call(h, "POST", `/api/v1/admin/users/${bob.user.id}/roles`, { token: other.token, body: { role: "volunteer" } });
      h.setNow("2026-11-03T16:30:00.000Z"); // the 4th in Suzhou
      await call(h, "DELETE", `/api/v1/admin/users/${bob.user.id}/roles/collector`, { token: admin.token });

      const get = async (query: string) => {
        const res = await call(h, "GET", `/api/v1/admin/audit?${query}`, { token: admin.token });
        expect(res.status).toBe(200);
        return res.json as { entries: Entry[]; nextCursor: string | null };
      };
      const trail = await get(`targetType=user&targetId=${bob.user.id}`);
      expect(trail.entries.map((e) => e.action)).toEqual(["role.revoke", "role.grant", "role.grant"]);
      expect(trail.nextCursor).toBeNull();
      expect((await get(`actor=${other.user.id}`)).entries.map((e) => e.action)).toEqual(["role.grant"]);
      expect((await get(`action=role.revoke`)).entries).toHaveLength(1);
      expect((await get(`from=2026-11-03&to=2026-11-03`)).entries.map((e) => e.actorId)).toEqual([other.user.id]);
      expect((await get(`from=2026-11-04`)).entries.map((e) => e.action)).toEqual(["role.revoke"]);
      expect((await get(`to=2026-11-02&actor=${admin.user.id}`)).entries.map((e) => e.action)).toEqual(["role.grant"]);
      expect((await get(`actor=nobody`)).entries).toEqual([]);
    });

    it("pages by cursor without repeating or skipping an entry, even as new entries arrive", async () => {
      const h = getHarness();
      h.setNow("2026-11-05T01:00:00.000Z");
      const admin = await loginAs(h, "pager-admin", "admin");
      const bob = await loginAs(h, "pager-bob");
      for (const [i, role] of (["collector", "volunteer", "moderator", "collector", "volunteer"] as const).entries()) {
        h.setNow(`2026-11-05T01:0${i}:00.000Z`);
        const path = i < 3 ? `/api/v1/admin/users/${bob.user.id}/roles` : `/api/v1/admin/users/${bob.user.id}/roles/${role}`;
        await call(h, i < 3 ? "POST" : "DELETE", path, { token: admin.token, body: i < 3 ? { role } : undefined });
      }
      const base = `/api/v1/admin/audit?targetId=${bob.user.id}&limit=2`;
      const first = await call(h, "GET", base, { token: admin.token });
      expect(first.json.entries).toHaveLength(2);
      expect(first.json.nextCursor).toEqual(expect.any(String));
      // A new entry written between pages is newer than the cursor: it never shifts the next page.
      h.setNow("2026-11-05T02:00:00.000Z");
      await call(h, "DELETE", `/api/v1/admin/users/${bob.user.id}/roles/moderator`, { token: admin.token });
      const second = await call(h, "GET", `${base}&cursor=${first.json.nextCursor}`, { token: admin.token });
      const third = await call(h, "GET", `${base}&cursor=${second.json.nextCursor}`, { token: admin.token });
      expect(third.json.nextCursor).toBeNull();
      const seen = [...first.json.entries, ...second.json.entries, ...third.json.entries].map((e: Entry) => e.at);
      expect(seen).toEqual([...seen].sort().reverse());
      expect(new Set(seen).size).toBe(5);
      const garbled = await call(h, "GET", `${base}&cursor=not-a-cursor`, { token: admin.token });
      expect(garbled.status).toBe(400);
      expectEnvelope(garbled, "bad_request");
      expect((await call(h, "GET", "/api/v1/admin/audit?from=2026-11-05&to=2026-11-01", { token: admin.token })).status).toBe(400);
      expect((await call(h, "GET", "/api/v1/admin/audit?from=yesterday", { token: admin.token })).status).toBe(400);
    });

    it("is closed to moderators and residents", async () => {
      const h = getHarness();
      const mod = await loginAs(h, "audit-mod", "moderator");
      expect((await call(h, "GET", "/api/v1/admin/audit", { token: mod.token })).status).toBe(403);
      expect((await call(h, "GET", "/api/v1/admin/audit")).status).toBe(401);
    });
  });

  describe("admin console: the toilet catalogue", () => {
    it("an admin searches by name, district and state, inactive toilets included, paged by name", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "list-admin", "admin");
      const ids = await createToilets(
        h,
        [
          toilet({ name: "观前街公厕", ...GUANQIAN }),
          toilet({ name: "平江路公厕", ...GUANQIAN }),
          toilet({ name: "金鸡湖公厕", district: "苏州工业园区", street: "", ...GUANQIAN }),
          toilet({ name: "100%_公厕", ...GUANQIAN }),
        ],
        admin.token,
      );
      await call(h, "POST", `/api/v1/admin/toilets/${ids[1]}/deactivate`, { token: admin.token, body: { reason: "拆除" } });
      const list = async (query: string) => (await call(h, "GET", `/api/v1/admin/toilets?${query}`, { token: admin.token })).json;
      expect((await list("")).toilets).toHaveLength(4);
      expect((await list(`q=${encodeURIComponent("平江")}`)).toilets).toMatchObject([
        { name: "平江路公厕", active: false, deactivatedReason: "拆除" },
      ]);
      expect((await list(`q=${encodeURIComponent("%_")}`)).toilets.map((t: { name: string }) => t.name)).toEqual(["100%_公厕"]);
      expect((await list(`district=${encodeURIComponent("苏州工业园区")}`)).toilets.map((t: { id: string }) => t.id)).toEqual([ids[2]]);
      expect((await list("active=false")).toilets.map((t: { id: string }) => t.id)).toEqual([ids[1]]);
      expect((await list("active=true")).toilets).toHaveLength(3);
      const page1 = await list("limit=3");
      const page2 = await list(`limit=3&cursor=${page1.nextCursor}`);
      expect(page2.nextCursor).toBeNull();
      const names = [...page1.toilets, ...page2.toilets].map((t: { name: string }) => t.name);
      expect(new Set(names).size).toBe(4);
      expect(names).toEqual([...names].sort());
      expect((await call(h, "GET", "/api/v1/admin/toilets?active=maybe", { token: admin.token })).status).toBe(400);
    });

    it("the import preview shows each row's errors and writes nothing", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "preview-admin", "admin");
      const bad = [CSV_HEADER, csvRow("好的公厕", "pv-1"), csvRow("", "pv-2"), csvRow("第三行公厕", "pv-3").replace("24h", "6am")].join(
        "\n",
      );
      const preview = await call(h, "POST", "/api/v1/admin/toilets/import/preview", {
        token: admin.token,
        body: { format: "csv", content: bad },
      });
      expect(preview.status).toBe(200);
      expect(preview.json.ok).toBe(false);
      expect(preview.json.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(["3:name", "4:hours"]);
      expect((await call(h, "GET", nearbyPath(GUANQIAN))).json.toilets).toHaveLength(0);

      await call(h, "POST", "/api/v1/admin/toilets/import", {
        token: admin.token,
        body: { format: "csv", content: [CSV_HEADER, csvRow("旧公厕", "pv-1")].join("\n") },
      });
      const good = [CSV_HEADER, csvRow("好的公厕", "pv-1"), csvRow("第二个公厕", "pv-2")].join("\n");
      const dry = await call(h, "POST", "/api/v1/admin/toilets/import/preview", {
        token: admin.token,
        body: { format: "csv", content: good },
      });
      expect(dry.json).toMatchObject({
        ok: true,
        errors: [],
        created: 1,
        updated: 1,
        rows: [
          { row: 2, name: "好的公厕", sourceRef: "pv-1", action: "update" },
          { row: 3, name: "第二个公厕", sourceRef: "pv-2", action: "create" },
        ],
      });
      const after = (await call(h, "GET", nearbyPath(GUANQIAN))).json.toilets.map((t: { name: string }) => t.name);
      expect(after).toEqual(["旧公厕"]);
      const audit = await call(h, "GET", `/api/v1/admin/audit?actor=${admin.user.id}`, { token: admin.token });
      expect(audit.json.entries.map((e: Entry) => e.action)).toEqual(["toilet.import"]);
      const mod = await loginAs(h, "preview-mod", "moderator");
      expect(
        (await call(h, "POST", "/api/v1/admin/toilets/import/preview", { token: mod.token, body: { format: "csv", content: good } }))
          .status,
      ).toBe(403);
    });
  });

  describe("admin console: Open311 keys", () => {
    it("the list shows a key's first characters, never the key", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "keys-admin", "admin");
      const issued = await call(h, "POST", "/api/v1/admin/open311/keys", { token: admin.token, body: { name: "数字城管平台" } });
      expect(issued.status).toBe(201);
      const list = await call(h, "GET", "/api/v1/admin/open311/keys", { token: admin.token });
      expect(list.json.keys).toEqual([
        {
          id: issued.json.id,
          name: "数字城管平台",
          prefix: issued.json.apiKey.slice(0, 6),
          createdAt: expect.any(String),
          revokedAt: null,
        },
      ]);
      expect(JSON.stringify(list.json)).not.toContain(issued.json.apiKey);
    });
  });
}

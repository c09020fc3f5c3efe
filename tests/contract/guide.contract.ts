import { describe, expect, it } from "vitest";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";

/*
 * The sorting guide: the dataset with its version and ETag, ranked search, residents' suggestions and the
 * bureau's answer (the item joins the guide, the suggester gets a notice), and the daily quiz (once a day).
 */

type Json = Record<string, unknown>;

export function registerGuideContract(getHarness: GetHarness) {
  describe("guide", () => {
    it("serves the whole guide with a version and an ETag; the same ETag answers 304", async () => {
      const h = getHarness();
      const res = await call(h, "GET", "/api/v1/guide/items");
      expect(res.status).toBe(200);
      expect(res.json.items.length).toBeGreaterThanOrEqual(300);
      expect(typeof res.json.version).toBe("string");
      const etag = res.headers.get("etag");
      expect(etag).toContain(res.json.version);
      expect(res.headers.get("cache-control")).toMatch(/public/);
      const again = await h.request("/api/v1/guide/items", { headers: { "if-none-match": etag as string } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      const other = await call(h, "GET", "/api/v1/guide/items", { headers: { "if-none-match": '"guide-old"' } });
      expect(other.status).toBe(200);
    });

    it("search ranks the exact name first and finds synonyms, pinyin and initials", async () => {
      const h = getHarness();
      const exact = await call(h, "GET", `/api/v1/guide/search?q=${encodeURIComponent("塑料瓶")}`);
      expect(exact.json.hits[0]).toMatchObject({ item: { name: "塑料瓶", class: "recyclable" }, match: "name" });
      const synonym = await call(h, "GET", `/api/v1/guide/search?q=${encodeURIComponent("外卖盒")}`);
      expect(synonym.json.hits[0].match).toBe("synonym");
      const initials = await call(h, "GET", "/api/v1/guide/search?q=dgt");
      expect(initials.json.hits.map((x: { item: Json }) => x.item.name)).toContain("大骨头");
      const tea = await call(h, "GET", `/api/v1/guide/search?q=${encodeURIComponent("茶叶渣")}`);
      expect(tea.json.hits[0].item.class).toBe("kitchen");
      const empty = await call(h, "GET", "/api/v1/guide/search?q=");
      expect([400, 422]).toContain(empty.status);
      expectEnvelope(empty, empty.status === 400 ? "bad_request" : "validation_failed");
    });

    it("a resident suggests a missing item; the admin accepts it, the guide grows and the resident is told", async () => {
      const h = getHarness();
      const resident = await loginAs(h, "guide-suggester");
      const admin = await loginAs(h, "guide-admin", "admin");
      const before = await call(h, "GET", "/api/v1/guide/items");
      const name = "guide-测试竹蒸笼";
      const s = await call(h, "POST", "/api/v1/guide/suggestions", {
        token: resident.token,
        body: { name, guessedClass: "other", note: "旧蒸笼" },
      });
      expect(s.status).toBe(201);
      expect(s.json).toMatchObject({ name, status: "pending", version: 1 });
      const twice = await call(h, "POST", "/api/v1/guide/suggestions", {
        token: resident.token,
        body: { name: ` ${name} `, guessedClass: "kitchen" },
      });
      expect(twice.status).toBe(409);
      expect(twice.json.error.details.reason).toBe("duplicate_pending");
      const listed = await call(h, "POST", "/api/v1/guide/suggestions", {
        token: resident.token,
        body: { name: "塑料瓶", guessedClass: "other" },
      });
      expect(listed.status).toBe(409);
      expect(listed.json.error.details.reason).toBe("already_listed");

      const pending = await call(h, "GET", "/api/v1/admin/guide/suggestions", { token: admin.token });
      expect(pending.json.suggestions.map((x: Json) => x.id)).toContain(s.json.id);
      const accepted = await call(h, "POST", `/api/v1/admin/guide/suggestions/${s.json.id}/resolve`, {
        token: admin.token,
        body: { decision: "accept", version: 1, class: "other", howTo: "投入其他垃圾桶", synonyms: ["蒸笼"] },
      });
      expect(accepted.status).toBe(200);
      expect(accepted.json).toMatchObject({ status: "accepted", version: 2 });
      const again = await call(h, "POST", `/api/v1/admin/guide/suggestions/${s.json.id}/resolve`, {
        token: admin.token,
        body: { decision: "decline", version: 1, reason: "重复" },
      });
      expect(again.status).toBe(409);
      expect(again.json.error.details.reason).toBe("stale");

      const after = await call(h, "GET", "/api/v1/guide/items");
      expect(after.json.version).not.toBe(before.json.version);
      expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
      expect(after.json.items.find((i: Json) => i.name === name)).toMatchObject({ class: "other", id: accepted.json.itemId });
      const found = await call(h, "GET", `/api/v1/guide/search?q=${encodeURIComponent(name)}`);
      expect(found.json.hits[0].item.name).toBe(name);

      await h.wechat.dispatch();
      const inbox = await call(h, "GET", "/api/v1/inbox", { token: resident.token });
      expect(JSON.stringify(inbox.json.messages)).toContain("已收录");
    });

    it("a declined suggestion tells the resident why; the same name may then be suggested again", async () => {
      const h = getHarness();
      const resident = await loginAs(h, "guide-declined");
      const admin = await loginAs(h, "guide-admin", "admin");
      const s = await call(h, "POST", "/api/v1/guide/suggestions", {
        token: resident.token,
        body: { name: "guide-不明物体", guessedClass: "unknown" },
      });
      const declined = await call(h, "POST", `/api/v1/admin/guide/suggestions/${s.json.id}/resolve`, {
        token: admin.token,
        body: { decision: "decline", version: 1, reason: "请描述得更具体一些" },
      });
      expect(declined.json).toMatchObject({ status: "declined", reason: "请描述得更具体一些" });
      await h.wechat.dispatch();
      const inbox = await call(h, "GET", "/api/v1/inbox", { token: resident.token });
      expect(JSON.stringify(inbox.json.messages)).toContain("请描述得更具体一些");
      const retry = await call(h, "POST", "/api/v1/guide/suggestions", {
        token: resident.token,
        body: { name: "guide-不明物体", guessedClass: "other" },
      });
      expect(retry.status).toBe(201);
    });

    it("two admins accepting one suggestion at once: one wins, the item is added once, one notice", async () => {
      const h = getHarness();
      const resident = await loginAs(h, "guide-race");
      const a = await loginAs(h, "guide-admin-a", "admin");
      const b = await loginAs(h, "guide-admin-b", "admin");
      const name = "guide-并发物品";
      const s = await call(h, "POST", "/api/v1/guide/suggestions", { token: resident.token, body: { name, guessedClass: "other" } });
      const body = { decision: "accept", version: 1, class: "recyclable", howTo: "洗净投放" };
      const results = await Promise.all(
        [a, b, a, b].map((x) => call(h, "POST", `/api/v1/admin/guide/suggestions/${s.json.id}/resolve`, { token: x.token, body })),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(3);
      const items = await call(h, "GET", "/api/v1/guide/items");
      expect(items.json.items.filter((i: Json) => i.name === name)).toHaveLength(1);
      await h.wechat.dispatch();
      const inbox = await call(h, "GET", "/api/v1/inbox", { token: resident.token });
      expect(inbox.json.messages.filter((m: Json) => JSON.stringify(m).includes(name))).toHaveLength(1);
    });

    it("suggestions are limited per resident per day", async () => {
      const h = getHarness();
      const resident = await loginAs(h, "guide-flood");
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push(
          (
            await call(h, "POST", "/api/v1/guide/suggestions", {
              token: resident.token,
              body: { name: `guide-洪水${i}`, guessedClass: "other" },
            })
          ).status,
        );
      }
      expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(statuses[10]).toBe(429);
    });

    it("the quiz: five questions without answers, the same all day; answered once, repeats return the first result", async () => {
      const h = getHarness();
      h.setNow("2027-05-10T02:00:00.000Z");
      const resident = await loginAs(h, "guide-quiz");
      const quiz = await call(h, "GET", "/api/v1/guide/quiz", { token: resident.token });
      expect(quiz.status).toBe(200);
      expect(quiz.json.date).toBe("2027-05-10");
      expect(quiz.json.questions).toHaveLength(5);
      expect(JSON.stringify(quiz.json.questions)).not.toMatch(/"class"|"correct"/);
      expect(quiz.json.result).toBeNull();
      const again = await call(h, "GET", "/api/v1/guide/quiz", { token: resident.token });
      expect(again.json.questions).toEqual(quiz.json.questions);

      const answers = quiz.json.questions.map((q: { itemId: string }) => ({ itemId: q.itemId, answer: "other" }));
      const first = await call(h, "POST", "/api/v1/guide/quiz", { token: resident.token, body: { date: "2027-05-10", answers } });
      expect(first.status).toBe(200);
      expect(first.json.total).toBe(5);
      expect(first.json.lines).toHaveLength(5);
      for (const line of first.json.lines) expect(line.explanation).toContain(line.itemName);
      expect(first.json.score).toBe(first.json.lines.filter((l: Json) => l.isCorrect).length);
      // One point per correct answer through the ledger (the day's cap for the quiz is 5).
      expect(first.json.points).toBe(first.json.score);
      const changed = answers.map((x: Json) => ({ ...x, answer: "kitchen" }));
      const second = await call(h, "POST", "/api/v1/guide/quiz", { token: resident.token, body: { date: "2027-05-10", answers: changed } });
      expect(second.json).toEqual(first.json);
      const read = await call(h, "GET", "/api/v1/guide/quiz", { token: resident.token });
      expect(read.json.result).toEqual(first.json);

      h.setNow("2027-05-10T16:00:00.000Z"); // 00:00 on the 11th in Suzhou
      const stale = await call(h, "POST", "/api/v1/guide/quiz", { token: resident.token, body: { date: "2027-05-10", answers } });
      expect(stale.status).toBe(409);
      expect(stale.json.error.details.reason).toBe("quiz_changed");
      const next = await call(h, "GET", "/api/v1/guide/quiz", { token: resident.token });
      expect(next.json.date).toBe("2027-05-11");
      expect(next.json.result).toBeNull();
    });

    it("a perfect quiz earns five points, once: a repeat that day earns nothing more", async () => {
      const h = getHarness();
      h.setNow("2027-05-14T02:00:00.000Z");
      const resident = await loginAs(h, "guide-quiz-perfect");
      const quiz = await call(h, "GET", "/api/v1/guide/quiz", { token: resident.token });
      const search = await call(h, "GET", "/api/v1/guide/items");
      const classOf = new Map((search.json.items as { id: string; class: string }[]).map((i) => [i.id, i.class]));
      const answers = quiz.json.questions.map((q: { itemId: string }) => ({ itemId: q.itemId, answer: classOf.get(q.itemId) }));
      const first = await call(h, "POST", "/api/v1/guide/quiz", { token: resident.token, body: { date: quiz.json.date, answers } });
      expect(first.json).toMatchObject({ score: 5, points: 5 });
      const again = await call(h, "POST", "/api/v1/guide/quiz", { token: resident.token, body: { date: quiz.json.date, answers } });
      expect(again.json.points).toBe(5);
    });

    it("parallel quiz submissions write one result and all answer with it", async () => {
      const h = getHarness();
      h.setNow("2027-05-12T02:00:00.000Z");
      const resident = await loginAs(h, "guide-quiz-race");
      const quiz = await call(h, "GET", "/api/v1/guide/quiz", { token: resident.token });
      const bodies = (["recyclable", "hazardous", "kitchen", "other", "other", "kitchen"] as const).map((answer) => ({
        date: quiz.json.date,
        answers: quiz.json.questions.map((q: { itemId: string }) => ({ itemId: q.itemId, answer })),
      }));
      const results = await Promise.all(bodies.map((body) => call(h, "POST", "/api/v1/guide/quiz", { token: resident.token, body })));
      expect(results.every((r) => r.status === 200)).toBe(true);
      for (const r of results) expect(r.json).toEqual(results[0]?.json);
      // One ledger entry for the day: the points are those of the one stored result, not a sum.
      expect(results[0]?.json.points).toBe(results[0]?.json.score);
      const read = await call(h, "GET", "/api/v1/guide/quiz", { token: resident.token });
      expect(read.json.result).toEqual(results[0]?.json);
    });

    it("quiz answers must name today's questions, each once", async () => {
      const h = getHarness();
      h.setNow("2027-05-13T02:00:00.000Z");
      const resident = await loginAs(h, "guide-quiz-bad");
      const quiz = await call(h, "GET", "/api/v1/guide/quiz", { token: resident.token });
      const q0 = quiz.json.questions[0].itemId as string;
      const wrongItem = await call(h, "POST", "/api/v1/guide/quiz", {
        token: resident.token,
        body: { date: quiz.json.date, answers: [{ itemId: "no-such-item", answer: "other" }] },
      });
      expect(wrongItem.status).toBe(422);
      expectEnvelope(wrongItem, "validation_failed");
      const dup = await call(h, "POST", "/api/v1/guide/quiz", {
        token: resident.token,
        body: {
          date: quiz.json.date,
          answers: [
            { itemId: q0, answer: "other" },
            { itemId: q0, answer: "kitchen" },
          ],
        },
      });
      expect(dup.status).toBe(422);
      const badClass = await call(h, "POST", "/api/v1/guide/quiz", {
        token: resident.token,
        body: { date: quiz.json.date, answers: [{ itemId: q0, answer: "plastic" }] },
      });
      expect(badClass.status).toBe(422);
      // Nothing was written: the quiz is still open.
      expect((await call(h, "GET", "/api/v1/guide/quiz", { token: resident.token })).json.result).toBeNull();
    });
  });
}

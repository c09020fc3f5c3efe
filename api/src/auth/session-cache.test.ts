import { describe, expect, it } from "vitest";
import { SessionCache } from "./session-cache";

const session = (userId: string, sessionId: string) => ({
  sessionId,
  expiresAt: "2027-01-01T00:00:00.000Z",
  user: { id: userId, nickname: null, roles: ["resident" as const], createdAt: "2026-11-01T00:00:00.000Z" },
});

describe("SessionCache", () => {
  it("does not keep a database read that was under way when a logout or role change invalidated it", async () => {
    const cache = new SessionCache(5000);
    let answer: (v: ReturnType<typeof session>) => void = () => {};
    const loading = cache.load("hash-1", 0, () => new Promise((resolve) => (answer = resolve)));
    cache.invalidateUser("u1");
    answer(session("u1", "s1"));
    await loading;
    expect(cache.fresh("hash-1", 1)).toBeUndefined();
  });

  it("forgets every session of a user on invalidateUser and only the one on invalidateSession", async () => {
    const cache = new SessionCache(5000);
    await cache.load("h1", 0, async () => session("u1", "s1"));
    await cache.load("h2", 0, async () => session("u1", "s2"));
    await cache.load("h3", 0, async () => session("u2", "s3"));
    cache.invalidateSession("s3");
    expect(cache.fresh("h3", 1)).toBeUndefined();
    expect(cache.fresh("h1", 1)?.sessionId).toBe("s1");
    cache.invalidateUser("u1");
    expect(cache.fresh("h1", 1)).toBeUndefined();
    expect(cache.fresh("h2", 1)).toBeUndefined();
  });

  it("reads again once an entry is as old as the bound, also when the clock was set back", async () => {
    const cache = new SessionCache(5000);
    await cache.load("h1", 10_000, async () => session("u1", "s1"));
    expect(cache.fresh("h1", 14_999)).toBeDefined();
    expect(cache.fresh("h1", 15_000)).toBeUndefined();
    expect(cache.fresh("h1", 5_000)).toBeUndefined();
  });
});

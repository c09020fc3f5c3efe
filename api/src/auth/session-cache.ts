import type { User } from "@civic/shared";
import { LRUCache } from "lru-cache";
import type { AppDeps } from "../deps";
import { authRepo } from "./auth.repo";
import { sha256Base64Url } from "./token-hash";

/*
 * Sessions as this instance last read them, so a signed-in request skips the session query (two SQL reads
 * and an async hash cost three quarters of a signed-in nearby search; docs/benchmarks.md).
 * - Keyed by the token's SHA-256 (what sessions.token_hash holds), never by the token.
 * - Bounded: at most MAX_ENTRIES, least recently used evicted first.
 * - Changes made on this instance apply at once: logout, role grants and revokes, and deleting a user call
 *   invalidateSession / invalidateUser. Changes made by another instance (another Node process, another
 *   Workers isolate) apply within config.sessionCacheMs (≤ 5 s): an older entry is read again.
 * - Expiry is checked on every request against deps.clock, so an expired session is refused at once
 *   everywhere.
 * One cache per deps object: per createApp on Node, per isolate on Workers (the host builds deps once).
 */
const MAX_ENTRIES = 10_000;

export interface LiveSession {
  sessionId: string;
  user: User;
}

interface Entry extends LiveSession {
  expiresAtMs: number;
  /** deps.clock() when the database was read. */
  readAtMs: number;
}

export class SessionCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly byUser = new Map<string, Set<string>>();
  private readonly bySession = new Map<string, string>();
  /** Bumped by every invalidation, so a database read that began before it is not cached after it. */
  private epoch = 0;

  constructor(private readonly ttlMs: number) {
    this.entries = new LRUCache<string, Entry>({
      max: MAX_ENTRIES,
      dispose: (entry, tokenHash) => {
        this.bySession.delete(entry.sessionId);
        const hashes = this.byUser.get(entry.user.id);
        hashes?.delete(tokenHash);
        if (hashes?.size === 0) this.byUser.delete(entry.user.id);
      },
    });
  }

  /** A fresh entry (live or expired), or undefined when the database must be asked. */
  fresh(tokenHash: string, nowMs: number): Entry | undefined {
    const entry = this.entries.get(tokenHash);
    // abs(): a clock set back (tests, NTP) must not keep an entry longer than the bound.
    if (entry && Math.abs(nowMs - entry.readAtMs) < this.ttlMs) return entry;
    return undefined;
  }

  async load(tokenHash: string, nowMs: number, read: () => Promise<(LiveSession & { expiresAt: string }) | null>) {
    const epoch = this.epoch;
    const found = await read();
    if (this.ttlMs === 0) return found;
    if (!found) {
      this.entries.delete(tokenHash);
      return null;
    }
    if (epoch === this.epoch) {
      this.entries.delete(tokenHash);
      const user = Object.freeze({ ...found.user, roles: Object.freeze([...found.user.roles]) }) as User;
      this.entries.set(tokenHash, { sessionId: found.sessionId, user, expiresAtMs: Date.parse(found.expiresAt), readAtMs: nowMs });
      this.bySession.set(found.sessionId, tokenHash);
      const hashes = this.byUser.get(user.id) ?? new Set<string>();
      hashes.add(tokenHash);
      this.byUser.set(user.id, hashes);
    }
    return { sessionId: found.sessionId, user: found.user };
  }

  invalidateSession(sessionId: string) {
    this.epoch++;
    const tokenHash = this.bySession.get(sessionId);
    if (tokenHash !== undefined) this.entries.delete(tokenHash);
  }

  invalidateUser(userId: string) {
    this.epoch++;
    for (const tokenHash of [...(this.byUser.get(userId) ?? [])]) this.entries.delete(tokenHash);
  }
}

const caches = new WeakMap<AppDeps, SessionCache>();

function cacheOf(deps: AppDeps): SessionCache {
  let cache = caches.get(deps);
  if (!cache) {
    cache = new SessionCache(deps.config.sessionCacheMs);
    caches.set(deps, cache);
  }
  return cache;
}

/**
 * The live session a bearer token names, or null. Synchronous when this instance read it recently (the
 * caller can then skip an await); otherwise a promise of the database's answer.
 */
export function findSession(deps: AppDeps, token: string): LiveSession | null | Promise<LiveSession | null> {
  const cache = cacheOf(deps);
  const tokenHash = sha256Base64Url(token);
  const now = deps.clock();
  const nowMs = now.getTime();
  const entry = cache.fresh(tokenHash, nowMs);
  if (entry) return entry.expiresAtMs > nowMs ? entry : null;
  return cache.load(tokenHash, nowMs, () => authRepo(deps.db).sessionByTokenHash(tokenHash, now.toISOString()));
}

/** Call after revoking a session (logout): this instance refuses its token from the next request. */
export function invalidateSession(deps: AppDeps, sessionId: string) {
  cacheOf(deps).invalidateSession(sessionId);
}

/**
 * Call after changing anything the cached user carries (roles, deletion, revoking all their sessions):
 * this instance reads the user's sessions again on their next request.
 */
export function invalidateUser(deps: AppDeps, userId: string) {
  cacheOf(deps).invalidateUser(userId);
}

import { describe, expect, it } from "vitest";
import {
  applyResults,
  dismiss,
  enqueue,
  type NewCheck,
  QUEUE_CAP,
  type QueuedCheck,
  type ServerResult,
  storageBytes,
  syncQueue,
  type toWire,
} from "../../miniapp/src/packages/volunteer/queue";

let n = 0;
const newCheck = (over: Partial<NewCheck> = {}): NewCheck => {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    binRoomCode: "room-1",
    roomName: "1号投放点",
    code: "civic-pts:1.x.1.y",
    correct: true,
    errors: [],
    checkedAt: "2026-12-01T02:00:00.000Z",
    ...over,
  };
};

/** A fake server that answers each id once as accepted, then as duplicate, and records what it got. */
function fakeServer(opts: { failFirst?: number; conflict?: string } = {}) {
  const seen = new Map<string, ServerResult>();
  const received: string[][] = [];
  let failures = opts.failFirst ?? 0;
  const send = async (checks: ReturnType<typeof toWire>[]) => {
    if (failures > 0) {
      failures--;
      return null;
    }
    received.push(checks.map((c) => c.id));
    return checks.map((c): ServerResult => {
      const first = seen.get(c.id);
      if (first) return first.status === "conflict" ? first : { ...first, status: "duplicate" };
      const r: ServerResult =
        c.id === opts.conflict
          ? { id: c.id, status: "conflict", reason: "code_expired" }
          : { id: c.id, status: "accepted", points: 2, householdLabel: "住户 AB12" };
      seen.set(c.id, r);
      return r;
    });
  };
  return { send, received };
}

function store(initial: QueuedCheck[] = []) {
  let q = initial;
  const save = (next: QueuedCheck[]) => {
    q = next;
  };
  return { load: () => q, save, get: () => q };
}

const fill = (count: number) => {
  let q: QueuedCheck[] = [];
  for (let i = 0; i < count; i++) q = enqueue(q, newCheck()).queue;
  return q;
};

describe("volunteer offline queue", () => {
  it("syncing twice sends each check once", async () => {
    const s = store(fill(3));
    const server = fakeServer();
    const ports = { ...s, send: server.send, upload: async () => "u" };
    expect(await syncQueue(ports)).toEqual({ sent: 3, failed: 0 });
    expect(await syncQueue(ports)).toEqual({ sent: 0, failed: 0 });
    expect(server.received.flat()).toHaveLength(3);
    expect(s.get().every((c) => c.state === "done" && c.points === 2)).toBe(true);
  });

  it("two syncs started at once share one run", async () => {
    const s = store(fill(2));
    const server = fakeServer();
    const ports = { ...s, send: server.send, upload: async () => "u" };
    await Promise.all([syncQueue(ports), syncQueue(ports)]);
    expect(server.received.flat()).toHaveLength(2);
  });

  it("keeps conflicts visible until dismissed", async () => {
    const q = fill(2);
    const bad = q[1]?.id as string;
    const s = store(q);
    await syncQueue({ ...s, send: fakeServer({ conflict: bad }).send, upload: async () => "u" });
    expect(s.get().find((c) => c.id === bad)).toMatchObject({ state: "conflict", reason: "code_expired" });
    await syncQueue({ ...s, send: fakeServer().send, upload: async () => "u" });
    expect(s.get().find((c) => c.id === bad)?.state).toBe("conflict");
    expect(dismiss(s.get(), bad).map((c) => c.id)).not.toContain(bad);
  });

  it("retries a failed batch and a failed photo upload on the next sync, uploading a photo once", async () => {
    let q = fill(1);
    q = enqueue(q, newCheck({ photoPath: "wxfile://tmp/1.jpg" })).queue;
    const s = store(q);
    const server = fakeServer({ failFirst: 1 });
    let uploads = 0;
    const ports = { ...s, send: server.send, upload: async () => (++uploads === 1 ? "up-1" : null) };
    expect(await syncQueue(ports)).toEqual({ sent: 0, failed: 2 });
    expect(s.get().every((c) => c.state === "pending" && c.attempts === 1)).toBe(true);
    await syncQueue(ports);
    expect(uploads).toBe(1);
    expect(server.received.flat()).toHaveLength(2);
    expect(s.get().every((c) => c.state === "done")).toBe(true);
  });

  it("sends a photo upload failure's check later without losing the others", async () => {
    const q = enqueue(fill(1), newCheck({ photoPath: "p" })).queue;
    const s = store(q);
    const server = fakeServer();
    await syncQueue({ ...s, send: server.send, upload: async () => null });
    expect(s.get().map((c) => c.state)).toEqual(["done", "pending"]);
  });

  it("is bounded: pending checks are never dropped, answered ones make room", () => {
    let q = fill(QUEUE_CAP);
    expect(enqueue(q, newCheck()).ok).toBe(false);
    q = applyResults(
      q,
      q.slice(0, 10).map((c) => ({ id: c.id, status: "accepted", points: 2, householdLabel: "住户" }) as ServerResult),
    );
    const added = enqueue(q, newCheck());
    expect(added.ok).toBe(true);
    expect(added.queue).toHaveLength(QUEUE_CAP);
    const one = enqueue([], newCheck({ roomName: "桐泾新村 北门投放点 🐝" })).queue;
    expect(storageBytes(one)).toBe(new TextEncoder().encode(JSON.stringify(one)).length);
    // 500 checks stay far below WeChat's 10 MB.
    expect(storageBytes(added.queue)).toBeLessThan(500 * 1024);
  });
});

import type { CheckConflict, CheckError } from "@civic/shared";

/*
 * The volunteer's offline check queue (pure: no Taro). A check is saved here FIRST, then synced in batches;
 * an item answered by the server (accepted / duplicate) is never sent again, a conflict stays visible until
 * dismissed, and an item whose batch failed (network, 5xx) stays pending and is retried. Bounded: at most
 * QUEUE_CAP items, oldest answered ones dropped first; pending checks are never dropped.
 */

export const QUEUE_CAP = 500;
export const BATCH_SIZE = 100;
/** Answered (accepted/duplicate) items kept for the list after sync. */
export const KEEP_DONE = 100;

export interface QueuedCheck {
  id: string;
  binRoomCode: string;
  roomName: string;
  code: string;
  correct: boolean;
  errors: CheckError[];
  note?: string;
  checkedAt: string;
  /** A local photo path, uploaded at sync; photoId once uploaded (kept, so a retry does not upload twice). */
  photoPath?: string;
  photoId?: string;
  state: "pending" | "done" | "conflict";
  points?: number;
  householdLabel?: string;
  reason?: CheckConflict;
  attempts: number;
}

export type NewCheck = Omit<QueuedCheck, "state" | "attempts" | "points" | "householdLabel" | "reason" | "photoId">;

export type ServerResult =
  | { id: string; status: "accepted" | "duplicate"; points: number; householdLabel: string }
  | { id: string; status: "conflict"; reason: CheckConflict };

export const pendingOf = (q: readonly QueuedCheck[]) => q.filter((c) => c.state === "pending");

/** Adds a check; refused (queue unchanged) when QUEUE_CAP checks still await sync or are conflicts. */
export function enqueue(q: readonly QueuedCheck[], check: NewCheck): { queue: QueuedCheck[]; ok: boolean } {
  let next = [...q, { ...check, state: "pending" as const, attempts: 0 }];
  while (next.length > QUEUE_CAP) {
    const i = next.findIndex((c) => c.state === "done");
    if (i < 0) return { queue: [...q], ok: false };
    next = next.filter((_, j) => j !== i);
  }
  return { queue: next, ok: true };
}

/** The next batch to send: pending checks, oldest first. */
export const nextBatch = (q: readonly QueuedCheck[], size = BATCH_SIZE) => pendingOf(q).slice(0, size);

/** Applies the server's per-check answers; checks without an answer stay pending. */
export function applyResults(q: readonly QueuedCheck[], results: readonly ServerResult[]): QueuedCheck[] {
  const byId = new Map(results.map((r) => [r.id.toLowerCase(), r]));
  const next = q.map((c): QueuedCheck => {
    const r = byId.get(c.id.toLowerCase());
    if (!r || c.state !== "pending") return c;
    if (r.status === "conflict") return { ...c, state: "conflict", reason: r.reason };
    return { ...c, state: "done", points: r.points, householdLabel: r.householdLabel };
  });
  const done = next.filter((c) => c.state === "done");
  const drop = new Set(done.slice(0, Math.max(0, done.length - KEEP_DONE)).map((c) => c.id));
  return next.filter((c) => !drop.has(c.id));
}

/** A batch that failed as a whole: its checks stay pending, counted. */
export function markFailed(q: readonly QueuedCheck[], ids: readonly string[]): QueuedCheck[] {
  const failed = new Set(ids);
  return q.map((c) => (failed.has(c.id) && c.state === "pending" ? { ...c, attempts: c.attempts + 1 } : c));
}

export const setPhotoId = (q: readonly QueuedCheck[], id: string, photoId: string): QueuedCheck[] =>
  q.map((c) => (c.id === id ? { ...c, photoId } : c));

/** Removes a conflict the volunteer has read. */
export const dismiss = (q: readonly QueuedCheck[], id: string): QueuedCheck[] => q.filter((c) => !(c.id === id && c.state === "conflict"));

/** The check as the batch endpoint takes it. */
export function toWire(c: QueuedCheck) {
  return {
    id: c.id,
    binRoomCode: c.binRoomCode,
    code: c.code,
    correct: c.correct,
    errors: c.errors,
    checkedAt: c.checkedAt,
    ...(c.photoId ? { photoId: c.photoId } : {}),
    ...(c.note ? { note: c.note } : {}),
  };
}

/** Bytes the queue takes in storage (UTF-8 of its JSON). */
export function storageBytes(q: readonly QueuedCheck[]): number {
  // No TextEncoder in WeChat's runtime: count UTF-8 bytes by code unit (a surrogate pair is 2 + 2 = 4).
  const text = JSON.stringify(q);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xe000 ? 2 : 3;
  }
  return bytes;
}

export interface SyncPorts {
  load(): QueuedCheck[];
  save(q: QueuedCheck[]): void;
  /** POST the batch; null when it failed as a whole (offline, 5xx ...). */
  send(checks: ReturnType<typeof toWire>[]): Promise<ServerResult[] | null>;
  /** Uploads a local photo; null when it failed (the check then waits for the next sync). */
  upload(path: string): Promise<string | null>;
}

export interface SyncOutcome {
  sent: number;
  failed: number;
}

let inFlight: Promise<SyncOutcome> | null = null;
let again = false;

/**
 * Sends every pending check in batches, saving after each batch. A call while a sync runs shares it and
 * has it run once more at its end (for a check saved meanwhile), so two triggers at once (network back +
 * 同步 tapped) send nothing twice and nothing is left behind.
 */
export function syncQueue(ports: SyncPorts): Promise<SyncOutcome> {
  if (inFlight) {
    again = true;
    return inFlight;
  }
  inFlight = (async () => {
    const total: SyncOutcome = { sent: 0, failed: 0 };
    do {
      again = false;
      const o = await runSync(ports);
      total.sent += o.sent;
      total.failed += o.failed;
    } while (again);
    return total;
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function runSync(ports: SyncPorts): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { sent: 0, failed: 0 };
  const tried = new Set<string>();
  for (;;) {
    const batch = nextBatch(ports.load()).filter((c) => !tried.has(c.id));
    if (batch.length === 0) return outcome;
    const ready: QueuedCheck[] = [];
    for (const c of batch) {
      tried.add(c.id);
      if (c.photoPath && !c.photoId) {
        const photoId = await ports.upload(c.photoPath);
        if (!photoId) {
          ports.save(markFailed(ports.load(), [c.id]));
          outcome.failed++;
          continue;
        }
        ports.save(setPhotoId(ports.load(), c.id, photoId));
        ready.push({ ...c, photoId });
      } else ready.push(c);
    }
    if (ready.length === 0) continue;
    const results = await ports.send(ready.map(toWire));
    if (!results) {
      ports.save(
        markFailed(
          ports.load(),
          ready.map((c) => c.id),
        ),
      );
      outcome.failed += ready.length;
      return outcome;
    }
    ports.save(applyResults(ports.load(), results));
    outcome.sent += results.length;
  }
}

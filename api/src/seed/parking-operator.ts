import { feedRequestHeaders } from "@civic/shared";
import { type DemoLotProfile, demoCityHour, plausibleFree } from "./parking-occupancy";
import type { Rand } from "./random";

/*
 * The simulated parking operator of the demo: every tick it pushes plausible occupancy for its lots through
 * the real signed feed (POST /api/v1/feeds/parking) with its own key. So that the demo shows every state,
 * every tenth lot is never reported (it goes stale), and the next tenth only every eighth tick (it ages).
 * Time and transport are injected: a test drives ticks by hand at chosen instants.
 */

export interface DemoOperatorLot {
  id: string;
  name: string;
  type: string;
  capacity: number;
}

export interface DemoOperatorOptions {
  keyId: string;
  secret: string;
  lots: readonly DemoOperatorLot[];
  rand: Rand;
  /** Sends a signed request; answers the HTTP status. */
  send: (body: string, headers: Record<string, string>) => Promise<number>;
}

export const AGING_EVERY_TICKS = 8;

export function profileOf(lot: Pick<DemoOperatorLot, "name" | "type">): DemoLotProfile {
  if (lot.type === "shared") return "shared";
  if (lot.type === "street") return "street";
  if (/站/.test(lot.name)) return "station";
  if (/广场|商城|中心|天街|街区|观前|万达|活力岛|时代/.test(lot.name)) return "shopping";
  return "office";
}

/** Which lots a tick reports: not the stale tenth, and the aging tenth only every AGING_EVERY_TICKS ticks. */
export function lotsReportedAt(tick: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) continue;
    if (i % 10 === 1 && tick % AGING_EVERY_TICKS !== 0) continue;
    out.push(i);
  }
  return out;
}

export function createDemoOperator(opts: DemoOperatorOptions) {
  let tick = 0;
  return {
    /** One push at `now`; answers the status and how many rows were sent. */
    async push(now: Date): Promise<{ status: number; rows: number }> {
      const hour = demoCityHour(now);
      const rows = lotsReportedAt(tick++, opts.lots.length).map((i) => {
        const lot = opts.lots[i] as DemoOperatorLot;
        return {
          lotId: lot.id,
          free: plausibleFree(profileOf(lot), lot.capacity, hour, opts.rand),
          status: "open",
          observedAt: now.toISOString(),
        };
      });
      if (rows.length === 0) return { status: 204, rows: 0 };
      const body = JSON.stringify({ rows });
      const status = await opts.send(body, {
        "content-type": "application/json",
        ...(await feedRequestHeaders(opts.keyId, opts.secret, body, now)),
      });
      return { status, rows: rows.length };
    },
  };
}

/**
 * Runs the operator every `everyMs` until stopped, or until the server has been unreachable `giveUpAfter`
 * times running (it stops with the server). `schedule` is setInterval unless a test passes its own.
 */
export function runDemoOperator(
  operator: ReturnType<typeof createDemoOperator>,
  opts: {
    everyMs: number;
    now?: () => Date;
    giveUpAfter?: number;
    onStop?: () => void;
    schedule?: (fn: () => void, ms: number) => { stop: () => void };
  },
) {
  const now = opts.now ?? (() => new Date());
  const schedule =
    opts.schedule ??
    ((fn: () => void, ms: number) => {
      const t = setInterval(fn, ms);
      return { stop: () => clearInterval(t) };
    });
  let failures = 0;
  let busy = false;
  /** One push now (skipped while the last is still out); resolves when it is done. */
  async function tick(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      await operator.push(now());
      failures = 0;
    } catch {
      failures++;
      if (failures >= (opts.giveUpAfter ?? 3)) stop();
    } finally {
      busy = false;
    }
  }
  const timer = schedule(() => void tick(), opts.everyMs);
  function stop() {
    timer.stop();
    opts.onStop?.();
  }
  return { stop, tick };
}

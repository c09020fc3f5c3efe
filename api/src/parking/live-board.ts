import { type LiveStatus, liveStatus, type StoredLive } from "@civic/shared";
import { gt, sql } from "drizzle-orm";
import { parkingLots } from "../db/schema";
import type { AppDb } from "../db/types";

/*
 * The lots' live status for the in-memory nearby search. Live numbers change every minute, so they are
 * kept out of the index entries (a rebuild per feed row would cost more than the search): the index holds
 * what a lot is, this board what it reports. Each search first reads the rows whose live_seq moved since
 * the last look (an indexed range that is usually empty), so a feed write is seen by the next search.
 */

export interface LiveEntry extends StoredLive {
  limitMinutes: number;
}

const NEVER: LiveEntry = { free: null, total: null, status: null, observedAt: null, limitMinutes: 0 };

export interface LiveBoard {
  /** Catches up with every live write made so far; call once per search. */
  refresh(): Promise<void>;
  get(id: string): LiveEntry;
}

function createLiveBoard(db: AppDb): LiveBoard {
  const entries = new Map<string, LiveEntry>();
  let seen = 0;
  const changedSince = db
    .select({
      id: parkingLots.id,
      free: parkingLots.liveFree,
      total: parkingLots.liveTotal,
      status: parkingLots.liveStatus,
      observedAt: parkingLots.liveObservedAt,
      limitMinutes: parkingLots.liveLimitMinutes,
      seq: parkingLots.liveSeq,
    })
    .from(parkingLots)
    .where(gt(parkingLots.liveSeq, sql.placeholder("seen")))
    .prepare();
  return {
    async refresh() {
      const rows = await changedSince.all({ seen });
      for (const { id, seq, ...live } of rows) {
        entries.set(id, live);
        if (seq > seen) seen = seq;
      }
    },
    get: (id) => entries.get(id) ?? NEVER,
  };
}

const boards = new WeakMap<AppDb, LiveBoard>();

/** The one board of a database (a host's process shares it between requests). */
export function liveBoardOf(db: AppDb): LiveBoard {
  let board = boards.get(db);
  if (!board) {
    board = createLiveBoard(db);
    boards.set(db, board);
  }
  return board;
}

/** A lot's live status as shown at `now`. */
export const liveOf = (e: LiveEntry, now: Date): LiveStatus => liveStatus(e, now, e.limitMinutes);

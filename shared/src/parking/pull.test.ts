import { describe, expect, it } from "vitest";
import { FeedRow } from "./feed";
import { parsePullFeed } from "./pull";

describe("pull feeds (ParkAPI layouts)", () => {
  it("reads ParkAPI v1: the snapshot's time for every lot, a zoneless time as UTC, nodata lots skipped", () => {
    const parsed = parsePullFeed({
      last_updated: "2026-12-01T04:00:00",
      data_source: "https://example.org",
      lots: [
        { id: "gq-1", name: "观前地下", free: 23, total: 200, state: "open", coords: { lat: 31.3, lng: 120.6 } },
        { id: 7, free: 0, total: 50, state: "closed" },
        { id: "gq-3", free: 4, state: "nodata" },
        { id: "gq-4", state: "open" },
      ],
    });
    expect(parsed).toEqual({
      ok: true,
      feed: {
        rows: [
          { operatorLotId: "gq-1", free: 23, total: 200, status: "open", observedAt: "2026-12-01T04:00:00.000Z" },
          { operatorLotId: "7", free: 0, total: 50, status: "closed", observedAt: "2026-12-01T04:00:00.000Z" },
        ],
        skipped: 2,
      },
    });
    if (parsed.ok) for (const row of parsed.feed.rows) expect(FeedRow.safeParse(row).success).toBe(true);
  });

  it("reads ParkAPI v3: each item's own time and opening status; items without a realtime number are skipped", () => {
    const parsed = parsePullFeed({
      items: [
        {
          uid: "p-1",
          realtime_free_capacity: 12,
          realtime_capacity: 80,
          realtime_opening_status: "OPEN",
          realtime_data_updated_at: "2026-12-01T12:03:00+08:00",
        },
        { uid: "p-2", realtime_free_capacity: 3, realtime_opening_status: "UNKNOWN", realtime_data_updated_at: "2026-12-01T04:01:00Z" },
        { uid: "p-3", realtime_opening_status: "OPEN" },
      ],
    });
    expect(parsed).toEqual({
      ok: true,
      feed: {
        rows: [
          { operatorLotId: "p-1", free: 12, total: 80, status: "open", observedAt: "2026-12-01T04:03:00.000Z" },
          { operatorLotId: "p-2", free: 3, status: "open", observedAt: "2026-12-01T04:01:00.000Z" },
        ],
        skipped: 1,
      },
    });
  });

  it("says why a document is not a feed it reads", () => {
    expect(parsePullFeed({ hello: "world" })).toEqual({ ok: false, error: expect.stringContaining("not a ParkAPI feed") });
    expect(parsePullFeed([1, 2])).toMatchObject({ ok: false });
    expect(parsePullFeed({ lots: [] })).toEqual({ ok: false, error: "ParkAPI v1 feed without a valid last_updated" });
    expect(parsePullFeed({ last_updated: "yesterday", lots: [] })).toMatchObject({ ok: false });
    // A negative count is not a count: the document is refused rather than half-read.
    expect(parsePullFeed({ last_updated: "2026-12-01T04:00:00Z", lots: [{ id: "a", free: -1, state: "open" }] })).toMatchObject({
      ok: false,
    });
  });
});

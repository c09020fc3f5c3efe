import { z } from "zod";

/*
 * The operators' push feed, POST /api/v1/feeds/parking. A request is signed: the three headers below
 * carry the key id, the Unix time in seconds and hex HMAC-SHA256(secret, timestamp + "\n" + raw body).
 * A timestamp outside the skew window or a signature already seen is refused. Rows are judged one by
 * one: bad rows come back with their index and reason, the rest are applied.
 */

export const FEED_KEY_HEADER = "x-civic-key-id";
export const FEED_TIMESTAMP_HEADER = "x-civic-timestamp";
export const FEED_SIGNATURE_HEADER = "x-civic-signature";
/** Seconds a request's timestamp may differ from the server's clock. */
export const FEED_SKEW_SECONDS = 300;
export const FEED_MAX_ROWS = 1000;
/** An observation may be this far ahead of the server's clock (clock drift), not more. */
export const FEED_FUTURE_TOLERANCE_SECONDS = 60;

/** The exact text that is signed. */
export const feedSigningInput = (timestamp: string, rawBody: string) => `${timestamp}\n${rawBody}`;

export const FeedHeaders = z.object({
  [FEED_KEY_HEADER]: z.string().min(1).max(64).meta({ description: "The operator key's id" }),
  [FEED_TIMESTAMP_HEADER]: z
    .string()
    .regex(/^\d{1,12}$/)
    .meta({ description: "Unix time in seconds when the request was signed" }),
  [FEED_SIGNATURE_HEADER]: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ description: 'hex HMAC-SHA256(secret, timestamp + "\\n" + raw body)' }),
});

/** One observation of one lot: by our id or by the operator's own id (exactly one). */
export const FeedRow = z
  .strictObject({
    lotId: z.string().min(1).max(64).optional(),
    operatorLotId: z.string().min(1).max(100).optional(),
    free: z.number().int().min(0).max(20_000),
    total: z.number().int().min(0).max(20_000).optional(),
    status: z.enum(["open", "closed"]),
    observedAt: z.iso.datetime({ offset: true }),
  })
  .refine((r) => (r.lotId === undefined) !== (r.operatorLotId === undefined), {
    message: "give exactly one of lotId and operatorLotId",
  })
  .meta({ id: "ParkingFeedRow" });
export type FeedRow = z.infer<typeof FeedRow>;

/** Rows are checked one by one (FeedRow each), so one bad row does not refuse the batch. */
export const FeedBatch = z
  .strictObject({
    rows: z
      .array(z.unknown())
      .min(1)
      .max(FEED_MAX_ROWS)
      .meta({ description: "Up to 1,000 ParkingFeedRow objects; each is validated on its own" }),
  })
  .meta({ id: "ParkingFeedBatch" });
export type FeedBatch = z.infer<typeof FeedBatch>;

export const FEED_ROW_REASONS = [
  /** The row does not match ParkingFeedRow (details in message). */
  "invalid",
  /** No such lot among this operator's lots (another operator's lot is answered the same). */
  "unknown_lot",
  "free_above_capacity",
  "total_above_capacity",
  /** observedAt is ahead of the server's clock by more than the tolerance. */
  "observed_in_future",
] as const;
export const FeedRowReason = z.enum(FEED_ROW_REASONS);
export type FeedRowReason = z.infer<typeof FeedRowReason>;

export const FeedRowError = z
  .object({ index: z.number().int(), reason: FeedRowReason, message: z.string() })
  .meta({ id: "ParkingFeedRowError" });
export type FeedRowError = z.infer<typeof FeedRowError>;

export const FeedResult = z
  .object({
    /** Rows whose observation is now the lot's live status. */
    applied: z.number().int(),
    /** Valid rows older than (or as old as) what the lot already holds: kept in history, live status unchanged. */
    outdated: z.array(z.number().int()),
    rejected: z.array(FeedRowError),
  })
  .meta({ id: "ParkingFeedResult" });
export type FeedResult = z.infer<typeof FeedResult>;

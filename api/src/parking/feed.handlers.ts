import {
  FEED_KEY_HEADER,
  FEED_SIGNATURE_HEADER,
  FEED_SKEW_SECONDS,
  FEED_TIMESTAMP_HEADER,
  type FeedResult,
  signFeedBody,
} from "@civic/shared";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../platform/context";
import { isUniqueViolation } from "../platform/db-errors";
import { ApiError, conflict, forbidden } from "../platform/errors";
import type { AppRouteHandler } from "../platform/router";
import { feedRepo } from "./feed.repo";
import type { pushParkingFeed } from "./feed.routes";
import { applyBatch, judgeRows } from "./feed-ingest";
import { deriveFeedSecret, hashFeedSecret, sameHex } from "./feed-signature";
import { type OperatorRow, operatorsRepo } from "./operators.repo";

/*
 * The operators' push feed: the middleware proves who sent the request (key, timestamp, signature over
 * the raw body) before the body is even parsed; the handler judges and applies the batch (feed-ingest.ts)
 * in one atomic group whose first statement remembers the signature (a replay fails there, whole).
 */

interface VerifiedFeed {
  keyId: string;
  signature: string;
  operator: OperatorRow;
}

const verified = new WeakMap<Request, VerifiedFeed>();

const refused = (reason: string, message: string) => new ApiError(401, "unauthorized", message, { reason });

export const verifyFeedSignature: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, clock, config } = c.get("deps");
  const keyId = c.req.header(FEED_KEY_HEADER) ?? "";
  const timestamp = c.req.header(FEED_TIMESTAMP_HEADER) ?? "";
  const signature = (c.req.header(FEED_SIGNATURE_HEADER) ?? "").toLowerCase();
  if (!keyId || !/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) {
    throw refused("missing_signature", `sign the request: ${FEED_KEY_HEADER}, ${FEED_TIMESTAMP_HEADER}, ${FEED_SIGNATURE_HEADER}`);
  }
  // Read before any parser: the signature covers these exact bytes (later reads reuse this text).
  const raw = await c.req.text();
  const repo = operatorsRepo(db);
  const found = keyId.length <= 64 ? await repo.key(keyId) : null;
  if (!found) throw refused("unknown_key", "unknown or revoked key");
  const now = clock();
  const at = now.toISOString();
  const secret = await deriveFeedSecret(config.parking.feedKeySecret, keyId);
  if (found.key.status !== "active" || !sameHex(await hashFeedSecret(secret), found.key.secretHash)) {
    await repo.countRefused(found.operator.id, at);
    throw refused("unknown_key", "unknown or revoked key");
  }
  if (!sameHex(await signFeedBody(secret, timestamp, raw), signature)) {
    await repo.countRefused(found.operator.id, at);
    throw refused("bad_signature", "the signature does not match the body and timestamp");
  }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > FEED_SKEW_SECONDS) {
    await repo.countRefused(found.operator.id, at);
    throw refused("clock_skew", `the timestamp is more than ${FEED_SKEW_SECONDS} seconds from the server's clock`);
  }
  if (!found.operator.enabled) throw new ApiError(403, "forbidden", "this source is disabled", { reason: "source_disabled" });
  verified.set(c.req.raw, { keyId, signature, operator: found.operator });
  await next();
};

export const pushParkingFeedHandler: AppRouteHandler<typeof pushParkingFeed> = async (c) => {
  const deps = c.get("deps");
  const feed = verified.get(c.req.raw);
  if (!feed) throw forbidden();
  const now = deps.clock();
  const at = now.toISOString();
  const { rows } = c.req.valid("json");
  const judged = await judgeRows(deps.db, feed.operator.id, rows, now);
  const operators = operatorsRepo(deps.db);
  // The signature is remembered first: a replay fails there, and the whole batch with it.
  const leading = [feedRepo(deps.db).signatureStatement(feed.signature, feed.keyId, at), operators.keyUsedStatement(feed.keyId, at)];
  try {
    const result: FeedResult = await applyBatch(deps, feed.operator.id, judged, at, { leading });
    return c.json(result, 200);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    await operators.countRefused(feed.operator.id, at);
    throw conflict("this signed request was already received", { reason: "replay" });
  }
};

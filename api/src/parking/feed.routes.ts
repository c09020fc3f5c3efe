import { FeedBatch, FeedHeaders, FeedResult } from "@civic/shared";
import { createRoute } from "@hono/zod-openapi";
import { errorResponses, jsonBody, jsonContent } from "../platform/router";
import { verifyFeedSignature } from "./feed.handlers";

export const pushParkingFeed = createRoute({
  method: "post",
  path: "/api/v1/feeds/parking",
  tags: ["parking", "feeds"],
  summary:
    'An operator pushes live occupancy: up to 1,000 rows, signed with its key (hex HMAC-SHA256 over timestamp + "\\n" + raw body; 5-minute skew window; a signature is accepted once). Bad rows come back by index and reason; the rest are applied, an older observation never overwriting a newer one',
  middleware: [verifyFeedSignature],
  request: { headers: FeedHeaders, body: jsonBody(FeedBatch) },
  responses: {
    200: jsonContent(FeedResult, "Rows applied, outdated and rejected"),
    ...errorResponses(401, 403, 409, 413, 415, 422),
  },
});

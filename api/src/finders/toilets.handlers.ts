import { canAdminister, cityClock, type NearbyToiletsResponse } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import { notFound } from "../platform/errors";
import { newId } from "../platform/ids";
import { enforceRateLimit } from "../platform/rate-limit";
import { type AppRouteHandler, jsonText } from "../platform/router";
import { toiletFeedbackRepo } from "./toilet-feedback.repo";
import { toDetail, toiletsRepo } from "./toilets.repo";
import type { nearbyToilets, reportToilet, toiletById } from "./toilets.routes";

export const nearbyToiletsHandler: AppRouteHandler<typeof nearbyToilets> = async (c) => {
  const { db, clock, config, nearbyIndex } = c.get("deps");
  const q = c.req.valid("query");
  const now = cityClock(clock(), config.cityZone);
  const center = { lat: q.lat, lng: q.lng };
  if (nearbyIndex) {
    // The in-memory index answers pre-serialized JSON (see NearbyIndex); the shape is NearbyToiletsResponse.
    const toilets = await nearbyIndex.nearbyJson(q, now);
    const body = `{"toilets":${toilets},"center":${JSON.stringify(center)},"radius":${q.radius}}`;
    return jsonText<NearbyToiletsResponse, 200>(c, body, 200);
  }
  return c.json({ toilets: await toiletsRepo(db).nearby(q, now), center, radius: q.radius }, 200);
};

export const toiletByIdHandler: AppRouteHandler<typeof toiletById> = async (c) => {
  const { db, clock, config } = c.get("deps");
  const row = await toiletsRepo(db).byId(c.req.valid("param").id);
  const isAdmin = canAdminister(c.get("user"));
  if (!row || (!row.active && !isAdmin)) throw notFound("toilet");
  return c.json(toDetail(row, cityClock(clock(), config.cityZone)), 200);
};

export const reportToiletHandler: AppRouteHandler<typeof reportToilet> = async (c) => {
  const { db, clock } = c.get("deps");
  const user = currentUser(c);
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const toilet = await toiletsRepo(db).byId(id);
  if (!toilet?.active) throw notFound("toilet");
  const now = clock();
  await enforceRateLimit(db, { bucket: `toilet-feedback:${user.id}`, limit: 10, windowSeconds: 3600, now });
  const repo = toiletFeedbackRepo(db);
  const feedbackId = newId();
  await repo.insertStatement({
    id: feedbackId,
    toiletId: id,
    userId: user.id,
    kind: body.kind,
    note: body.note ?? "",
    now: now.toISOString(),
  });
  const saved = await repo.byId(feedbackId);
  if (!saved) throw notFound("feedback");
  return c.json(saved, 201);
};

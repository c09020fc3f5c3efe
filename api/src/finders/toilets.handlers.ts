import { canAdminister, cityClock, type NearbyToiletsResponse } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import { notFound } from "../platform/errors";
import { idempotencyRequest, idempotent } from "../platform/idempotency";
import { enforceRateLimit } from "../platform/rate-limit";
import { type AppRouteHandler, jsonText } from "../platform/router";
import { toiletFeedbackRepo } from "./toilet-feedback.repo";
import { toiletPlaces } from "./toilet-places";
import { toDetail, toiletsRepo } from "./toilets.repo";
import type { nearbyToilets, reportToilet, toiletById } from "./toilets.routes";

export const nearbyToiletsHandler: AppRouteHandler<typeof nearbyToilets> = async (c) => {
  const { db, clock, config, nearbyIndex } = c.get("deps");
  const q = c.req.valid("query");
  const now = cityClock(clock(), config.cityZone);
  const center = { lat: q.lat, lng: q.lng };
  if (nearbyIndex) {
    // The in-memory index answers pre-serialized JSON (see NearbyIndex); the shape is NearbyToiletsResponse.
    const toilets = await nearbyIndex.nearbyJson(toiletPlaces, q, now);
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
  const deps = c.get("deps");
  const { db, clock } = deps;
  const user = currentUser(c);
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const toilet = await toiletsRepo(db).byId(id);
  if (!toilet?.active) throw notFound("toilet");
  const now = clock();
  await enforceRateLimit(db, { bucket: `toilet-feedback:${user.id}`, limit: 10, windowSeconds: 3600, now });
  const repo = toiletFeedbackRepo(db);
  const key = c.req.valid("header")["idempotency-key"];
  // A retry with the same key answers the first feedback instead of filing it twice.
  const answer = await idempotent(deps, await idempotencyRequest("toilet.feedback", `user:${user.id}`, key, { id, body }), {
    run: async (claim) => {
      const row = { id: claim.resourceId, toiletId: id, userId: user.id, kind: body.kind, note: body.note ?? "", now: now.toISOString() };
      await deps.atomic([...(claim.statement ? [claim.statement] : []), repo.insertStatement(row, claim.guard)]);
      if (!(await claim.won())) return null;
      const saved = await repo.byId(claim.resourceId);
      if (!saved) throw notFound("feedback");
      return { status: 201, body: saved };
    },
  });
  return c.json(answer.body, 201);
};

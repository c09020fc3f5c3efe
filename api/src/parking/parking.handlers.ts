import { canAdminister, cityClock, type NearbyParkingResponse } from "@civic/shared";
import { notFound } from "../platform/errors";
import { type AppRouteHandler, jsonText } from "../platform/router";
import { liveBoardOf } from "./live-board";
import { lotsRepo } from "./lots.repo";
import type { nearbyParking, parkingLotById } from "./parking.routes";
import { parkingPlaces } from "./parking-places";

export const nearbyParkingHandler: AppRouteHandler<typeof nearbyParking> = async (c) => {
  const { db, clock, config, nearbyIndex } = c.get("deps");
  const q = c.req.valid("query");
  const now = clock();
  const center = { lat: q.lat, lng: q.lng };
  const tail = `"center":${JSON.stringify(center)},"radius":${q.radius},"asOf":"${now.toISOString()}"}`;
  const ctx = { clock: cityClock(now, config.cityZone), now };
  if (nearbyIndex) {
    // The index knows what each lot is; the board what it reports (caught up with every feed write first).
    const board = liveBoardOf(db);
    await board.refresh();
    const lots = await nearbyIndex.nearbyJson(parkingPlaces, q, { ...ctx, board });
    return jsonText<NearbyParkingResponse, 200>(c, `{"lots":${lots},${tail}`, 200);
  }
  const lots = await lotsRepo(db).nearby(q, ctx);
  return jsonText<NearbyParkingResponse, 200>(c, `{"lots":${JSON.stringify(lots)},${tail}`, 200);
};

export const parkingLotByIdHandler: AppRouteHandler<typeof parkingLotById> = async (c) => {
  const { db, clock, config } = c.get("deps");
  const now = clock();
  const detail = await lotsRepo(db).detail(c.req.valid("param").id, cityClock(now, config.cityZone), now);
  if (!detail || (!detail.active && !canAdminister(c.get("user")))) throw notFound("parking lot");
  return c.json(detail, 200);
};

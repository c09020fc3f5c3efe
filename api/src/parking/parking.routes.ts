import { NearbyParkingQuery, NearbyParkingResponse, ParkingLotDetail } from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, jsonContent } from "../platform/router";

const tags = ["parking"];

export const nearbyParking = createRoute({
  method: "get",
  path: "/api/v1/parking/nearby",
  tags,
  summary:
    "Parking lots near a GCJ-02 point, nearest first, each with its live status (free spaces only while fresh, observedAt, band) and open-now in the city's time",
  request: { query: NearbyParkingQuery },
  responses: { 200: jsonContent(NearbyParkingResponse, "Nearby lots"), ...errorResponses(400) },
});

export const parkingLotById = createRoute({
  method: "get",
  path: "/api/v1/parking/lots/{id}",
  tags,
  summary: "One lot: fees, hours (shared-parking windows), source and licence, live status and the last 24 hours of occupancy",
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: { 200: jsonContent(ParkingLotDetail, "The lot"), ...errorResponses(404) },
});

import { type NearbyParkingQuery, NearbyParkingResponse, ParkingLotDetail } from "@civic/shared";
import { type ApiResult, apiRequest } from "../../services/request";

/* Parking, the resident's side: lots near a place (with their live status) and one lot. */

/** The finder's filters: the nearby query's flags and lot type (types from the shared schema). */
export type ParkingFilters = Pick<NearbyParkingQuery, "openNow" | "hasFree" | "charging" | "accessible" | "type">;

export const NO_PARKING_FILTERS: ParkingFilters = { openNow: false, hasFree: false, charging: false, accessible: false, type: undefined };

/** How many lots one search asks for: a full answer means there may be more (最近的 N 个). */
export const PARKING_LIMIT = 30;

export interface ParkingSearch {
  lat: number;
  lng: number;
  radius: number;
  filters: ParkingFilters;
}

export const nearbyParking = ({ lat, lng, radius, filters }: ParkingSearch): Promise<ApiResult<NearbyParkingResponse>> =>
  apiRequest(NearbyParkingResponse, {
    path: "/api/v1/parking/nearby",
    query: {
      lat: lat.toFixed(6),
      lng: lng.toFixed(6),
      radius,
      limit: PARKING_LIMIT,
      openNow: filters.openNow,
      hasFree: filters.hasFree,
      charging: filters.charging,
      accessible: filters.accessible,
      type: filters.type,
    },
  });

export const parkingLot = (id: string): Promise<ApiResult<ParkingLotDetail>> =>
  apiRequest(ParkingLotDetail, { path: `/api/v1/parking/lots/${encodeURIComponent(id)}` });

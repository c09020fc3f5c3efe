import {
  type NearbyToiletsQuery,
  NearbyToiletsResponse,
  type ResolveToiletFeedbackRequest,
  ToiletDetail,
  ToiletFeedback,
  ToiletFeedbackList,
  type ToiletFeedbackRequest,
  type ToiletFeedbackStatus,
} from "@civic/shared";
import { type ApiResult, apiRequest } from "../services/request";

/* Finders domain, toilets: nearby search, detail, residents' feedback and its handling by admins. */

/** The finder's filter chips: the nearby query's flags (types from the shared schema, not declared again). */
export type ToiletFilters = Pick<NearbyToiletsQuery, "openNow" | "free" | "accessible" | "babyCare" | "thirdToilet">;

export const NO_FILTERS: ToiletFilters = { openNow: false, free: false, accessible: false, babyCare: false, thirdToilet: false };

export type NearbySearch = Pick<NearbyToiletsQuery, "lat" | "lng" | "radius"> &
  Partial<Pick<NearbyToiletsQuery, "limit">> & { filters?: ToiletFilters };

/** How many toilets one search asks for: a full answer means there may be more (最近的 30 个, not 找到 30 个). */
export const NEARBY_LIMIT = 30;

export const nearbyToilets = ({
  lat,
  lng,
  radius,
  limit = NEARBY_LIMIT,
  filters = NO_FILTERS,
}: NearbySearch): Promise<ApiResult<NearbyToiletsResponse>> =>
  apiRequest(NearbyToiletsResponse, {
    path: "/api/v1/toilets/nearby",
    query: {
      lat: lat.toFixed(6),
      lng: lng.toFixed(6),
      radius,
      limit,
      openNow: filters.openNow,
      free: filters.free,
      accessible: filters.accessible,
      babyCare: filters.babyCare,
      thirdToilet: filters.thirdToilet,
    },
  });

export const toiletDetail = (id: string): Promise<ApiResult<ToiletDetail>> =>
  apiRequest(ToiletDetail, { path: `/api/v1/toilets/${encodeURIComponent(id)}` });

export const sendToiletFeedback = (id: string, request: ToiletFeedbackRequest): Promise<ApiResult<ToiletFeedback>> =>
  apiRequest(ToiletFeedback, { method: "POST", path: `/api/v1/toilets/${encodeURIComponent(id)}/feedback`, body: request });

export const adminToiletFeedback = (status: ToiletFeedbackStatus): Promise<ApiResult<ToiletFeedbackList>> =>
  apiRequest(ToiletFeedbackList, { path: "/api/v1/admin/toilet-feedback", query: { status } });

/** Resolves feedback, with what was done to the toilet in the same step (see ResolveToiletFeedbackRequest). */
export const resolveToiletFeedback = (id: string, body: ResolveToiletFeedbackRequest): Promise<ApiResult<ToiletFeedback>> =>
  apiRequest(ToiletFeedback, { method: "POST", path: `/api/v1/admin/toilet-feedback/${encodeURIComponent(id)}/resolve`, body });

import { PointsHistoryPage, PointsSummary, ResidentCode } from "@civic/shared";
import { type ApiResult, apiRequest } from "../../services/request";

/* 我的积分: the resident's balance, history pages and rotating code. */

export const myPoints = (): Promise<ApiResult<PointsSummary>> => apiRequest(PointsSummary, { path: "/api/v1/points/me" });

export const myPointsHistory = (cursor?: string | null): Promise<ApiResult<PointsHistoryPage>> =>
  apiRequest(PointsHistoryPage, { path: "/api/v1/points/me/history", query: { cursor: cursor ?? undefined } });

export const myPointsCode = (): Promise<ApiResult<ResidentCode>> => apiRequest(ResidentCode, { path: "/api/v1/points/me/code" });

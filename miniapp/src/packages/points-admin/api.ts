import {
  type FlagReviewRequest,
  PointsCapList,
  PointsEntry,
  PointsFlag,
  PointsFlagList,
  type PointsRatesRequest,
  PointsRateTable,
} from "@civic/shared";
import { type ApiFailure, type ApiResult, apiRequest } from "../../services/request";

/* The bureau's points settings: the versioned rate table, caps, flags and reversing an entry (admins). */

export const pointsRates = (): Promise<ApiResult<PointsRateTable>> => apiRequest(PointsRateTable, { path: "/api/v1/admin/points/rates" });

export const setPointsRates = (body: PointsRatesRequest): Promise<ApiResult<PointsRateTable>> =>
  apiRequest(PointsRateTable, { method: "PUT", path: "/api/v1/admin/points/rates", body });

export const pointsCaps = (): Promise<ApiResult<PointsCapList>> => apiRequest(PointsCapList, { path: "/api/v1/admin/points/caps" });

export const setPointsCaps = (body: PointsCapList): Promise<ApiResult<PointsCapList>> =>
  apiRequest(PointsCapList, { method: "PUT", path: "/api/v1/admin/points/caps", body });

export const pointsFlags = (status?: string): Promise<ApiResult<PointsFlagList>> =>
  apiRequest(PointsFlagList, { path: "/api/v1/admin/points/flags", query: { status } });

export const reviewFlag = (id: string, body: FlagReviewRequest): Promise<ApiResult<PointsFlag>> =>
  apiRequest(PointsFlag, { method: "POST", path: `/api/v1/admin/points/flags/${encodeURIComponent(id)}/review`, body });

export const reverseEntry = (id: string, reason: string): Promise<ApiResult<PointsEntry>> =>
  apiRequest(PointsEntry, { method: "POST", path: `/api/v1/admin/points/entries/${encodeURIComponent(id)}/reverse`, body: { reason } });

const REASONS: Record<string, string> = {
  already_reviewed: "该异常已被其他管理员处理",
  points_spent: "该住户的积分已被使用，余额不足以冲正",
  already_reversed: "该笔积分已冲正过",
  not_reversible: "该记录不能冲正",
};

export function pointsAdminMessage(failure: ApiFailure): string {
  const reason = (failure.details as { reason?: unknown } | undefined)?.reason;
  return (typeof reason === "string" && REASONS[reason]) || failure.message;
}

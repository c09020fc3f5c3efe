import {
  type CollectorCompleteRequest,
  CollectorJob,
  CollectorJobList,
  CollectorRoute,
  type CollectorUnableRequest,
  PickupItemList,
  WeighIn,
  WeighInList,
  type WeighInRequest,
} from "@civic/shared";
import type { z } from "zod";
import { type ApiFailure, type ApiResult, apiRequest } from "../../services/request";

/*
 * The collector's side of pickups (回收员): the job list, accept and release, the day's route, and working
 * a held job (arrive, complete, unable). Every action answers the job as it now is (CollectorJob).
 */
const jobPath = (id: string) => `/api/v1/collector/jobs/${encodeURIComponent(id)}`;

/** Open jobs in my streets and the jobs I hold; one city date, or (without one) today and the coming days. */
export const collectorJobs = (date?: string): Promise<ApiResult<z.output<typeof CollectorJobList>>> =>
  apiRequest(CollectorJobList, { path: "/api/v1/collector/jobs", query: { date } });

export const acceptJob = (id: string): Promise<ApiResult<CollectorJob>> =>
  apiRequest(CollectorJob, { method: "POST", path: `${jobPath(id)}/accept` });

export const releaseJob = (id: string, reason: string): Promise<ApiResult<CollectorJob>> =>
  apiRequest(CollectorJob, { method: "POST", path: `${jobPath(id)}/release`, body: { reason } });

export const arriveAtJob = (id: string): Promise<ApiResult<CollectorJob>> =>
  apiRequest(CollectorJob, { method: "POST", path: `${jobPath(id)}/arrive` });

export const completeJob = (id: string, body: CollectorCompleteRequest): Promise<ApiResult<CollectorJob>> =>
  apiRequest(CollectorJob, { method: "POST", path: `${jobPath(id)}/complete`, body });

export const reportUnable = (id: string, body: CollectorUnableRequest): Promise<ApiResult<CollectorJob>> =>
  apiRequest(CollectorJob, { method: "POST", path: `${jobPath(id)}/unable`, body });

/** My held jobs of a date in route order, from `start` (the phone's position) when given. */
export const collectorRoute = (date: string, start: { lat: number; lng: number } | null): Promise<ApiResult<CollectorRoute>> =>
  apiRequest(CollectorRoute, { path: "/api/v1/collector/route", query: { date, lat: start?.lat, lng: start?.lng } });

/** The item catalogue: names, 可回收 flags and per-booking maxima for what was actually taken. */
export const pickupItems = (): Promise<ApiResult<z.output<typeof PickupItemList>>> =>
  apiRequest(PickupItemList, { path: "/api/v1/pickups/items" });

export const TAKEN_MESSAGE = "已被其他回收员接单";

/** What a 409 on a job means to the collector. */
export function jobConflictMessage(failure: ApiFailure, action: "accept" | "release" | "work"): string {
  const reason = (failure.details as { reason?: unknown } | undefined)?.reason;
  if (action === "accept")
    return reason === "illegal_transition" || reason === "taken" || reason === undefined ? TAKEN_MESSAGE : "该预约已取消或无法接单";
  if (action === "release" && reason === "deadline_passed") return "收运当天不能再退单，请联系城管局";
  if (action === "work" && reason === "too_early") return "还没到收运日期，收运当天才能操作";
  return "该任务状态已变化，已为您刷新";
}

/** A weigh-in against a resident's scanned code (recycling points); a retry with the same id is the same weigh-in. */
export const recordWeighIn = (body: WeighInRequest): Promise<ApiResult<WeighIn>> =>
  apiRequest(WeighIn, { method: "POST", path: "/api/v1/points/weigh-ins", body });

/** My weigh-ins of a date (default today). */
export const myWeighIns = (date?: string): Promise<ApiResult<WeighInList>> =>
  apiRequest(WeighInList, { path: "/api/v1/points/weigh-ins/mine", query: { date } });

/** What a refused weigh-in means to the collector. */
export function weighInFailureMessage(failure: ApiFailure): string {
  const reason = (failure.details as { reason?: unknown } | undefined)?.reason;
  if (reason === "code_expired") return "积分码已过期，请住户刷新后重新扫码";
  if (reason === "self_award") return "不能给自己的家庭记积分";
  if (failure.status === 422) return "这不是有效的积分码，或重量填写有误";
  return failure.message;
}

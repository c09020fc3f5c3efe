import { CheckBatchResponse, VolunteerBinRoom, VolunteerBinRoomList, VolunteerToday } from "@civic/shared";
import type { z } from "zod";
import { type ApiResult, apiRequest } from "../../services/request";
import type { ServerResult, toWire } from "./queue";

/* 小蜜蜂 volunteers: my bin rooms, a room by its QR code, the batch sync and today's tally. */

export const myBinRooms = (): Promise<ApiResult<z.output<typeof VolunteerBinRoomList>>> =>
  apiRequest(VolunteerBinRoomList, { path: "/api/v1/volunteer/bin-rooms" });

export const binRoomByCode = (code: string): Promise<ApiResult<VolunteerBinRoom>> =>
  apiRequest(VolunteerBinRoom, { path: `/api/v1/volunteer/bin-rooms/by-code/${encodeURIComponent(code)}` });

export const volunteerToday = (): Promise<ApiResult<VolunteerToday>> => apiRequest(VolunteerToday, { path: "/api/v1/volunteer/today" });

/** The batch sync; null when it failed as a whole (offline, 5xx): the checks stay queued. */
export async function sendChecks(checks: ReturnType<typeof toWire>[]): Promise<ServerResult[] | null> {
  const res = await apiRequest(CheckBatchResponse, { method: "POST", path: "/api/v1/volunteer/checks/batch", body: { checks } });
  return res.ok ? (res.data.results as ServerResult[]) : null;
}

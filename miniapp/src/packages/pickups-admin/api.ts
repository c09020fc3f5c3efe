import {
  AdminPickupSlotList,
  CollectorStreets,
  PickupBlackout,
  PickupBlackoutList,
  type PickupBlackoutRequest,
  PickupCollectorList,
  PickupItem,
  type PickupItemCreate,
  PickupItemList,
  type PickupItemPatch,
  PickupKpis,
  PickupOverview,
  PickupSlot,
  type PickupSlotsBulk,
  PickupSlotsBulkResult,
} from "@civic/shared";
import type { z } from "zod";
import { type ApiResult, apiRequest, apiRequestNoContent } from "../../services/request";

/* The bureau's pickups calls: admin routes under /api/v1/admin/pickups (audited by the API). */

const enc = encodeURIComponent;
const BASE = "/api/v1/admin/pickups";

export const pickupItems = (): Promise<ApiResult<z.infer<typeof PickupItemList>>> => apiRequest(PickupItemList, { path: `${BASE}/items` });
export const createPickupItem = (item: PickupItemCreate): Promise<ApiResult<PickupItem>> =>
  apiRequest(PickupItem, { method: "POST", path: `${BASE}/items`, body: item });
export const updatePickupItem = (code: string, changes: PickupItemPatch): Promise<ApiResult<PickupItem>> =>
  apiRequest(PickupItem, { method: "PATCH", path: `${BASE}/items/${enc(code)}`, body: changes });

export interface SlotsQuery {
  street?: string;
  district?: string;
  from: string;
  to: string;
}
export const adminSlots = (q: SlotsQuery): Promise<ApiResult<z.infer<typeof AdminPickupSlotList>>> =>
  apiRequest(AdminPickupSlotList, { path: `${BASE}/slots`, query: { ...q } });
export const setSlotCapacity = (id: string, capacityPoints: number): Promise<ApiResult<PickupSlot>> =>
  apiRequest(PickupSlot, { method: "PATCH", path: `${BASE}/slots/${enc(id)}`, body: { capacityPoints } });
export const createSlots = (bulk: PickupSlotsBulk): Promise<ApiResult<z.infer<typeof PickupSlotsBulkResult>>> =>
  apiRequest(PickupSlotsBulkResult, { method: "POST", path: `${BASE}/slots`, body: bulk });

export const blackouts = (): Promise<ApiResult<z.infer<typeof PickupBlackoutList>>> =>
  apiRequest(PickupBlackoutList, { path: `${BASE}/blackouts` });
export const addBlackout = (req: z.infer<typeof PickupBlackoutRequest>): Promise<ApiResult<PickupBlackout>> =>
  apiRequest(PickupBlackout, { method: "POST", path: `${BASE}/blackouts`, body: req });
export const removeBlackout = (date: string): Promise<ApiResult<null>> =>
  apiRequestNoContent({ method: "DELETE", path: `${BASE}/blackouts/${enc(date)}` });

/** Every user holding the collector role, with the streets each one serves. */
export const pickupCollectors = (): Promise<ApiResult<z.infer<typeof PickupCollectorList>>> =>
  apiRequest(PickupCollectorList, { path: `${BASE}/collectors` });
export const setCollectorStreets = (userId: string, streets: string[]): Promise<ApiResult<z.infer<typeof CollectorStreets>>> =>
  apiRequest(CollectorStreets, { method: "PUT", path: `${BASE}/collectors/${enc(userId)}/streets`, body: { streets } });

export const pickupOverview = (q: { date: string; district?: string }): Promise<ApiResult<PickupOverview>> =>
  apiRequest(PickupOverview, { path: `${BASE}/overview`, query: { ...q } });
export const pickupKpis = (q: { from: string; to: string; district?: string }): Promise<ApiResult<PickupKpis>> =>
  apiRequest(PickupKpis, { path: `${BASE}/kpis`, query: { ...q } });

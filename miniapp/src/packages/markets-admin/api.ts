import {
  AdminMarketZoneList,
  MarketSuspension,
  MarketZoneDetail,
  type MarketZoneInput,
  type MarketZoneUpdate,
  type SuspensionInput,
} from "@civic/shared";
import { apiRequest } from "../../services/request";

/* The bureau's night markets and vending zones (admin): list, create, versioned edit, retire, suspensions. */

const adminPath = "/api/v1/admin/night-markets";
const zonePath = (id: string) => `${adminPath}/${encodeURIComponent(id)}`;

export const adminZones = () => apiRequest(AdminMarketZoneList, { path: adminPath });

/** The detail (a retired zone too, for admins) from the public route. */
export const adminZone = (id: string) => apiRequest(MarketZoneDetail, { path: `/api/v1/night-markets/${encodeURIComponent(id)}` });

export const createZone = (body: MarketZoneInput) => apiRequest(MarketZoneDetail, { method: "POST", path: adminPath, body });

export const updateZone = (id: string, body: MarketZoneUpdate) =>
  apiRequest(MarketZoneDetail, { method: "PATCH", path: zonePath(id), body });

export const retireZone = (id: string, version: number, reason: string) =>
  apiRequest(MarketZoneDetail, { method: "POST", path: `${zonePath(id)}/retire`, body: { version, reason } });

export const suspendZone = (id: string, body: SuspensionInput) =>
  apiRequest(MarketSuspension, { method: "POST", path: `${zonePath(id)}/suspensions`, body });

export const cancelSuspension = (id: string, suspensionId: string) =>
  apiRequest(MarketSuspension, { method: "DELETE", path: `${zonePath(id)}/suspensions/${encodeURIComponent(suspensionId)}` });

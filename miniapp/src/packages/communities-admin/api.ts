import {
  AdminBinRoom,
  AdminCommunity,
  AdminCommunityList,
  type CommunityInput,
  type CommunityPatch,
  Inspection,
  MonthDraft,
} from "@civic/shared";
import { apiRequest } from "../../services/request";

/* The bureau's 星级小区 administration: communities, bin rooms, volunteers, inspections, the month and its publication. */

const communityPath = (id: string) => `/api/v1/admin/communities/${encodeURIComponent(id)}`;

export const adminCommunities = () => apiRequest(AdminCommunityList, { path: "/api/v1/admin/communities" });
export const adminCommunity = (id: string) => apiRequest(AdminCommunity, { path: communityPath(id) });
export const createCommunity = (body: CommunityInput) =>
  apiRequest(AdminCommunity, { method: "POST", path: "/api/v1/admin/communities", body });
export const updateCommunity = (id: string, body: CommunityPatch) =>
  apiRequest(AdminCommunity, { method: "PATCH", path: communityPath(id), body });
export const retireCommunity = (id: string, version: number) =>
  apiRequest(AdminCommunity, { method: "POST", path: `${communityPath(id)}/retire`, body: { version } });
export const addBinRoom = (id: string, name: string) =>
  apiRequest(AdminBinRoom, { method: "POST", path: `${communityPath(id)}/bin-rooms`, body: { name } });
export const retireBinRoom = (roomId: string) =>
  apiRequest(AdminBinRoom, { method: "POST", path: `/api/v1/admin/bin-rooms/${encodeURIComponent(roomId)}/retire` });
export const assignVolunteer = (id: string, userId: string) =>
  apiRequest(AdminCommunity, { method: "PUT", path: `${communityPath(id)}/volunteers/${encodeURIComponent(userId)}` });
export const unassignVolunteer = (id: string, userId: string) =>
  apiRequest(AdminCommunity, { method: "DELETE", path: `${communityPath(id)}/volunteers/${encodeURIComponent(userId)}` });

export const monthDraft = (month: string) => apiRequest(MonthDraft, { path: `/api/v1/admin/communities/months/${month}` });
export const saveInspection = (id: string, month: string, score: number, note?: string) =>
  apiRequest(Inspection, { method: "PUT", path: `${communityPath(id)}/inspections/${month}`, body: note ? { score, note } : { score } });
export const publishMonth = (month: string) =>
  apiRequest(MonthDraft, { method: "POST", path: `/api/v1/admin/communities/months/${month}/publish` });

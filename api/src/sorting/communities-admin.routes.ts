import {
  AdminBinRoom,
  AdminCommunity,
  AdminCommunityList,
  BinRoomInput,
  BinRoomPatch,
  CommunityInput,
  CommunityPatch,
  VersionBody,
} from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* The bureau's communities, bin rooms and volunteers' assignments (admins only). */

const tags = ["admin", "communities"];
const security = bearerAuth;
const middleware = [requireAdmin];
const IdParam = z.object({ id: z.string().min(1).max(64) });
const VolunteerParam = z.object({ id: z.string().min(1).max(64), userId: z.string().min(1).max(64) });

export const listAdminCommunities = createRoute({
  method: "get",
  path: "/api/v1/admin/communities",
  tags,
  summary: "Every community, retired ones too, with household counts",
  security,
  middleware,
  responses: { 200: jsonContent(AdminCommunityList, "Communities"), ...errorResponses(401, 403) },
});

export const createCommunity = createRoute({
  method: "post",
  path: "/api/v1/admin/communities",
  tags,
  summary: "Add a community (its district and street must be the city's; audited)",
  security,
  middleware,
  request: { body: jsonBody(CommunityInput) },
  responses: { 201: jsonContent(AdminCommunity, "Created"), ...errorResponses(401, 403, 415, 422) },
});

export const adminCommunityById = createRoute({
  method: "get",
  path: "/api/v1/admin/communities/{id}",
  tags,
  summary: "One community with its bin rooms (codes and the QR path to print) and volunteers",
  security,
  middleware,
  request: { params: IdParam },
  responses: { 200: jsonContent(AdminCommunity, "The community"), ...errorResponses(401, 403, 404) },
});

export const updateCommunity = createRoute({
  method: "patch",
  path: "/api/v1/admin/communities/{id}",
  tags,
  summary: "Change a community at the version read (409 stale when another admin changed it first; audited)",
  security,
  middleware,
  request: { params: IdParam, body: jsonBody(CommunityPatch) },
  responses: { 200: jsonContent(AdminCommunity, "Updated"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const retireCommunity = createRoute({
  method: "post",
  path: "/api/v1/admin/communities/{id}/retire",
  tags,
  summary: "Retire a community at the version read: it leaves the public lists and ranking; published figures are kept",
  security,
  middleware,
  request: { params: IdParam, body: jsonBody(VersionBody) },
  responses: { 200: jsonContent(AdminCommunity, "Retired"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const addBinRoom = createRoute({
  method: "post",
  path: "/api/v1/admin/communities/{id}/bin-rooms",
  tags,
  summary: "Add a bin room; its code is generated and its QR code holds packages/volunteer/check/index?room=<code>",
  security,
  middleware,
  request: { params: IdParam, body: jsonBody(BinRoomInput) },
  responses: { 201: jsonContent(AdminBinRoom, "Created"), ...errorResponses(401, 403, 404, 415, 422) },
});

export const updateBinRoom = createRoute({
  method: "patch",
  path: "/api/v1/admin/bin-rooms/{id}",
  tags,
  summary: "Rename or move a bin room (its code stays)",
  security,
  middleware,
  request: { params: IdParam, body: jsonBody(BinRoomPatch) },
  responses: { 200: jsonContent(AdminBinRoom, "Updated"), ...errorResponses(401, 403, 404, 415, 422) },
});

export const retireBinRoom = createRoute({
  method: "post",
  path: "/api/v1/admin/bin-rooms/{id}/retire",
  tags,
  summary: "Retire a bin room: its QR code no longer opens checks",
  security,
  middleware,
  request: { params: IdParam },
  responses: { 200: jsonContent(AdminBinRoom, "Retired"), ...errorResponses(401, 403, 404, 409) },
});

export const assignVolunteer = createRoute({
  method: "put",
  path: "/api/v1/admin/communities/{id}/volunteers/{userId}",
  tags,
  summary: "Assign a 小蜜蜂 volunteer to the community (the user must hold the volunteer role: 422 otherwise)",
  security,
  middleware,
  request: { params: VolunteerParam },
  responses: { 200: jsonContent(AdminCommunity, "Assigned"), ...errorResponses(401, 403, 404, 422) },
});

export const unassignVolunteer = createRoute({
  method: "delete",
  path: "/api/v1/admin/communities/{id}/volunteers/{userId}",
  tags,
  summary: "Unassign a volunteer from the community",
  security,
  middleware,
  request: { params: VolunteerParam },
  responses: { 200: jsonContent(AdminCommunity, "Unassigned"), ...errorResponses(401, 403, 404) },
});

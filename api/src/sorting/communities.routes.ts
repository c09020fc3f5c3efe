import {
  CommunitiesQuery,
  CommunityDetail,
  CommunityList,
  CommunityRanking,
  MyCommunity,
  MyCommunityRequest,
  RankingQuery,
} from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireUser } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* The public side of 星级小区, and a household's own community. */

const tags = ["communities"];
const IdParam = z.object({ id: z.string().min(1).max(64) });

export const listCommunities = createRoute({
  method: "get",
  path: "/api/v1/communities",
  tags,
  summary: "Communities (小区) by district, street or name, each with its latest published stars",
  request: { query: CommunitiesQuery },
  responses: { 200: jsonContent(CommunityList, "Communities"), ...errorResponses(400) },
});

export const communityRanking = createRoute({
  method: "get",
  path: "/api/v1/communities/ranking",
  tags,
  summary: "A published month's 星级小区 ranking (the latest when no month is given), best score first, ties by name",
  request: { query: RankingQuery },
  responses: { 200: jsonContent(CommunityRanking, "Ranking"), ...errorResponses(400, 404) },
});

export const myCommunity = createRoute({
  method: "get",
  path: "/api/v1/communities/mine",
  tags,
  summary: "The community my household is registered in, with its stars",
  security: bearerAuth,
  middleware: [requireUser],
  responses: { 200: jsonContent(MyCommunity, "My community (null when not registered)"), ...errorResponses(401) },
});

export const setMyCommunity = createRoute({
  method: "put",
  path: "/api/v1/communities/mine",
  tags,
  summary: "Register my household in a community; a change is allowed once per 30 days (409 change_too_soon)",
  security: bearerAuth,
  middleware: [requireUser],
  request: { body: jsonBody(MyCommunityRequest) },
  responses: { 200: jsonContent(MyCommunity, "Registered"), ...errorResponses(401, 404, 409, 415, 422) },
});

export const communityById = createRoute({
  method: "get",
  path: "/api/v1/communities/{id}",
  tags,
  summary: "One community: bin rooms, published months (at most 12) and stars; no household is named",
  request: { params: IdParam },
  responses: { 200: jsonContent(CommunityDetail, "The community"), ...errorResponses(404) },
});

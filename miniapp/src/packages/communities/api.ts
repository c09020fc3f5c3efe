import { CommunityDetail, CommunityList, CommunityRanking, MyCommunity } from "@civic/shared";
import { apiRequest } from "../../services/request";

/* 星级小区, the resident's and the public's side: communities, the ranking, a community, my household's community. */

export const searchCommunities = (f: { district?: string; street?: string; q?: string }) =>
  apiRequest(CommunityList, { path: "/api/v1/communities", query: f });

export const communityRanking = (f: { month?: string; district?: string; street?: string }) =>
  apiRequest(CommunityRanking, { path: "/api/v1/communities/ranking", query: f });

export const communityById = (id: string) => apiRequest(CommunityDetail, { path: `/api/v1/communities/${encodeURIComponent(id)}` });

export const myCommunity = () => apiRequest(MyCommunity, { path: "/api/v1/communities/mine" });

export const setMyCommunity = (communityId: string) =>
  apiRequest(MyCommunity, { method: "PUT", path: "/api/v1/communities/mine", body: { communityId } });

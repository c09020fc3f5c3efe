/**
 * 星级小区 (issue 10): communities and their bin rooms, households' registration, the bureau's monthly
 * inspections and the one publication of each month's star ratings (formula: shared/src/sorting/stars.ts).
 * Callers: anyone reads communities and the ranking; a signed-in household registers itself; admins manage
 * communities, bin rooms, volunteers' assignments, inspections and publication.
 * Tables: communities, bin_rooms, community_members, volunteer_communities, community_inspections,
 * community_rating_months, community_ratings (reads sorting_checks; writes audit_log rows).
 */
import type { createRouter } from "../platform/router";
import * as handlers from "./communities.handlers";
import * as routes from "./communities.routes";
import * as adminHandlers from "./communities-admin.handlers";
import * as adminRoutes from "./communities-admin.routes";
import * as ratingHandlers from "./ratings.handlers";
import * as ratingRoutes from "./ratings.routes";

export function registerCommunities(app: ReturnType<typeof createRouter>) {
  app.openapi(routes.listCommunities, handlers.listCommunitiesHandler);
  // Fixed paths before /communities/{id}.
  app.openapi(routes.communityRanking, handlers.communityRankingHandler);
  app.openapi(routes.myCommunity, handlers.myCommunityHandler);
  app.openapi(routes.setMyCommunity, handlers.setMyCommunityHandler);
  app.openapi(routes.communityById, handlers.communityByIdHandler);
  app.openapi(ratingRoutes.monthDraft, ratingHandlers.monthDraftHandler);
  app.openapi(ratingRoutes.publishMonth, ratingHandlers.publishMonthHandler);
  app.openapi(ratingRoutes.putInspection, ratingHandlers.putInspectionHandler);
  app.openapi(adminRoutes.listAdminCommunities, adminHandlers.listAdminCommunitiesHandler);
  app.openapi(adminRoutes.createCommunity, adminHandlers.createCommunityHandler);
  app.openapi(adminRoutes.adminCommunityById, adminHandlers.adminCommunityByIdHandler);
  app.openapi(adminRoutes.updateCommunity, adminHandlers.updateCommunityHandler);
  app.openapi(adminRoutes.retireCommunity, adminHandlers.retireCommunityHandler);
  app.openapi(adminRoutes.addBinRoom, adminHandlers.addBinRoomHandler);
  app.openapi(adminRoutes.updateBinRoom, adminHandlers.updateBinRoomHandler);
  app.openapi(adminRoutes.retireBinRoom, adminHandlers.retireBinRoomHandler);
  app.openapi(adminRoutes.assignVolunteer, adminHandlers.assignVolunteerHandler);
  app.openapi(adminRoutes.unassignVolunteer, adminHandlers.unassignVolunteerHandler);
}

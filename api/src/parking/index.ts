/**
 * parking: lots with live free spaces. Anyone searches nearby lots and reads a lot (live status honest
 * about its age, 24-hour chart); operators push occupancy through a signed feed; admins manage
 * operators (data sources), their keys and lots, and watch the sources' health.
 * Tables: parking_lots (+ parking_lots_version), parking_observations, parking_operators,
 * parking_feed_keys, parking_feed_signatures (and audit_log rows). Lots are a place kind of platform/nearby.
 */
import type { createRouter } from "../platform/router";
import * as feed from "./feed.handlers";
import * as feedRoutes from "./feed.routes";
import * as operators from "./operator-admin.handlers";
import * as handlers from "./parking.handlers";
import * as routes from "./parking.routes";
import * as admin from "./parking-admin.handlers";
import * as adminRoutes from "./parking-admin.routes";

export function registerParking(app: ReturnType<typeof createRouter>) {
  app.openapi(routes.nearbyParking, handlers.nearbyParkingHandler);
  app.openapi(routes.parkingLotById, handlers.parkingLotByIdHandler);
  app.openapi(feedRoutes.pushParkingFeed, feed.pushParkingFeedHandler);
  app.openapi(adminRoutes.listParkingOperators, operators.listParkingOperatorsHandler);
  app.openapi(adminRoutes.createParkingOperator, operators.createParkingOperatorHandler);
  app.openapi(adminRoutes.updateParkingOperator, operators.updateParkingOperatorHandler);
  app.openapi(adminRoutes.listParkingFeedKeys, operators.listParkingFeedKeysHandler);
  app.openapi(adminRoutes.issueParkingFeedKey, operators.issueParkingFeedKeyHandler);
  app.openapi(adminRoutes.revokeParkingFeedKey, operators.revokeParkingFeedKeyHandler);
  app.openapi(adminRoutes.listParkingLotsForAdmin, admin.listParkingLotsForAdminHandler);
  app.openapi(adminRoutes.parkingLotForAdmin, admin.parkingLotForAdminHandler);
  app.openapi(adminRoutes.createParkingLot, admin.createParkingLotHandler);
  app.openapi(adminRoutes.updateParkingLot, admin.updateParkingLotHandler);
  app.openapi(adminRoutes.listParkingSources, admin.listParkingSourcesHandler);
}

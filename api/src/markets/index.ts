/**
 * markets: night markets and vending zones (夜市, 便民疏导点, 早市). Anyone finds zones near a point with
 * their state and time left and reads one; signed-in residents subscribe to a zone's suspension notices;
 * admins create, edit (versioned), retire and suspend zones, subscribers hearing in the same atomic step.
 * Tables: market_zones (a place kind of platform/nearby, market-places.ts), market_suspensions,
 * market_subscriptions (and audit_log rows). Also flags street-vending reports filed in or near an open
 * zone, through the platform's report annotators (vending-flag.ts).
 */
import { registerReportAnnotator } from "../platform/report-annotators";
import type { createRouter } from "../platform/router";
import * as admin from "./market-admin.handlers";
import * as adminRoutes from "./market-admin.routes";
import * as handlers from "./markets.handlers";
import * as routes from "./markets.routes";
import { vendingZoneAnnotator } from "./vending-flag";

export function registerMarkets(app: ReturnType<typeof createRouter>) {
  app.openapi(routes.nearbyMarkets, handlers.nearbyMarketsHandler);
  app.openapi(routes.marketById, handlers.marketByIdHandler);
  app.openapi(routes.subscribeMarket, handlers.subscribeMarketHandler);
  app.openapi(routes.unsubscribeMarket, handlers.unsubscribeMarketHandler);
  app.openapi(adminRoutes.listAdminMarkets, admin.listAdminMarketsHandler);
  app.openapi(adminRoutes.createMarket, admin.createMarketHandler);
  app.openapi(adminRoutes.updateMarket, admin.updateMarketHandler);
  app.openapi(adminRoutes.retireMarket, admin.retireMarketHandler);
  app.openapi(adminRoutes.suspendMarket, admin.suspendMarketHandler);
  app.openapi(adminRoutes.cancelSuspension, admin.cancelSuspensionHandler);
  registerReportAnnotator("vendingZone", vendingZoneAnnotator);
}

/**
 * pickups: bulky-waste collection (大件垃圾预约). Residents read the item catalogue and a street's slots,
 * book (capacity in volume points and the household's yearly quota taken in one atomic group, so a slot is
 * never overbooked and parallel bookings from one household cannot pass the quota), read and cancel their
 * own bookings (until 14:00 city time the day before; cancelling frees capacity and quota in the same group),
 * amend them (items, slot), say "not collected" after the window (which opens a 随手拍 case to the bureau
 * through the reports domain's statements) and rate a completed collection once.
 * Admins manage the catalogue, create slots in bulk, edit a slot's capacity, black out dates and set each
 * collector's streets; staff read the day overview and the KPIs; collectors list the jobs in their streets,
 * accept one (exactly one of parallel accepts wins) and release it before the day; on the day they get their
 * held jobs in route order, arrive, complete (photos, items taken, recyclable kg per class kept for recycling
 * points) or say "unable" with a reason.
 * Callers: anyone reads items and slots; signed-in residents book; admins write the catalogue, slots and
 * blackouts; moderators and admins read the overview and KPIs; collectors work the jobs in their streets.
 * Tables: pickup_items, pickup_slots, pickup_blackouts, pickup_bookings, pickup_booking_items, pickup_history
 * (append-only), pickup_outcomes, pickup_taken_items, pickup_recycled (the ledger issue 10 credits), and
 * audit_log for admin writes; a missed booking's case goes to reports. Booking takes the platform
 * Idempotency-Key; rules and the lifecycle live in shared/src/pickups. Photos (the resident's and the
 * collector's, both attached to the booking) open for the booking's resident, the collector holding the job
 * and staff (photos.ts registers the platform's readers and risky-upload hooks).
 */
import type { createRouter } from "../platform/router";
import * as changes from "./booking-changes.handlers";
import * as changeRoutes from "./booking-changes.routes";
import * as collector from "./collector.handlers";
import * as collectorRoutes from "./collector.routes";
import * as day from "./collector-day.handlers";
import * as dayRoutes from "./collector-day.routes";
import { registerPickupPhotoRules } from "./photos";
import * as admin from "./pickup-admin.handlers";
import * as bureau from "./pickup-bureau.handlers";
import * as bureauRoutes from "./pickup-bureau.routes";
import * as overview from "./pickup-overview.handlers";
import * as handlers from "./pickups.handlers";
import * as routes from "./pickups.routes";

export function registerPickups(app: ReturnType<typeof createRouter>) {
  registerPickupPhotoRules();
  app.openapi(routes.listPickupItems, handlers.listPickupItemsHandler);
  app.openapi(routes.listPickupSlots, handlers.listPickupSlotsHandler);
  // Before /{id}, so "mine" is not read as an id.
  app.openapi(routes.myPickups, handlers.myPickupsHandler);
  app.openapi(routes.createPickup, handlers.createPickupHandler);
  app.openapi(routes.pickupById, handlers.pickupByIdHandler);
  app.openapi(routes.cancelPickup, handlers.cancelPickupHandler);
  app.openapi(changeRoutes.amendPickup, changes.amendPickupHandler);
  app.openapi(changeRoutes.pickupMissed, changes.pickupMissedHandler);
  app.openapi(changeRoutes.ratePickup, changes.ratePickupHandler);
  app.openapi(routes.adminListPickupItems, admin.adminListPickupItemsHandler);
  app.openapi(routes.adminCreatePickupItem, admin.adminCreatePickupItemHandler);
  app.openapi(routes.adminUpdatePickupItem, admin.adminUpdatePickupItemHandler);
  app.openapi(routes.adminCreatePickupSlots, admin.adminCreatePickupSlotsHandler);
  app.openapi(bureauRoutes.adminListSlots, bureau.adminListSlotsHandler);
  app.openapi(bureauRoutes.adminPatchSlot, bureau.adminPatchSlotHandler);
  app.openapi(bureauRoutes.listBlackouts, bureau.listBlackoutsHandler);
  app.openapi(bureauRoutes.createBlackout, bureau.createBlackoutHandler);
  app.openapi(bureauRoutes.deleteBlackout, bureau.deleteBlackoutHandler);
  app.openapi(bureauRoutes.pickupOverview, overview.pickupOverviewHandler);
  app.openapi(bureauRoutes.pickupKpis, overview.pickupKpisHandler);
  app.openapi(collectorRoutes.adminListCollectors, collector.adminListCollectorsHandler);
  app.openapi(collectorRoutes.adminSetCollectorStreets, collector.adminSetCollectorStreetsHandler);
  app.openapi(collectorRoutes.collectorJobs, collector.collectorJobsHandler);
  app.openapi(collectorRoutes.acceptJob, collector.acceptJobHandler);
  app.openapi(collectorRoutes.releaseJob, collector.releaseJobHandler);
  app.openapi(dayRoutes.collectorRoute, day.collectorRouteHandler);
  app.openapi(dayRoutes.arriveJob, day.arriveJobHandler);
  app.openapi(dayRoutes.completeJob, day.completeJobHandler);
  app.openapi(dayRoutes.unableJob, day.unableJobHandler);
}

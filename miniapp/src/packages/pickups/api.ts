import {
  PhoneNumberResponse,
  type PickupAmendRequest,
  PickupBooking,
  PickupBookingList,
  type PickupBookingRequest,
  PickupItemList,
  PickupSlotList,
} from "@civic/shared";
import { type ApiResult, apiRequest } from "../../services/request";

export type { PickupBooking };

/* Bulky-waste pickups (大件垃圾预约), the resident's side: catalogue, slots, booking, my bookings and their changes. */

/** The subscribe-message template asked for at the booking's submit tap; the server's default template id. */
export const PICKUP_STATUS_TEMPLATE_ID = "civic-pickup-status";

const bookingPath = (id: string) => `/api/v1/pickups/${encodeURIComponent(id)}`;

export const pickupItems = () => apiRequest(PickupItemList, { path: "/api/v1/pickups/items" });

export const pickupSlots = (street: string, from?: string, to?: string) =>
  apiRequest(PickupSlotList, { path: "/api/v1/pickups/slots", query: { street, from, to } });

export const createPickup = (request: PickupBookingRequest, idempotencyKey: string): Promise<ApiResult<PickupBooking>> =>
  apiRequest(PickupBooking, { method: "POST", path: "/api/v1/pickups", body: request, headers: { "Idempotency-Key": idempotencyKey } });

export const myPickups = () => apiRequest(PickupBookingList, { path: "/api/v1/pickups/mine" });

export const pickupById = (id: string) => apiRequest(PickupBooking, { path: bookingPath(id) });

export const cancelPickup = (id: string, reason?: string) =>
  apiRequest(PickupBooking, { method: "POST", path: `${bookingPath(id)}/cancel`, body: reason ? { reason } : {} });

export const amendPickup = (id: string, body: PickupAmendRequest) =>
  apiRequest(PickupBooking, { method: "PATCH", path: bookingPath(id), body });

export const reportMissed = (id: string, note?: string) =>
  apiRequest(PickupBooking, { method: "POST", path: `${bookingPath(id)}/missed`, body: note ? { note } : {} });

export const ratePickup = (id: string, rating: number, comment?: string) =>
  apiRequest(PickupBooking, { method: "POST", path: `${bookingPath(id)}/rate`, body: comment ? { rating, comment } : { rating } });

/** The weapp's phone-number button gives a one-time code; the API exchanges it with WeChat for the number. */
export const exchangePhoneCode = (code: string) =>
  apiRequest(PhoneNumberResponse, { method: "POST", path: "/api/v1/me/phone-number", body: { code } });

import { MarketSubscription, MarketZoneDetail, type MarketZoneKind, NearbyMarketsResponse } from "@civic/shared";
import { apiRequest } from "../../services/request";

/* Night markets and vending zones (夜市, 便民疏导点, 早市), the resident's side: nearby, one zone, its notices. */

export type MarketsWhen = "now" | "tonight";

/** How many zones one search asks for. */
export const MARKETS_LIMIT = 30;

export interface MarketsSearch {
  lat: number;
  lng: number;
  radius: number;
  when: MarketsWhen;
  kind: MarketZoneKind | null;
}

export const nearbyMarkets = (s: MarketsSearch) =>
  apiRequest(NearbyMarketsResponse, {
    path: "/api/v1/night-markets/nearby",
    query: {
      lat: s.lat.toFixed(6),
      lng: s.lng.toFixed(6),
      radius: s.radius,
      limit: MARKETS_LIMIT,
      when: s.when,
      kind: s.kind ?? undefined,
    },
  });

const zonePath = (id: string) => `/api/v1/night-markets/${encodeURIComponent(id)}`;

export const marketDetail = (id: string) => apiRequest(MarketZoneDetail, { path: zonePath(id) });

/** The subscribe-message template asked for at the 订阅 tap; the server's default markets template id. */
export const MARKET_NOTICE_TEMPLATE_ID = "civic-market-notice";

/** Subscribes, handing over the templates accepted at the tap (weapp; none in H5). */
export const subscribeMarket = (id: string, subscriptions: string[] = []) =>
  apiRequest(MarketSubscription, {
    method: "POST",
    path: `${zonePath(id)}/subscription`,
    body: subscriptions.length > 0 ? { subscriptions } : {},
  });

export const unsubscribeMarket = (id: string) => apiRequest(MarketSubscription, { method: "DELETE", path: `${zonePath(id)}/subscription` });

import type { MarketZoneSummary, ParkingLotSummary } from "@civic/shared";

/*
 * Parking lots and night-market zones around a centre, for page tests of every layer (jsdom, weapp):
 * a lot with a fresh number, a lot whose number is past its limit (unknown, its age kept), and a night
 * market open now with its time left, drawn as a circle. Times are relative to `now`.
 */
export function samplePlaces(centre: { lat: number; lng: number }, now = Date.now()) {
  const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
  const freshLot: ParkingLotSummary = {
    id: "lot-1",
    name: "观前街地下停车场",
    type: "underground",
    address: "人民路 100 号",
    district: "姑苏区",
    lat: centre.lat + 0.009,
    lng: centre.lng,
    distanceM: 55,
    capacity: { total: 200, disabled: 4, charging: 10, shared: 0 },
    openNow: "open",
    live: { free: 23, total: 200, status: "open", observedAt: minutesAgo(3), fresh: true, band: "many" },
  };
  const staleLot: ParkingLotSummary = {
    ...freshLot,
    id: "lot-2",
    name: "察院场停车场",
    lat: centre.lat - 0.009,
    distanceM: 400,
    live: { free: null, total: null, status: "unknown", observedAt: minutesAgo(125), fresh: false, band: "unknown" },
  };
  const zoneCentre = { lat: centre.lat, lng: centre.lng + 0.02 };
  const openZone: MarketZoneSummary = {
    id: "zone-1",
    name: "山塘夜市",
    kind: "night_market",
    address: "山塘街",
    district: "姑苏区",
    street: "虎丘街道",
    ...zoneCentre,
    distanceM: 190,
    area: { shape: "circle", center: zoneCentre, radiusM: 80 },
    stalls: 40,
    status: { state: "open", closesAt: null, opensAt: null, tonight: true, text: "还有 2 小时收摊", closedReason: null },
  };
  return { freshLot, staleLot, openZone, minutesAgo };
}

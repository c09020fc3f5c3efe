import { toiletPlaces } from "./finders/toilet-places";
import { marketPlaces } from "./markets/market-places";
import { parkingPlaces } from "./parking/parking-places";
import type { AnyPlaceKind } from "./platform/nearby/kind";

/**
 * Every kind of place nearby search knows (platform/nearby): a host builds its in-memory index over these.
 * A new domain with places (parking lots, stalls, pickup jobs) adds its kind here.
 */
export const PLACE_KINDS: readonly AnyPlaceKind[] = [toiletPlaces, parkingPlaces, marketPlaces];

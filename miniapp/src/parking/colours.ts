import type { OccupancyBand } from "@civic/shared";
import type { MarkerColour } from "../components/map";

/* A lot's marker colour by its occupancy band (the API's `live.band`): used by 附近 and the parking finder. */
export const BAND_COLOURS: Record<OccupancyBand, MarkerColour> = { many: "green", few: "amber", full: "red", unknown: "grey" };

export const BAND_LEGEND = "绿色：车位充足 · 橙色：车位紧张 · 红色：已满或暂停开放 · 灰色：余位未知";

export const parkingLotUrl = (id: string) => `/packages/parking/lot/index?id=${encodeURIComponent(id)}`;

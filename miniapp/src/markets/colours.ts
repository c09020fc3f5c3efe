import type { ZoneState } from "@civic/shared";
import type { MarkerColour } from "../components/map";

/* A zone's colour on a map by its state now (the API's `status.state`): used by 附近 and the night-market pages. */
export const ZONE_COLOURS: Record<ZoneState, MarkerColour> = { open: "green", opens_later: "blue", closed: "grey" };

export const ZONE_LEGEND = "绿色：正在营业 · 蓝色：今天稍后开市 · 灰色：休市";

export const marketZoneUrl = (id: string) => `/packages/night-markets/detail/index?id=${encodeURIComponent(id)}`;

/* The one map component (see CivicMap.tsx); pages import from here. */
export { CivicMap } from "./CivicMap";
export type { CivicMapProps, MapPoint, MapShape, MarkerColour } from "./types";

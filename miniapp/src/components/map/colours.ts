import type { MarkerColour } from "./types";

/* The marker colours as drawn: kept equal to styles/map.css and the weapp's marker-<colour>.png icons. */
export const MARKER_HEX: Record<MarkerColour, string> = {
  green: "#1a7f5a",
  grey: "#9a9f9c",
  amber: "#d68c18",
  blue: "#1f5f9e",
  red: "#c0392b",
};

import type { LatLng } from "@civic/shared";

/*
 * What every map page hands the one map component: points in GCJ-02 (what the API stores and WeChat's
 * map draws), each with a colour the caller chose from its own status, and what a tap on it opens.
 */

/** Marker colours; each has a CSS class (`map-marker--<colour>`) and a weapp icon file. */
export const MARKER_COLOURS = ["green", "grey", "amber", "blue", "red"] as const;
export type MarkerColour = (typeof MARKER_COLOURS)[number];

export interface MapPoint extends LatLng {
  id: string;
  /** Shown in the weapp's marker title and read out as the marker's label. */
  title: string;
  colour: MarkerColour;
  /** Short text inside the marker (e.g. the list number); none when omitted. */
  label?: string;
}

/** An area drawn on the map (e.g. a night-market zone); its ring and circle spell a shared ZoneArea. */
export type MapShape = { id: string; title: string; colour: MarkerColour } & (
  | { shape: "polygon"; ring: readonly (readonly [number, number])[] } // [lng, lat] GCJ-02
  | { shape: "circle"; center: { lat: number; lng: number }; radiusM: number }
);

export interface CivicMapProps {
  /** Where the search was made (GCJ-02): the map starts centred here. */
  centre: LatLng;
  /** The search radius in metres: the first view shows all of it. */
  radius: number;
  points: readonly MapPoint[];
  /** Areas drawn under the markers; tapping one calls onOpen with its id. */
  shapes?: readonly MapShape[];
  /** Tapping a single marker (or an entry of a stack that cannot split) opens that item. */
  onOpen: (id: string) => void;
  /**
   * Tapping the map itself (not a marker) picks that spot, in GCJ-02 whatever the tiles are drawn in:
   * e.g. where a reported problem is. Without it, taps on the map do nothing.
   */
  onPick?: (point: LatLng) => void;
  /** Extra class on the map's root, e.g. "toilet-map" or "report-map". */
  className?: string;
  /** One line under the map saying what the colours mean. */
  legend?: string;
}

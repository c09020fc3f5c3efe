import type { LatLng } from "@civic/shared";
import Supercluster, { type ClusterProperties } from "supercluster";
import { MAX_ZOOM, worldPixels } from "./projection";
import type { MapPoint, MarkerColour } from "./types";

/*
 * Marker clustering for every map (weapp, Leaflet and the offline plot), pure so it is unit-tested once.
 * supercluster groups points within CLUSTER_RADIUS_PX at a zoom; its greedy pass can still leave two
 * results closer than a marker is wide, so a second pass merges those: no two marks ever overlap.
 */

// supercluster times each zoom level with performance.now() even with logging off, and WeChat's logic
// layer has no `performance`: give it a clock there (browsers and Node keep their own).
const host = globalThis as { performance?: { now(): number } };
if (typeof host.performance === "undefined") host.performance = { now: () => Date.now() };

/** Points closer than this (screen pixels at the map's zoom) join one cluster. */
export const CLUSTER_RADIUS_PX = 36;
/** No two marks' centres end up closer than this: markers are 24 px wide, clusters 32 px. */
export const MIN_GAP_PX = 34;

export interface PointMark extends LatLng {
  kind: "point";
  key: string;
  point: MapPoint;
}

export interface ClusterMark extends LatLng {
  kind: "cluster";
  key: string;
  count: number;
  /** The members' ids in the caller's order. */
  ids: string[];
  /** The colour most of its members have (ties go to the earliest in the caller's list). */
  colour: MarkerColour;
  /** Zoom at which it falls apart; above MAX_ZOOM when it never does (e.g. reports on one coarsened spot). */
  expansionZoom: number;
}

export type MapMark = PointMark | ClusterMark;

/** Whether tapping the cluster can zoom in to separate it; otherwise the map lists its members. */
export const canSplit = (mark: ClusterMark): boolean => mark.expansionZoom <= MAX_ZOOM;

type Props = { index: number };

export interface MarkerClusters {
  marksAt(zoom: number): MapMark[];
}

/** Builds the cluster index once per list of points; `marksAt` is then cheap for every zoom change. */
export function clusterPoints(points: readonly MapPoint[]): MarkerClusters {
  const index = new Supercluster<Props, Props>({ radius: CLUSTER_RADIUS_PX, extent: 256, maxZoom: MAX_ZOOM, minPoints: 2 });
  index.load(
    points.map((p, i) => ({
      type: "Feature" as const,
      properties: { index: i },
      geometry: { type: "Point" as const, coordinates: [p.lng, p.lat] },
    })),
  );
  /** Supercluster's groups at a whole zoom level, before the overlap pass. */
  const rawGroups = (level: number): Group[] =>
    index.getClusters([-180, -85, 180, 85], level).map((f): Group => {
      const [lng, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties as Props & Partial<ClusterProperties>;
      if (!props.cluster || props.cluster_id === undefined) return { lat, lng, members: [props.index], expansionZoom: MAX_ZOOM + 1 };
      const members = index.getLeaves(props.cluster_id, Number.POSITIVE_INFINITY).map((l) => l.properties.index);
      return { lat, lng, members, expansionZoom: index.getClusterExpansionZoom(props.cluster_id) };
    });

  // Which shown group each point is in at a whole zoom level (what `marksAt(level)` draws), built once per level.
  const groupOfAt = new Map<number, Int32Array>();
  const groupOf = (level: number): Int32Array => {
    let owner = groupOfAt.get(level);
    if (!owner) {
      owner = new Int32Array(points.length);
      separate(rawGroups(level), level).forEach((g, gi) => {
        for (const m of g.members) (owner as Int32Array)[m] = gi;
      });
      groupOfAt.set(level, owner);
    }
    return owner;
  };

  /**
   * The first whole zoom above `zoom` at which the map really shows these members apart: supercluster's own
   * answer can be undone by the overlap pass, and a merge made here may hold at the next level too.
   * Above MAX_ZOOM when they never part (e.g. reports on one coarsened spot).
   */
  const expansionZoom = (g: Group, zoom: number): number => {
    if (g.members.length < 2) return MAX_ZOOM + 1;
    for (let level = Math.max(Math.floor(zoom) + 1, Math.min(g.expansionZoom, MAX_ZOOM + 1)); level <= MAX_ZOOM; level++) {
      const owner = groupOf(level);
      const first = owner[g.members[0] as number];
      if (g.members.some((m) => owner[m] !== first)) return level;
    }
    return MAX_ZOOM + 1;
  };

  return {
    marksAt(zoom: number) {
      return separate(rawGroups(Math.floor(zoom)), zoom).map((g) => toMark({ ...g, expansionZoom: expansionZoom(g, zoom) }, points));
    },
  };
}

interface Group extends LatLng {
  members: number[];
  expansionZoom: number;
}

/** Merges groups whose centres are within MIN_GAP_PX at `zoom` until none are. */
function separate(groups: Group[], zoom: number): Group[] {
  const list = [...groups];
  for (;;) {
    const pair = closePair(list, zoom);
    if (!pair) break;
    const [a, b] = pair;
    const ga = list[a] as Group;
    const gb = list[b] as Group;
    const n = ga.members.length + gb.members.length;
    const merged: Group = {
      lat: (ga.lat * ga.members.length + gb.lat * gb.members.length) / n,
      lng: (ga.lng * ga.members.length + gb.lng * gb.members.length) / n,
      members: [...ga.members, ...gb.members],
      // Supercluster kept them apart at this zoom: they can part no sooner than the next level.
      expansionZoom: Math.floor(zoom) + 1,
    };
    list.splice(b, 1);
    list.splice(a, 1, merged);
  }
  return list.sort((x, y) => Math.min(...x.members) - Math.min(...y.members));
}

function closePair(list: Group[], zoom: number): [number, number] | null {
  const px = list.map((g) => worldPixels(g, zoom));
  for (let i = 0; i < px.length; i++) {
    for (let j = i + 1; j < px.length; j++) {
      const p = px[i] as { x: number; y: number };
      const q = px[j] as { x: number; y: number };
      if (Math.hypot(p.x - q.x, p.y - q.y) < MIN_GAP_PX) return [i, j];
    }
  }
  return null;
}

function toMark(g: Group, points: readonly MapPoint[]): MapMark {
  const members = [...g.members].sort((a, b) => a - b).map((i) => points[i] as MapPoint);
  const first = members[0] as MapPoint;
  if (members.length === 1) return { kind: "point", key: first.id, point: first, lat: first.lat, lng: first.lng };
  return {
    kind: "cluster",
    key: `cluster-${members.map((m) => m.id).join("+")}`,
    lat: g.lat,
    lng: g.lng,
    count: members.length,
    ids: members.map((m) => m.id),
    colour: dominantColour(members),
    expansionZoom: g.expansionZoom,
  };
}

function dominantColour(members: MapPoint[]): MarkerColour {
  const counts = new Map<MarkerColour, number>();
  for (const m of members) counts.set(m.colour, (counts.get(m.colour) ?? 0) + 1);
  let best = (members[0] as MapPoint).colour;
  for (const [colour, n] of counts) if (n > (counts.get(best) ?? 0)) best = colour;
  return best;
}

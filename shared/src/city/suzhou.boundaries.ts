import type { CityBoundaries } from "./schema";

/*
 * APPROXIMATE district boundaries of Suzhou, GCJ-02, drawn by hand from the general geography (rivers,
 * the moat, lakes, the towns on each side of a border), a dozen or so vertices per district: good to a
 * kilometre or two, not a survey. They are meant to put a report or a toilet in the right district for
 * routing and statistics, and they cover every district's built-up area and towns (tested), but a
 * point near a border can land on the wrong side. Replace them with official data when the bureau
 * provides it.
 *
 * Neighbours share the same named vertices, so borders match exactly: no gaps and no overlaps
 * (tested by sampling). The outer edges (Taihu, the Yangtze, Wuxi, Shanghai, Zhejiang) are coarse.
 */
const V = {
  // 姑苏区 (inside the outer moat plus 金阊, 虎丘, 白洋湾, 苏锦 to the north and west)
  G1: [31.362, 120.585],
  G2: [31.36, 120.64],
  G3: [31.335, 120.66],
  G4: [31.3, 120.662],
  G5: [31.275, 120.65],
  G6: [31.272, 120.605],
  G7: [31.29, 120.585],
  G8: [31.32, 120.575],
  G9: [31.345, 120.572],
  // 苏州工业园区
  S1: [31.38, 120.7],
  S2: [31.425, 120.77],
  S3: [31.34, 120.88],
  S4: [31.285, 120.875],
  S5: [31.245, 120.78],
  S6: [31.24, 120.72],
  S7: [31.262, 120.68],
  // 相城区
  X1: [31.48, 120.85],
  X2: [31.53, 120.74],
  X3: [31.52, 120.6],
  X4: [31.49, 120.5],
  X5: [31.47, 120.38],
  X6: [31.42, 120.39],
  X7: [31.41, 120.47],
  X8: [31.37, 120.53],
  // 虎丘区 (苏州高新区), out to Taihu at 镇湖
  H1: [31.27, 120.56],
  H2: [31.285, 120.52],
  H3: [31.3, 120.47],
  H4: [31.3, 120.42],
  H5: [31.27, 120.39],
  H6: [31.25, 120.34],
  H7: [31.33, 120.35],
  // 吴中区 / 吴江区 border and the Taihu side of 吴中 (东山, 金庭 on 西山)
  J1: [31.2, 120.74],
  J2: [31.21, 120.66],
  J3: [31.18, 120.61],
  J4: [31.14, 120.56],
  J5: [31.08, 120.47],
  J6: [31.02, 120.34],
  Z1: [31.08, 120.2],
  Z2: [31.2, 120.23],
  // 吴江区 (Zhejiang to the south, Shanghai to the east)
  E1: [30.95, 120.35],
  E2: [30.88, 120.42],
  E3: [30.78, 120.5],
  E4: [30.76, 120.64],
  E5: [30.85, 120.78],
  E6: [30.92, 120.9],
  // 昆山市
  T1: [31.42, 120.86],
  K1: [31.24, 120.89],
  W1: [31.2, 120.83],
  Q1: [31.02, 120.92],
  Q2: [31.1, 120.82],
  N1: [31.05, 121.0],
  N2: [31.18, 121.08],
  N3: [31.3, 121.11],
  T2: [31.39, 121.1],
  N4: [31.44, 121.02],
  T3: [31.5, 120.93],
  // 太仓市 (the Yangtze to the north-east)
  C1: [31.44, 121.26],
  C2: [31.48, 121.33],
  C3: [31.62, 121.23],
  T4: [31.7, 121.03],
  C4: [31.6, 120.97],
  // 常熟市
  M1: [31.78, 120.93],
  T5: [31.84, 120.8],
  M2: [31.78, 120.7],
  T6: [31.7, 120.58],
  M3: [31.6, 120.56],
  // 张家港市
  Y1: [31.95, 120.72],
  Y2: [32.02, 120.56],
  Y3: [31.99, 120.4],
  Y4: [31.9, 120.36],
  Y5: [31.78, 120.42],
  Y6: [31.7, 120.5],
} as const satisfies Record<string, readonly [lat: number, lng: number]>;

type Vertex = keyof typeof V;

/** Each district's outline as a walk around its vertices (the ring is closed for GeoJSON). */
const OUTLINES: Record<string, Vertex[]> = {
  "320508": ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9"],
  "320571": ["G3", "S1", "S2", "T1", "S3", "S4", "S5", "S6", "S7", "G5", "G4"],
  "320507": ["G9", "G1", "G2", "G3", "S1", "S2", "T1", "X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8"],
  "320505": ["G9", "X8", "X7", "X6", "H7", "H6", "H5", "H4", "H3", "H2", "H1", "G6", "G7", "G8"],
  "320506": [
    "G6",
    "G5",
    "S7",
    "S6",
    "S5",
    "S4",
    "K1",
    "W1",
    "J1",
    "J2",
    "J3",
    "J4",
    "J5",
    "J6",
    "Z1",
    "Z2",
    "H6",
    "H5",
    "H4",
    "H3",
    "H2",
    "H1",
  ],
  "320509": ["W1", "J1", "J2", "J3", "J4", "J5", "J6", "E1", "E2", "E3", "E4", "E5", "E6", "Q1", "Q2"],
  "320583": ["T1", "S3", "S4", "K1", "W1", "Q2", "Q1", "N1", "N2", "N3", "T2", "N4", "T3", "X1"],
  "320585": ["T2", "C1", "C2", "C3", "T4", "C4", "T3", "N4"],
  "320581": ["X3", "X2", "X1", "T3", "C4", "T4", "M1", "T5", "M2", "T6", "M3"],
  "320582": ["T6", "M2", "T5", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6"],
};

const ring = (walk: Vertex[]): [number, number][] => {
  const positions = walk.map((v): [number, number] => [V[v][1], V[v][0]]);
  return [...positions, positions[0] as [number, number]];
};

export const SUZHOU_BOUNDARIES: CityBoundaries = {
  type: "FeatureCollection",
  features: Object.entries(OUTLINES).map(([code, walk]) => ({
    type: "Feature",
    properties: { code },
    geometry: { type: "Polygon", coordinates: [ring(walk)] },
  })),
};

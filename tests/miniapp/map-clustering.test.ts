import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ClusterMark, canSplit, clusterPoints, MIN_GAP_PX } from "../../miniapp/src/components/map/clustering";
import { MAX_ZOOM, worldPixels } from "../../miniapp/src/components/map/projection";
import type { MapPoint, MarkerColour } from "../../miniapp/src/components/map/types";

/*
 * The clustering every map uses (weapp, Leaflet, offline plot): pure, so its promises are checked here
 * over random points around Suzhou at every zoom a phone shows.
 */

const SUZHOU = { lat: 31.3017, lng: 120.62 };
const COLOURS: MarkerColour[] = ["green", "grey", "amber", "blue", "red"];

const point = (i: number, dLat: number, dLng: number, colour: MarkerColour = "green"): MapPoint => ({
  id: `p${i}`,
  title: `第${i}处`,
  lat: SUZHOU.lat + dLat,
  lng: SUZHOU.lng + dLng,
  colour,
  label: String(i + 1),
});

/** An offset in degrees: mostly within a few hundred metres (where clusters form), sometimes up to 3 km. */
const offsetArb = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -0.004, max: 0.004, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: -0.03, max: 0.03, noNaN: true }) },
);

/** Up to 60 points around Guanqian Street, some of them on exactly the same spot. */
const pointsArb = fc
  .array(
    fc.record({
      dLat: offsetArb,
      dLng: offsetArb,
      colour: fc.constantFrom(...COLOURS),
      twinOfPrevious: fc.boolean(),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((rows) => {
    const out: MapPoint[] = [];
    rows.forEach((r, i) => {
      const prev = out[i - 1];
      out.push(r.twinOfPrevious && prev ? { ...prev, id: `p${i}`, colour: r.colour } : point(i, r.dLat, r.dLng, r.colour));
    });
    return out;
  });

const zoomArb = fc.double({ min: 10, max: MAX_ZOOM + 1, noNaN: true });

describe("map clustering", () => {
  it("never leaves two markers or counts on top of each other, at any zoom", () => {
    fc.assert(
      fc.property(pointsArb, zoomArb, (points, zoom) => {
        const px = clusterPoints(points)
          .marksAt(zoom)
          .map((m) => worldPixels(m, zoom));
        for (let i = 0; i < px.length; i++)
          for (let j = i + 1; j < px.length; j++) {
            const a = px[i] as { x: number; y: number };
            const b = px[j] as { x: number; y: number };
            expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(MIN_GAP_PX);
          }
      }),
      { numRuns: 500 },
    );
  });

  it("shows every point exactly once: alone, or counted in one cluster whose count is its number of members", () => {
    fc.assert(
      fc.property(pointsArb, zoomArb, (points, zoom) => {
        const marks = clusterPoints(points).marksAt(zoom);
        const shown = marks.flatMap((m) => (m.kind === "point" ? [m.point.id] : m.ids));
        expect([...shown].sort()).toEqual(points.map((p) => p.id).sort());
        for (const m of marks) if (m.kind === "cluster") expect(m.count).toBe(m.ids.length);
      }),
      { numRuns: 300 },
    );
  });

  it("splits a cluster when the map zooms in to where the cluster says it falls apart", () => {
    fc.assert(
      fc.property(pointsArb, fc.integer({ min: 10, max: 16 }), (points, zoom) => {
        const clusters = clusterPoints(points);
        for (const c of clusters.marksAt(zoom).filter((m): m is ClusterMark => m.kind === "cluster" && canSplit(m))) {
          expect(c.expansionZoom).toBeGreaterThan(zoom);
          const after = clusters
            .marksAt(c.expansionZoom)
            .filter((m) => (m.kind === "point" ? c.ids.includes(m.point.id) : m.ids.some((id) => c.ids.includes(id))));
          expect(after.length, `cluster of ${c.count} at zoom ${zoom}`).toBeGreaterThan(1);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("sends a tap on a cluster far enough in: three toilets in a line 300 m apart part only where the map shows them apart", () => {
    // Found by the property above (CI, seed -589551390): the overlap pass merged them at zoom 10 and promised
    // zoom 11, where they were still one mark.
    const points = [point(0, 31.30434037812292 - SUZHOU.lat, 0), point(1, 31.29905979406126 - SUZHOU.lat, 0), point(2, 0, 0)];
    const clusters = clusterPoints(points);
    const [only] = clusters.marksAt(10) as ClusterMark[];
    expect(only).toMatchObject({ kind: "cluster", count: 3 });
    expect(canSplit(only as ClusterMark)).toBe(true);
    const level = (only as ClusterMark).expansionZoom;
    expect(clusters.marksAt(level).length).toBeGreaterThan(1);
    expect(clusters.marksAt(level - 1)).toHaveLength(1);
  });

  it("groups two toilets 200 m apart on a whole-city view and shows them apart on a street view", () => {
    const points = [point(0, 0, 0), point(1, 0.0009, 0.0019, "grey")];
    const far = clusterPoints(points).marksAt(13);
    expect(far).toHaveLength(1);
    expect(far[0]).toMatchObject({ kind: "cluster", count: 2, ids: ["p0", "p1"] });
    const near = clusterPoints(points).marksAt(17);
    expect(near.map((m) => m.kind)).toEqual(["point", "point"]);
  });

  it("keeps reports on one coarsened spot together at every zoom and says the cluster cannot split", () => {
    const spot = [point(0, 0.001, 0.001, "blue"), point(1, 0.001, 0.001, "green"), point(2, 0.001, 0.001, "blue")];
    for (const zoom of [12, 16, MAX_ZOOM, MAX_ZOOM + 1]) {
      const marks = clusterPoints(spot).marksAt(zoom);
      expect(marks).toHaveLength(1);
      const only = marks[0] as ClusterMark;
      expect(only.count).toBe(3);
      if (zoom >= 16) expect(canSplit(only)).toBe(false);
    }
  });

  it("colours a cluster like most of its members, and lists marks in the caller's order", () => {
    const points = [point(0, 0.02, 0.02, "grey"), point(1, 0, 0, "amber"), point(2, 0.0001, 0, "green"), point(3, 0, 0.0001, "green")];
    const marks = clusterPoints(points).marksAt(14);
    expect(marks.map((m) => (m.kind === "point" ? m.point.id : m.ids.join("+")))).toEqual(["p0", "p1+p2+p3"]);
    expect((marks[1] as ClusterMark).colour).toBe("green");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceMetres } from "../geo/distance";
import { distanceToZoneMetres, pointInZone, zoneCentre } from "./geometry";
import type { ZoneArea } from "./schemas";

// A square about 200 m a side around 石路 (GCJ-02).
const square: ZoneArea = {
  shape: "polygon",
  ring: [
    [120.598, 31.316],
    [120.6, 31.316],
    [120.6, 31.318],
    [120.598, 31.318],
    [120.598, 31.316],
  ],
};
const circle: ZoneArea = { shape: "circle", center: { lat: 31.31, lng: 120.62 }, radiusM: 80 };

describe("zone geometry", () => {
  it("a point inside is at 0 m; the centre is inside", () => {
    expect(distanceToZoneMetres(square, { lat: 31.317, lng: 120.599 })).toBe(0);
    expect(pointInZone(square, zoneCentre(square))).toBe(true);
    expect(pointInZone(circle, { lat: 31.3103, lng: 120.62 })).toBe(true);
  });

  it("measures to the nearest edge outside a polygon", () => {
    // 0.0005° of latitude north of the top edge: about 55.6 m.
    expect(distanceToZoneMetres(square, { lat: 31.3185, lng: 120.599 })).toBeCloseTo(55.6, 0);
    // Beyond a corner: the distance to the corner.
    const corner = { lat: 31.318, lng: 120.6 };
    const p = { lat: 31.3185, lng: 120.6005 };
    expect(distanceToZoneMetres(square, p)).toBeCloseTo(distanceMetres(corner, p), 0);
  });

  it("measures to the rim outside a circle", () => {
    expect(distanceToZoneMetres(circle, { lat: 31.311, lng: 120.62 })).toBeCloseTo(111.2 - 80, 0);
  });

  it("never measures more than the distance to any vertex, and 0 only inside", () => {
    const near = fc.record({
      lat: fc.double({ min: 31.31, max: 31.324, noNaN: true }),
      lng: fc.double({ min: 120.592, max: 120.606, noNaN: true }),
    });
    fc.assert(
      fc.property(near, (p) => {
        const d = distanceToZoneMetres(square, p);
        if (square.shape !== "polygon") return;
        for (const [lng, lat] of square.ring) expect(d).toBeLessThanOrEqual(distanceMetres(p, { lat, lng }) + 0.5);
        const inside = p.lat > 31.316 && p.lat < 31.318 && p.lng > 120.598 && p.lng < 120.6;
        if (inside) expect(d).toBe(0);
        else if (d === 0) expect(inside || p.lat === 31.316 || p.lng === 120.598).toBe(true);
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bandsCovering, boundingBox, distanceMetres, gcj02ToWgs84, LAT_BAND_SLOTS, latBand, wgs84ToGcj02 } from "./index";

const suzhouPoint = fc.record({
  lat: fc.double({ min: 30.7, max: 32.1, noNaN: true }),
  lng: fc.double({ min: 119.9, max: 121.4, noNaN: true }),
});
const chinaPoint = fc.record({
  lat: fc.double({ min: 18, max: 53, noNaN: true }),
  lng: fc.double({ min: 74, max: 134, noNaN: true }),
});

describe("distance", () => {
  it("matches known distances", () => {
    // Suzhou railway station to Guanqian street: about 2.5 km.
    const station = { lat: 31.3305, lng: 120.6108 };
    const guanqian = { lat: 31.3085, lng: 120.6195 };
    expect(distanceMetres(station, guanqian)).toBeGreaterThan(2500);
    expect(distanceMetres(station, guanqian)).toBeLessThan(2600);
    // One degree of latitude is about 111.2 km.
    expect(distanceMetres({ lat: 31, lng: 120 }, { lat: 32, lng: 120 })).toBeCloseTo(111_195, -1);
  });

  it("is symmetric, zero on itself, and obeys the triangle inequality", () => {
    fc.assert(
      fc.property(suzhouPoint, suzhouPoint, suzhouPoint, (a, b, c) => {
        expect(distanceMetres(a, a)).toBe(0);
        expect(Math.abs(distanceMetres(a, b) - distanceMetres(b, a))).toBeLessThan(1e-6);
        expect(distanceMetres(a, c)).toBeLessThanOrEqual(distanceMetres(a, b) + distanceMetres(b, c) + 1e-6);
      }),
    );
  });
});

describe("bounding box", () => {
  it("contains every point within the radius", () => {
    fc.assert(
      fc.property(
        suzhouPoint,
        fc.integer({ min: 50, max: 5000 }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (centre, radius, bearing, fraction) => {
          const d = radius * fraction;
          const p = {
            lat: centre.lat + ((d * Math.cos(bearing)) / 6_371_008.8) * (180 / Math.PI),
            lng: centre.lng + ((d * Math.sin(bearing)) / (6_371_008.8 * Math.cos((centre.lat * Math.PI) / 180))) * (180 / Math.PI),
          };
          if (distanceMetres(centre, p) > radius) return;
          const box = boundingBox(centre, radius);
          expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
          expect(p.lat).toBeLessThanOrEqual(box.maxLat);
          expect(p.lng).toBeGreaterThanOrEqual(box.minLng);
          expect(p.lng).toBeLessThanOrEqual(box.maxLng);
        },
      ),
    );
  });

  it("is not much larger than the circle", () => {
    const box = boundingBox({ lat: 31.3, lng: 120.6 }, 1000);
    expect(distanceMetres({ lat: box.minLat, lng: 120.6 }, { lat: box.maxLat, lng: 120.6 })).toBeCloseTo(2000, -1);
  });
});

describe("latitude bands", () => {
  it("cover the whole box for any search up to 5 km, padded to a fixed length", () => {
    fc.assert(
      fc.property(suzhouPoint, fc.integer({ min: 50, max: 5000 }), fc.double({ min: -1, max: 1, noNaN: true }), (centre, radius, f) => {
        const box = boundingBox(centre, radius);
        const bands = bandsCovering(box.minLat, box.maxLat);
        expect(bands).toHaveLength(LAT_BAND_SLOTS);
        const lat = centre.lat + f * (box.maxLat - centre.lat);
        expect(bands).toContain(latBand(Math.min(box.maxLat, Math.max(box.minLat, lat))));
      }),
    );
  });

  it("refuses a span wider than its slots", () => {
    expect(() => bandsCovering(31, 31.5)).toThrow(RangeError);
  });
});

describe("GCJ-02", () => {
  it("shifts Suzhou by a few hundred metres, as WeChat's map does", () => {
    const wgs = { lat: 31.31, lng: 120.615 };
    const shift = distanceMetres(wgs, wgs84ToGcj02(wgs));
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(700);
  });

  it("round-trips WGS-84 -> GCJ-02 -> WGS-84 to within a centimetre anywhere in China", () => {
    fc.assert(
      fc.property(chinaPoint, (p) => {
        expect(distanceMetres(p, gcj02ToWgs84(wgs84ToGcj02(p)))).toBeLessThan(0.01);
      }),
    );
  });

  it("leaves points outside China unchanged", () => {
    const london = { lat: 51.5, lng: -0.12 };
    expect(wgs84ToGcj02(london)).toEqual(london);
    expect(gcj02ToWgs84(london)).toEqual(london);
  });
});

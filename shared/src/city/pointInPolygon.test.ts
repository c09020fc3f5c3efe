import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pointInPolygon, pointInRing } from "./pointInPolygon";

// Integers scaled down: fc.double favours 0, -0 and subnormals, which would make most cases degenerate.
const coord = fc.integer({ min: -500_000, max: 500_000 }).map((n) => n / 10_000);

describe("point in polygon (ray cast)", () => {
  it("agrees with the obvious answer for any axis-aligned rectangle, whichever way it is walked", () => {
    fc.assert(
      fc.property(coord, coord, coord, coord, coord, coord, fc.boolean(), (x1, x2, y1, y2, px, py, reverse) => {
        fc.pre(Math.abs(x1 - x2) > 1e-6 && Math.abs(y1 - y2) > 1e-6);
        const [minX, maxX, minY, maxY] = [Math.min(x1, x2), Math.max(x1, x2), Math.min(y1, y2), Math.max(y1, y2)];
        // Skip points within a hair of an edge, where either answer is allowed.
        fc.pre(Math.min(Math.abs(px - minX), Math.abs(px - maxX), Math.abs(py - minY), Math.abs(py - maxY)) > 1e-9);
        const walk = [
          [minX, minY],
          [maxX, minY],
          [maxX, maxY],
          [minX, maxY],
        ];
        const ring = reverse ? [...walk].reverse() : walk;
        const expected = px > minX && px < maxX && py > minY && py < maxY;
        expect(pointInRing(px, py, [...ring, ring[0] as number[]])).toBe(expected);
      }),
    );
  });

  it("agrees with barycentric coordinates for any triangle", () => {
    fc.assert(
      fc.property(fc.tuple(coord, coord, coord, coord, coord, coord, coord, coord), ([ax, ay, bx, by, cx, cy, px, py]) => {
        const a = [ax, ay] as const;
        const b = [bx, by] as const;
        const c = [cx, cy] as const;
        const p = [px, py] as const;
        const det = (b[1] - c[1]) * (a[0] - c[0]) + (c[0] - b[0]) * (a[1] - c[1]);
        fc.pre(Math.abs(det) > 1e-3);
        const l1 = ((b[1] - c[1]) * (p[0] - c[0]) + (c[0] - b[0]) * (p[1] - c[1])) / det;
        const l2 = ((c[1] - a[1]) * (p[0] - c[0]) + (a[0] - c[0]) * (p[1] - c[1])) / det;
        const l3 = 1 - l1 - l2;
        fc.pre(Math.min(Math.abs(l1), Math.abs(l2), Math.abs(l3)) > 1e-6);
        expect(pointInRing(p[0], p[1], [a, b, c, a])).toBe(l1 > 0 && l2 > 0 && l3 > 0);
      }),
    );
  });

  it("counts a point once when the ray passes exactly through a vertex", () => {
    // A diamond: the ray from (0, 0) to the right passes through the vertex (2, 0).
    const diamond = [
      [0, -2],
      [2, 0],
      [0, 2],
      [-2, 0],
      [0, -2],
    ];
    expect(pointInRing(0, 0, diamond)).toBe(true);
    expect(pointInRing(-3, 0, diamond)).toBe(false);
  });

  it("leaves out the holes of a polygon", () => {
    const outer = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const hole = [
      [4, 4],
      [6, 4],
      [6, 6],
      [4, 6],
      [4, 4],
    ];
    expect(pointInPolygon(2, 2, [outer, hole])).toBe(true);
    expect(pointInPolygon(5, 5, [outer, hole])).toBe(false);
    expect(pointInPolygon(11, 5, [outer, hole])).toBe(false);
  });
});

import { COARSE_CELL_DEGREES, coarsen, distanceMetres } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { GUANQIAN, offset } from "./fixtures";
import { type ContractHarness, call, type GetHarness, loginAs } from "./harness";
import { createCategories, fileReport, staffActs } from "./report-fixtures";

/*
 * Distances and radius cuts about someone else's report reveal no more than its public ~100 m cell.
 * The reports sit near a corner of their coarse cell on purpose: the cell's centre is then ~70 m from the
 * truth, so an attacker who only ever learns the centre is far from the reporter's door.
 */

type Point = { lat: number; lng: number };

/** A point 3 m inside the given corner of the coarse cell that holds `p`. */
function nearCellCorner(p: Point, corner: [0 | 1, 0 | 1]): Point {
  const base = {
    lat: Math.floor(p.lat / COARSE_CELL_DEGREES) * COARSE_CELL_DEGREES,
    lng: Math.floor(p.lng / COARSE_CELL_DEGREES) * COARSE_CELL_DEGREES,
  };
  const cornerPoint = { lat: base.lat + corner[0] * COARSE_CELL_DEGREES, lng: base.lng + corner[1] * COARSE_CELL_DEGREES };
  return offset(cornerPoint, corner[0] ? -3 : 3, corner[1] ? -3 : 3);
}

/** Local metres east/north of `origin`. */
function local(origin: Point, p: Point) {
  return { x: (p.lng - origin.lng) * 111_195 * Math.cos((origin.lat * Math.PI) / 180), y: (p.lat - origin.lat) * 111_195 };
}

/** Classic trilateration: the point at the answered distances from three search points (linearised). */
function trilaterate(searches: { at: Point; d: number }[]): Point {
  const [a, b, c] = searches as [{ at: Point; d: number }, { at: Point; d: number }, { at: Point; d: number }];
  const pb = local(a.at, b.at);
  const pc = local(a.at, c.at);
  const rhs = (p: { x: number; y: number }, d: number) => a.d ** 2 - d ** 2 + p.x ** 2 + p.y ** 2;
  const [m11, m12, m21, m22] = [2 * pb.x, 2 * pb.y, 2 * pc.x, 2 * pc.y];
  const det = m11 * m22 - m12 * m21;
  const x = (rhs(pb, b.d) * m22 - m12 * rhs(pc, c.d)) / det;
  const y = (m11 * rhs(pc, c.d) - m21 * rhs(pb, b.d)) / det;
  return offset(a.at, y, x);
}

async function duplicateDistances(h: ContractHarness, token: string, id: string, points: Point[]) {
  const out: { at: Point; d: number }[] = [];
  for (const at of points) {
    const res = await call(h, "GET", `/api/v1/reports/duplicates?category=illegal_posters&lat=${at.lat}&lng=${at.lng}`, { token });
    expect(res.status).toBe(200);
    const hit = res.json.candidates.find((c: { id: string }) => c.id === id);
    expect(hit, "the report is offered as a possible duplicate from every search point").toBeTruthy();
    out.push({ at, d: hit.distanceM });
  }
  return out;
}

export function registerLocationPrivacyContract(getHarness: GetHarness) {
  describe("location privacy of other people's reports", () => {
    it("three duplicate searches 20 m apart cannot trilaterate someone's unaccepted report closer than 25 m", async () => {
      const h = getHarness();
      h.setNow("2026-11-20T02:00:00.000Z");
      await createCategories(h);
      const prober = await loginAs(h, "prober");
      for (const corner of [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ] as [0 | 1, 0 | 1][]) {
        const reporter = await loginAs(h, `victim-${corner.join("")}`);
        const truth = nearCellCorner(offset(GUANQIAN, 400 * corner[0], 400 * corner[1]), corner);
        const report = await fileReport(h, reporter.token, { location: truth });
        // A triangle of searches 20 m apart, 10–25 m from the reporter's door.
        const towardCentre = (n: number, e: number) => offset(truth, corner[0] ? -n : n, corner[1] ? -e : e);
        const searches = await duplicateDistances(h, prober.token, report.id, [
          towardCentre(10, 5),
          towardCentre(10, 25),
          towardCentre(27, 15),
        ]);
        const guess = trilaterate(searches);
        expect(distanceMetres(guess, truth)).toBeGreaterThanOrEqual(25);
        // All it finds is the public cell's centre.
        expect(distanceMetres(guess, coarsen(truth))).toBeLessThan(5);
        // The reporter's own search stays exact: it is their own door.
        const own = await duplicateDistances(h, reporter.token, report.id, [towardCentre(10, 5)]);
        expect(own[0]?.d).toBe(Math.round(distanceMetres(towardCentre(10, 5), truth)));
      }
    });

    it("the duplicate check offers a report by its coarse cell, and nothing from a street away", async () => {
      const h = getHarness();
      h.setNow("2026-11-20T02:00:00.000Z");
      await createCategories(h);
      const reporter = await loginAs(h, "cell-reporter");
      const other = await loginAs(h, "cell-neighbour");
      const truth = nearCellCorner(GUANQIAN, [0, 0]);
      const report = await fileReport(h, reporter.token, { location: truth });
      const q = (p: Point) =>
        call(h, "GET", `/api/v1/reports/duplicates?category=illegal_posters&lat=${p.lat}&lng=${p.lng}`, { token: other.token });
      const atCentre = await q(coarsen(truth));
      expect(atCentre.json.candidates).toEqual([expect.objectContaining({ id: report.id, distanceM: 0 })]);
      // Standing on the reporter's exact spot answers no more than standing at the cell's centre would.
      expect((await q(truth)).json.candidates[0].distanceM).toBe(Math.round(distanceMetres(truth, coarsen(truth))));
      expect((await q(offset(truth, -250, 0))).json.candidates).toEqual([]);
    });

    it("the public map's radius cuts on the coarse point, so narrowing the radius finds no more than the cell", async () => {
      const h = getHarness();
      h.setNow("2026-11-20T02:00:00.000Z");
      await createCategories(h);
      const reporter = await loginAs(h, "map-reporter");
      const mod = await loginAs(h, "map-mod", "moderator");
      const truth = nearCellCorner(GUANQIAN, [1, 1]);
      const report = await fileReport(h, reporter.token, { location: truth });
      await staffActs(h, mod.token, report.id, [["accept", {}]]);
      const ids = async (p: Point, radius: number) =>
        (await call(h, "GET", `/api/v1/reports/public?lat=${p.lat}&lng=${p.lng}&radius=${radius}`)).json.reports.map(
          (r: { id: string }) => r.id,
        );
      // From the reporter's door with the smallest radius the report is not there (its public point is ~70 m off)...
      expect(await ids(truth, 50)).toEqual([]);
      // ...and from its public point it is, as the map shows it.
      expect(await ids(coarsen(truth), 50)).toEqual([report.id]);
    });
  });
}

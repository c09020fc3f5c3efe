/**
 * Public views show where a problem is to about 100 m, never the reporter's exact position: the point
 * snaps to the centre of a 0.001° cell (≈111 m north-south, ≈95 m east-west at Suzhou's latitude).
 */
export const COARSE_CELL_DEGREES = 0.001;

export function coarsen(p: { lat: number; lng: number }): { lat: number; lng: number } {
  const snap = (v: number) => Number(((Math.floor(v / COARSE_CELL_DEGREES) + 0.5) * COARSE_CELL_DEGREES).toFixed(4));
  return { lat: snap(p.lat), lng: snap(p.lng) };
}

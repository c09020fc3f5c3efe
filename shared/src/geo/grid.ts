/**
 * Portable spatial index: each point carries the integer latitude band it falls in (an indexed column),
 * and a search lists the bands its bounding box spans. The list is padded to a fixed length so one
 * prepared statement serves every query, on SQLite and on D1 alike (D1 has no R*Tree).
 */
export const LAT_BAND_DEGREES = 0.01;

/** Enough slots for the widest supported search (5 km radius spans at most 10 bands). */
export const LAT_BAND_SLOTS = 12;

export function latBand(lat: number): number {
  return Math.floor(lat / LAT_BAND_DEGREES);
}

/** Every band from minLat to maxLat inclusive, padded with repeats of the last band to `slots` entries. */
export function bandsCovering(minLat: number, maxLat: number, slots = LAT_BAND_SLOTS): number[] {
  const first = latBand(minLat);
  const last = latBand(maxLat);
  const count = last - first + 1;
  if (count > slots) throw new RangeError(`search spans ${count} latitude bands; at most ${slots} supported`);
  const bands: number[] = [];
  for (let b = first; b <= last; b++) bands.push(b);
  while (bands.length < slots) bands.push(last);
  return bands;
}

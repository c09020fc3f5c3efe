/** "350米" under a kilometre, "1.2公里" / "3公里" above. */
export function formatDistance(metres: number): string {
  const m = Math.max(0, Math.round(metres));
  if (m < 1000) return `${m}米`;
  const km = Math.round(m / 100) / 10;
  return `${Number.isInteger(km) ? km.toFixed(0) : km.toFixed(1)}公里`;
}
